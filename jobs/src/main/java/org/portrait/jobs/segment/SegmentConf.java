package org.portrait.jobs.segment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.portrait.common.text.ReviewSegmenter;
import org.portrait.common.text.Stopwords;
import org.portrait.common.text.TextNormalizer;

/** Configuration keys of the segment job and the segmenter they describe. */
public final class SegmentConf {
  /** Remove stopwords at all. Default {@value #DEFAULT_STOPWORDS_REMOVE}. */
  public static final String STOPWORDS_REMOVE = "portrait.segment.stopwords.remove";
  public static final boolean DEFAULT_STOPWORDS_REMOVE = true;
  /** Use the bundled list (goto456 union, 2.3 k words). Default {@value #DEFAULT_STOPWORDS_BUNDLED}. */
  public static final String STOPWORDS_BUNDLED = "portrait.segment.stopwords.bundled";
  public static final boolean DEFAULT_STOPWORDS_BUNDLED = true;
  /** Extra stopword lists, comma-separated paths on any Hadoop file system. Default: none. */
  public static final String STOPWORDS_FILES = "portrait.segment.stopwords.files";
  /** Keep negation words (不, 没有, 无 ...) even when listed as stopwords. Default {@value #DEFAULT_KEEP_NEGATIONS}. */
  public static final String KEEP_NEGATIONS = "portrait.segment.stopwords.keep-negations";
  public static final boolean DEFAULT_KEEP_NEGATIONS = true;
  /** Extra words never removed as stopwords, comma-separated (e.g. 好,很). Default: none. */
  public static final String STOPWORDS_KEEP = "portrait.segment.stopwords.keep";
  /** HanLP nature prefixes to keep, comma-separated (e.g. n,v,a); placeholders always kept. Default: all. */
  public static final String POS_KEEP = "portrait.segment.pos.keep";
  /** HanLP user dictionaries (word [nature freq] per line), comma-separated paths. Default: none. */
  public static final String USER_DICT = "portrait.segment.user-dict";
  /**
   * Convert Traditional Chinese to Simplified before segmentation (HanLP's t2s dictionary; HanLP segments
   * Simplified text, and would cut Traditional words into single characters). Default {@value #DEFAULT_TO_SIMPLIFIED}.
   */
  public static final String TO_SIMPLIFIED = "portrait.segment.to-simplified";
  public static final boolean DEFAULT_TO_SIMPLIFIED = true;
  /** Maximum input split size in bytes; 0 = total input size / min-splits. Default {@value #DEFAULT_SPLIT_MAX_BYTES}. */
  public static final String SPLIT_MAX_BYTES = "portrait.segment.split.max-bytes";
  public static final long DEFAULT_SPLIT_MAX_BYTES = 0;
  /** Splits wanted when the split size is automatic (one per local map slot / core). Default {@value #DEFAULT_MIN_SPLITS}. */
  public static final String MIN_SPLITS = "portrait.segment.min-splits";
  public static final int DEFAULT_MIN_SPLITS = 2;

  private SegmentConf() {}

  /** The segmenter {@code conf} describes; reads user lists and dictionaries through Hadoop's file systems. */
  public static ReviewSegmenter segmenter(Configuration conf) throws IOException {
    for (String dict : conf.getTrimmedStringCollection(USER_DICT)) {
      ReviewSegmenter.addUserDictionary(readLines(conf, new Path(dict)));
    }
    Set<String> stop = Set.of();
    if (conf.getBoolean(STOPWORDS_REMOVE, DEFAULT_STOPWORDS_REMOVE)) {
      Set<String> extra = new HashSet<>();
      for (String file : conf.getTrimmedStringCollection(STOPWORDS_FILES)) {
        extra.addAll(Stopwords.read(new java.io.StringReader(String.join("\n", readLines(conf, new Path(file))))));
      }
      stop = Stopwords.effective(conf.getBoolean(STOPWORDS_BUNDLED, DEFAULT_STOPWORDS_BUNDLED), extra,
          conf.getBoolean(KEEP_NEGATIONS, DEFAULT_KEEP_NEGATIONS));
      TextNormalizer norm = new TextNormalizer();
      for (String keep : conf.getTrimmedStringCollection(STOPWORDS_KEEP)) {
        stop.remove(norm.normalize(keep));
      }
    }
    return new ReviewSegmenter(stop, conf.getTrimmedStringCollection(POS_KEEP),
        conf.getBoolean(TO_SIMPLIFIED, DEFAULT_TO_SIMPLIFIED));
  }

  private static List<String> readLines(Configuration conf, Path p) throws IOException {
    FileSystem fs = p.getFileSystem(conf);
    List<String> lines = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(fs.open(p), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        lines.add(line);
      }
    }
    return lines;
  }
}
