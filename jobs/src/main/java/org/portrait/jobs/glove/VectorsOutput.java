package org.portrait.jobs.glove;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.avro.AvroWriteSupport;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.portrait.common.glove.GloveModel;
import org.portrait.common.glove.VocabIds;
import org.portrait.common.io.AtomicOutput;
import org.portrait.schema.WordVector;

/** The trained vectors (W + C) as {@code M/vectors.txt} (GloVe text format, id order) and {@code M/word_vector/} (Parquet). */
final class VectorsOutput {
  static final String TEXT = "vectors.txt";
  static final String TABLE = "word_vector";

  private VectorsOutput() {}

  static void write(Configuration conf, Path m, GloveModel model, VocabIds vocab) throws IOException {
    writeText(conf, new Path(m, TEXT), model, vocab);
    writeParquet(conf, new Path(m, TABLE), model, vocab);
  }

  static void writeText(Configuration conf, Path file, GloveModel model, VocabIds vocab) throws IOException {
    FileSystem fs = file.getFileSystem(conf);
    Path tmp = new Path(file.getParent(), "_tmp." + file.getName());
    try (Writer w = new BufferedWriter(new OutputStreamWriter(fs.create(tmp, true), StandardCharsets.UTF_8),
        1 << 16)) {
      StringBuilder sb = new StringBuilder();
      for (int id = 0; id < model.vocab; id++) {
        sb.setLength(0);
        sb.append(vocab.word(id));
        for (float x : model.outputVector(id)) {
          sb.append(' ').append(x);
        }
        sb.append('\n');
        w.write(sb.toString());
      }
    }
    fs.delete(file, false);
    if (!fs.rename(tmp, file)) {
      throw new IOException("cannot rename " + tmp + " to " + file);
    }
  }

  static void writeParquet(Configuration conf, Path table, GloveModel model, VocabIds vocab) throws IOException {
    Configuration c = new Configuration(conf);
    c.setBoolean(AvroWriteSupport.WRITE_OLD_LIST_STRUCTURE, false);
    AtomicOutput out = AtomicOutput.begin(c, table);
    try {
      Path file = new Path(out.tempPath(), "part-00000.parquet");
      try (ParquetWriter<WordVector> w = AvroParquetWriter.<WordVector>builder(HadoopOutputFile.fromPath(file, c))
          .withSchema(WordVector.getClassSchema())
          .withConf(c)
          .withCompressionCodec(CompressionCodecName.SNAPPY)
          .build()) {
        for (int id = 0; id < model.vocab; id++) {
          float[] v = model.outputVector(id);
          List<Float> list = new ArrayList<>(v.length);
          for (float x : v) {
            list.add(x);
          }
          w.write(WordVector.newBuilder().setWord(vocab.word(id)).setId(id).setCount(vocab.count(id))
              .setVector(list).build());
        }
      }
      out.commit();
    } catch (IOException | RuntimeException e) {
      out.abort();
      throw e;
    }
  }
}
