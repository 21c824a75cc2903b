package org.portrait.common.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Reading and writing Avro container files on any Hadoop file system, outside of a job. */
public final class AvroFiles {
  private AvroFiles() {}

  /**
   * The data files of a job output folder ({@code part-*} / {@code *.avro}), sorted; the file itself if not a
   * folder. {@code dirOrFile} may be a glob ({@code staging/dt={2026-01-01,2026-01-02}/segment}): the data files
   * of every match. A path (or glob) that matches nothing is a {@link java.io.FileNotFoundException}.
   */
  public static List<Path> dataFiles(Configuration conf, Path dirOrFile, String suffix) throws IOException {
    FileSystem fs = dirOrFile.getFileSystem(conf);
    FileStatus[] matches = fs.globStatus(dirOrFile);
    if (matches == null || matches.length == 0) {
      throw new java.io.FileNotFoundException(dirOrFile + " does not exist");
    }
    List<Path> files = new ArrayList<>();
    for (FileStatus match : matches) {
      if (match.isFile()) {
        files.add(match.getPath());
        continue;
      }
      for (FileStatus s : fs.listStatus(match.getPath())) {
        String name = s.getPath().getName();
        if (s.isFile() && !name.startsWith("_") && !name.startsWith(".") && name.endsWith(suffix)) {
          files.add(s.getPath());
        }
      }
    }
    files.sort(null);
    return files;
  }

  /** Total bytes under a path or glob (0 when it matches nothing). */
  public static long length(Configuration conf, Path pathOrGlob) throws IOException {
    FileSystem fs = pathOrGlob.getFileSystem(conf);
    FileStatus[] matches = fs.globStatus(pathOrGlob);
    long n = 0;
    for (FileStatus m : matches == null ? new FileStatus[0] : matches) {
      n += fs.getContentSummary(m.getPath()).getLength();
    }
    return n;
  }

  /** Streams every record of every Avro file under {@code dirOrFile} to {@code sink}; returns the count. */
  public static <T extends SpecificRecord> long forEach(Configuration conf, Path dirOrFile, Class<T> type,
      Consumer<T> sink) throws IOException {
    FileSystem fs = dirOrFile.getFileSystem(conf);
    long n = 0;
    for (Path p : dataFiles(conf, dirOrFile, ".avro")) {
      try (InputStream in = fs.open(p);
           DataFileStream<T> stream = new DataFileStream<>(in, new SpecificDatumReader<>(type))) {
        T reuse = null;
        while (stream.hasNext()) {
          reuse = stream.next(null);
          sink.accept(reuse);
          n++;
        }
      }
    }
    return n;
  }

  /** The strings of every Avro file of string records under {@code dirOrFile} (a small side input). */
  public static List<String> readStrings(Configuration conf, Path dirOrFile) throws IOException {
    FileSystem fs = dirOrFile.getFileSystem(conf);
    List<String> out = new ArrayList<>();
    for (Path p : dataFiles(conf, dirOrFile, ".avro")) {
      try (InputStream in = fs.open(p);
           DataFileStream<Object> stream = new DataFileStream<>(in, new GenericDatumReader<>())) {
        while (stream.hasNext()) {
          out.add(stream.next().toString());
        }
      }
    }
    return out;
  }

  /** All records under {@code dirOrFile}; for tests and small side inputs only. */
  public static <T extends SpecificRecord> List<T> readAll(Configuration conf, Path dirOrFile, Class<T> type)
      throws IOException {
    List<T> out = new ArrayList<>();
    forEach(conf, dirOrFile, type, out::add);
    return out;
  }

  /** Writes {@code records} to one Avro container file (overwriting it). */
  public static <T extends SpecificRecord> void write(Configuration conf, Path file, Schema schema,
      Iterable<T> records) throws IOException {
    FileSystem fs = file.getFileSystem(conf);
    try (OutputStream out = fs.create(file, true);
         DataFileWriter<T> writer = new DataFileWriter<>(new SpecificDatumWriter<T>(schema))) {
      writer.create(schema, out);
      for (T r : records) {
        writer.append(r);
      }
    }
  }
}
