package org.portrait.jobs;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.output.NullOutputFormat;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.portrait.common.config.LocalMode;

/** A failed job's IOException carries the failed task's own error, not just "FAILED: NA". */
public class JobsRunOrThrowTest {
  static final String MESSAGE = "test mapper gave up on purpose (42)";

  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  /** Test-only mapper that fails on its first record. */
  public static class FailingMapper extends Mapper<LongWritable, Text, NullWritable, NullWritable> {
    @Override
    protected void map(LongWritable key, Text value, Context context) {
      throw new IllegalStateException(MESSAGE);
    }
  }

  @Test
  public void localTaskFailureIsInTheMessage() throws Exception {
    File in = tmp.newFolder("in");
    Files.writeString(new File(in, "a.txt").toPath(), "one line\n");
    Configuration conf = LocalMode.configure(new Configuration(), tmp.getRoot());
    conf.setInt("mapreduce.client.completion.pollinterval", 50);
    Job job = Jobs.newJob(conf, "failing-test", JobsRunOrThrowTest.class);
    FileInputFormat.addInputPath(job, new Path(in.toURI()));
    job.setMapperClass(FailingMapper.class);
    job.setNumReduceTasks(0);
    job.setOutputFormatClass(NullOutputFormat.class);
    try {
      Jobs.runOrThrow(job);
      fail("the job should fail");
    } catch (IOException e) {
      assertTrue(e.getMessage(), e.getMessage().contains("java.lang.IllegalStateException: " + MESSAGE));
      assertTrue(e.getMessage(), e.getMessage().contains("portrait-failing-test"));
      assertEquals(e.getMessage(), 1, e.getMessage().split("\n").length);
    }
  }

  @Test
  public void firstUsefulLineOfClusterDiagnostics() {
    // as YARN reports a task that died of an exception, and one killed for memory
    assertEquals("java.lang.OutOfMemoryError: Java heap space", TaskFailures.firstUsefulLine("Error:"
        + " java.lang.OutOfMemoryError: Java heap space\n\tat org.portrait.common.glove.GloveModel.<init>(X.java:1)\n"));
    assertEquals("Container killed on request. Exit code is 143",
        TaskFailures.firstUsefulLine("", "\n  Container killed on request. Exit code is 143\n"));
    assertNull(TaskFailures.firstUsefulLine(new String[0]));
    assertEquals("java.lang.IllegalStateException: x",
        TaskFailures.describe(new Exception(new IllegalStateException("x"))));
    assertEquals("java.io.IOException: cannot read f",
        TaskFailures.describe(new java.io.IOException("cannot read f", new IllegalStateException("x"))));
  }
}
