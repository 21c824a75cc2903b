package org.portrait.jobs.cooccur;

import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Path;
import java.nio.ByteBuffer;
import org.apache.hadoop.io.BytesWritable;
import org.apache.hadoop.io.IntWritable;
import org.apache.hadoop.mapreduce.RecordWriter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;

/**
 * Writes co-occurrence entries as the trainer reads them: {@code part-r-NNNNN.cooc}, fixed 12-byte records
 * (big-endian int i, int j, float x), sorted by (i, j); each stripe (row) becomes its records. Fixed records let the trainer size its arrays from the
 * file length and read without parsing.
 */
public class CooccurOutputFormat extends FileOutputFormat<IntWritable, BytesWritable> {
  /** File name suffix of co-occurrence part files. */
  public static final String SUFFIX = ".cooc";

  @Override
  public RecordWriter<IntWritable, BytesWritable> getRecordWriter(TaskAttemptContext job) throws IOException {
    Path file = getDefaultWorkFile(job, SUFFIX);
    FSDataOutputStream raw = file.getFileSystem(job.getConfiguration()).create(file, false);
    DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(raw, 1 << 16));
    return new RecordWriter<>() {
      @Override
      public void write(IntWritable row, BytesWritable stripe) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(stripe.getBytes(), 0, stripe.getLength());
        while (b.remaining() >= Stripes.PAIR_BYTES) {
          out.writeInt(row.get());
          out.writeInt(b.getInt());
          out.writeFloat(b.getFloat());
        }
      }

      @Override
      public void close(TaskAttemptContext context) throws IOException {
        out.close();
      }
    };
  }
}
