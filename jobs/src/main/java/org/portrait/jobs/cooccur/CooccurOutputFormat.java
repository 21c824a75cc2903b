package org.portrait.jobs.cooccur;

import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.DoubleWritable;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.mapreduce.RecordWriter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.portrait.common.glove.PairCountMap;

/**
 * Writes co-occurrence entries as the trainer reads them: {@code part-r-NNNNN.cooc}, fixed 12-byte records
 * (big-endian int i, int j, float x), sorted by (i, j). Fixed records let the trainer size its arrays from the
 * file length and read without parsing.
 */
public class CooccurOutputFormat extends FileOutputFormat<LongWritable, DoubleWritable> {
  /** File name suffix of co-occurrence part files. */
  public static final String SUFFIX = ".cooc";

  @Override
  public RecordWriter<LongWritable, DoubleWritable> getRecordWriter(TaskAttemptContext job) throws IOException {
    Path file = getDefaultWorkFile(job, SUFFIX);
    FSDataOutputStream raw = file.getFileSystem(job.getConfiguration()).create(file, false);
    DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(raw, 1 << 16));
    return new RecordWriter<>() {
      @Override
      public void write(LongWritable key, DoubleWritable value) throws IOException {
        out.writeInt(PairCountMap.row(key.get()));
        out.writeInt(PairCountMap.col(key.get()));
        out.writeFloat((float) value.get());
      }

      @Override
      public void close(TaskAttemptContext context) throws IOException {
        out.close();
      }
    };
  }
}
