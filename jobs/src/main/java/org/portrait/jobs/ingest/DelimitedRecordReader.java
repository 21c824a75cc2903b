package org.portrait.jobs.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.compress.CodecPool;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.hadoop.io.compress.Decompressor;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;

/**
 * Raw CSV/TSV records of a whole (unsplit) file: a record ends at a line feed outside a quoted field, so quoted
 * fields may hold line breaks. Works on bytes (a quote or line feed byte never occurs inside a UTF-8 multi-byte
 * sequence), so invalid UTF-8 reaches the mapper as it is and is rejected there. Key: byte offset of the record in
 * the (decompressed) file; value: the record's bytes without its line break. Blank lines are skipped. A record
 * longer than {@link IngestDriver#MAX_RECORD_BYTES} inside an open quote is cut at the next line feed, so a
 * stray quote costs one malformed record, not the rest of the file.
 */
public final class DelimitedRecordReader extends RecordReader<LongWritable, Text> {
  private final byte delimiter;
  private InputStream in;
  private Decompressor decompressor;
  private FSDataInputStream raw;
  private long fileLength;
  private long pos;
  private int maxRecordBytes;
  private int pushback = -2;
  private final LongWritable key = new LongWritable();
  private final Text value = new Text();
  private byte[] buf = new byte[4096];

  public DelimitedRecordReader(char delimiter) {
    this.delimiter = (byte) delimiter;
  }

  @Override
  public void initialize(InputSplit split, TaskAttemptContext context) throws IOException {
    FileSplit fs = (FileSplit) split;
    Configuration conf = context.getConfiguration();
    initialize(fs.getPath(), conf);
  }

  /** Opens {@code file} directly (also used by the driver to read a file's header). */
  public void initialize(Path file, Configuration conf) throws IOException {
    maxRecordBytes = conf.getInt(IngestDriver.MAX_RECORD_BYTES, IngestDriver.DEFAULT_MAX_RECORD_BYTES);
    FileSystem fs = file.getFileSystem(conf);
    fileLength = fs.getFileStatus(file).getLen();
    raw = fs.open(file);
    CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(file);
    if (codec != null) {
      decompressor = CodecPool.getDecompressor(codec);
      in = new BufferedInputStream(codec.createInputStream(raw, decompressor), 1 << 16);
    } else {
      in = new BufferedInputStream(raw, 1 << 16);
    }
  }

  private int read() throws IOException {
    if (pushback != -2) {
      int b = pushback;
      pushback = -2;
      return b;
    }
    int b = in.read();
    if (b >= 0) {
      pos++;
    }
    return b;
  }

  @Override
  public boolean nextKeyValue() throws IOException {
    while (true) {
      long start = pos - (pushback >= 0 ? 1 : 0);
      int len = 0;
      boolean inQuotes = false;
      boolean fieldStart = true;
      int b;
      boolean any = false;
      while ((b = read()) != -1) {
        any = true;
        if (inQuotes) {
          if (b == '"') {
            int d = read();
            if (d == '"') {
              len = append(len, b);
              len = append(len, d);
              continue;
            }
            pushback = d;
            inQuotes = false;
          } else if (b == '\n' && len > maxRecordBytes) {
            break; // runaway quote: give up on it at this line end
          }
          len = append(len, b);
          continue;
        }
        if (b == '\n') {
          break;
        }
        if (b == '"' && fieldStart) {
          inQuotes = true;
        }
        fieldStart = b == delimiter;
        len = append(len, b);
      }
      if (!any) {
        return false;
      }
      if (len > 0 && buf[len - 1] == '\r') {
        len--;
      }
      if (len == 0) {
        if (b == -1) {
          return false;
        }
        continue; // blank line
      }
      key.set(start);
      value.set(buf, 0, len);
      return true;
    }
  }

  private int append(int len, int b) {
    if (len == buf.length) {
      buf = java.util.Arrays.copyOf(buf, buf.length * 2);
    }
    buf[len] = (byte) b;
    return len + 1;
  }

  @Override
  public LongWritable getCurrentKey() {
    return key;
  }

  @Override
  public Text getCurrentValue() {
    return value;
  }

  @Override
  public float getProgress() throws IOException {
    if (fileLength == 0) {
      return 1f;
    }
    return Math.min(1f, raw.getPos() / (float) fileLength);
  }

  @Override
  public void close() throws IOException {
    try {
      if (in != null) {
        in.close();
      }
    } finally {
      if (decompressor != null) {
        CodecPool.returnDecompressor(decompressor);
        decompressor = null;
      }
    }
  }
}
