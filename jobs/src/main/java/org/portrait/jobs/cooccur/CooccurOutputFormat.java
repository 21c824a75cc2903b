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
  /** Bytes per record: int i, int j, float x. */
  static final int RECORD_BYTES = 12;

  @Override
  public RecordWriter<IntWritable, BytesWritable> getRecordWriter(TaskAttemptContext job) throws IOException {
    Path file = getDefaultWorkFile(job, SUFFIX);
    FSDataOutputStream raw = file.getFileSystem(job.getConfiguration()).create(file, false);
    DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(raw, 1 << 16));
    return new RecordWriter<>() {
      private byte[] records = new byte[0];

      @Override
      public void write(IntWritable row, BytesWritable stripe) throws IOException {
        // One bulk write per stripe: per-field writeInt calls cost a synchronized stream call each.
        int pairs = stripe.getLength() / Stripes.PAIR_BYTES;
        if (records.length < pairs * RECORD_BYTES) {
          records = new byte[Math.max(pairs * RECORD_BYTES, records.length * 2)];
        }
        ByteBuffer in = ByteBuffer.wrap(stripe.getBytes(), 0, pairs * Stripes.PAIR_BYTES);
        ByteBuffer b = ByteBuffer.wrap(records);
        int i = row.get();
        for (int k = 0; k < pairs; k++) {
          b.putInt(i);
          b.putLong(in.getLong());
        }
        out.write(records, 0, pairs * RECORD_BYTES);
      }

      @Override
      public void close(TaskAttemptContext context) throws IOException {
        out.close();
      }
    };
  }
}
