package org.portrait.jobs.ingest;

import java.io.IOException;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.hadoop.io.compress.SplittableCompressionCodec;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.mapreduce.lib.input.LineRecordReader;

/**
 * One input format for every ingest format, chosen per file ({@link IngestFormat}): key = position of the record
 * in its file, value = the raw record. CSV/TSV files are read whole by one task (a quoted field may hold a line
 * break, so a split boundary cannot be found safely) and so are Avro files (exact record numbers); JSON Lines
 * files split like text files.
 */
public final class IngestInputFormat extends FileInputFormat<LongWritable, Text> {

  @Override
  protected boolean isSplitable(JobContext context, Path file) {
    if (IngestFormat.of(file, context.getConfiguration()) != IngestFormat.JSONL) {
      return false;
    }
    CompressionCodec codec = new CompressionCodecFactory(context.getConfiguration()).getCodec(file);
    return codec == null || codec instanceof SplittableCompressionCodec;
  }

  @Override
  public RecordReader<LongWritable, Text> createRecordReader(InputSplit split, TaskAttemptContext context)
      throws IOException {
    IngestFormat format = IngestFormat.of(((FileSplit) split).getPath(), context.getConfiguration());
    switch (format) {
      case CSV:
      case TSV:
        return new DelimitedRecordReader(format.delimiter());
      case AVRO:
        return new AvroJsonRecordReader();
      default:
        return new LineRecordReader();
    }
  }
}
