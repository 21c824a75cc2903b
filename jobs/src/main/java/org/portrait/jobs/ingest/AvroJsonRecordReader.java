package org.portrait.jobs.ingest;

import java.io.IOException;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.mapred.FsInput;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;

/**
 * Records of an Avro container file of any schema, rendered as JSON objects so the mapper handles Avro and JSON
 * Lines alike (fields are looked up by the configured column names). Key: record number in the file.
 */
public final class AvroJsonRecordReader extends RecordReader<LongWritable, Text> {
  private DataFileReader<GenericRecord> reader;
  private GenericRecord record;
  private long count = -1;
  private long length;
  private final LongWritable key = new LongWritable();
  private final Text value = new Text();

  @Override
  public void initialize(InputSplit split, TaskAttemptContext context) throws IOException {
    FileSplit fs = (FileSplit) split;
    length = fs.getLength();
    reader = new DataFileReader<>(new FsInput(fs.getPath(), context.getConfiguration()),
        new GenericDatumReader<>());
  }

  @Override
  public boolean nextKeyValue() throws IOException {
    if (!reader.hasNext()) {
      return false;
    }
    record = reader.next(record);
    count++;
    key.set(count);
    value.set(GenericData.get().toString(record));
    return true;
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
    return length == 0 ? 1f : Math.min(1f, reader.tell() / (float) length);
  }

  @Override
  public void close() throws IOException {
    if (reader != null) {
      reader.close();
    }
  }
}
