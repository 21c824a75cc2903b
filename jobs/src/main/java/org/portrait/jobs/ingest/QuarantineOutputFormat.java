package org.portrait.jobs.ingest;

import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.RecordWriter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;

/**
 * Lines of text (the raw rejects as JSON Lines) in files that only their owner can read ({@link #FILE_MODE}):
 * created with that permission and set again afterwards, so neither the umask nor a file system that ignores
 * the create permission leaves raw records readable while the job runs.
 */
public class QuarantineOutputFormat extends FileOutputFormat<NullWritable, Text> {
  /** Permission of quarantine files (owner read/write only). */
  public static final FsPermission FILE_MODE = new FsPermission((short) 0600);

  @Override
  public RecordWriter<NullWritable, Text> getRecordWriter(TaskAttemptContext context) throws IOException {
    Path file = getDefaultWorkFile(context, ".jsonl");
    FileSystem fs = file.getFileSystem(context.getConfiguration());
    FSDataOutputStream out = fs.create(file, FILE_MODE, false, context.getConfiguration().getInt("io.file.buffer.size",
        4096), fs.getDefaultReplication(file), fs.getDefaultBlockSize(file), null);
    fs.setPermission(file, FILE_MODE);
    return new RecordWriter<>() {
      private final DataOutputStream stream = out;

      @Override
      public void write(NullWritable key, Text value) throws IOException {
        stream.write(value.getBytes(), 0, value.getLength());
        stream.write('\n');
      }

      @Override
      public void close(TaskAttemptContext c) throws IOException {
        stream.close();
      }
    };
  }
}
