package org.portrait.jobs.ingest;

import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.portrait.common.config.UserError;

/** Input formats ingest reads; chosen by {@link IngestDriver#FORMAT} or, when that is auto, by file extension. */
public enum IngestFormat {
  CSV, TSV, JSONL, AVRO;

  /** The delimiter of a delimited format. */
  public char delimiter() {
    return this == TSV ? '\t' : ',';
  }

  public boolean delimited() {
    return this == CSV || this == TSV;
  }

  /** The format of {@code file}; a UserError naming the file when it cannot be told. */
  public static IngestFormat of(Path file, Configuration conf) {
    String configured = conf.get(IngestDriver.FORMAT, IngestDriver.DEFAULT_FORMAT).trim().toLowerCase(Locale.ROOT);
    if (!configured.equals("auto")) {
      try {
        return valueOf(configured.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new UserError("unknown " + IngestDriver.FORMAT + " '" + configured
            + "' (auto, csv, tsv, jsonl, avro)");
      }
    }
    String name = file.getName().toLowerCase(Locale.ROOT);
    CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(file);
    if (codec != null && name.endsWith(codec.getDefaultExtension())) {
      name = name.substring(0, name.length() - codec.getDefaultExtension().length());
    }
    if (name.endsWith(".csv")) {
      return CSV;
    }
    if (name.endsWith(".tsv") || name.endsWith(".tab")) {
      return TSV;
    }
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
      return JSONL;
    }
    if (name.endsWith(".avro")) {
      return AVRO;
    }
    throw new UserError("cannot tell the format of " + file + " from its extension (.csv, .tsv,"
        + " .jsonl, .avro, optionally compressed, e.g. .csv.gz); set -D" + IngestDriver.FORMAT + "=csv|tsv|jsonl|avro");
  }
}
