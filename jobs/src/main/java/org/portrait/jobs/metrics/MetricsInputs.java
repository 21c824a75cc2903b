package org.portrait.jobs.metrics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.portrait.common.io.AvroFiles;
import org.portrait.common.metrics.CentroidModel;
import org.portrait.common.metrics.TruthRow;
import org.portrait.common.profile.KeywordStats;
import org.portrait.schema.ReviewPrediction;
import org.portrait.schema.TokenizedReview;

/** The small side inputs the driver reads itself: train priors, centroids, loss, segments, vectors. */
final class MetricsInputs {
  private MetricsInputs() {}

  /** Priors of the TRAIN users in truth.csv: most frequent exact interest set and majority sentiment. */
  record TruthPriors(List<String> majoritySet, String majoritySentiment, long trainUsers, long testUsers) {}

  static TruthPriors truthPriors(Configuration conf, Path truth, double minWeight) throws IOException {
    Map<String, Long> sets = new TreeMap<>();
    Map<String, Long> sentiments = new TreeMap<>();
    long train = 0, test = 0;
    FileSystem fs = truth.getFileSystem(conf);
    try (BufferedReader in = new BufferedReader(new InputStreamReader(fs.open(truth), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        TruthRow r;
        try {
          r = TruthRow.parse(line);
        } catch (IllegalArgumentException e) {
          continue; // counted as TRUTH_BAD by the job
        }
        if (r == null) {
          continue;
        }
        if (!r.split().equals("train")) {
          test++;
          continue;
        }
        train++;
        sets.merge(String.join("|", r.interestSet(minWeight)), 1L, Long::sum);
        sentiments.merge(r.sentiment(), 1L, Long::sum);
      }
    }
    String set = argmax(sets, "");
    return new TruthPriors(set.isEmpty() ? List.of() : List.of(set.split("\\|")),
        argmax(sentiments, "positive"), train, test);
  }

  static String argmax(Map<String, Long> m, String fallback) {
    String best = fallback;
    long n = -1;
    for (Map.Entry<String, Long> e : m.entrySet()) { // sorted keys: ties go to the first, deterministically
      if (e.getValue() > n) {
        best = e.getKey();
        n = e.getValue();
      }
    }
    return best;
  }

  /** The TF-IDF centroids from TRAIN reviews, and the majority review label of those reviews. */
  record Centroids(CentroidModel model, String majorityReview, long trainReviews, KeywordStats keywordStats) {}

  static Centroids centroids(Configuration conf, Path tokens, int minDf) throws IOException {
    CentroidModel.Builder b = new CentroidModel.Builder(minDf);
    KeywordStats.Builder k = new KeywordStats.Builder();
    long[] labels = new long[2];
    long n = AvroFiles.forEach(conf, tokens, TokenizedReview.class, r -> {
      if ("train".equals(r.getSplit())) {
        b.add(r.getCategory(), r.getTokens());
        k.add(r.getCategory(), r.getTokens());
        if (r.getLabel() != null) {
          labels[r.getLabel() > 0 ? 1 : 0]++;
        }
      }
    });
    return new Centroids(b.build(), labels[1] >= labels[0] ? "positive" : "negative", n, k.build());
  }

  /** Majority gold label of the TRAIN review predictions (when no tokens give it); positive on a tie. */
  static String reviewMajority(Configuration conf, Path predictions) throws IOException {
    long[] labels = new long[2];
    AvroFiles.forEach(conf, predictions, ReviewPrediction.class, r -> {
      if ("train".equals(r.getSplit()) && r.getLabel() != null) {
        labels[r.getLabel() > 0 ? 1 : 0]++;
      }
    });
    return labels[1] >= labels[0] ? "positive" : "negative";
  }

  /** {@code round<TAB>loss} lines (a header or a bad line is skipped). */
  static List<double[]> loss(Configuration conf, Path file) throws IOException {
    List<double[]> out = new ArrayList<>();
    FileSystem fs = file.getFileSystem(conf);
    try (BufferedReader in = new BufferedReader(new InputStreamReader(fs.open(file), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        String[] f = line.strip().split("\\s+");
        if (f.length >= 2) {
          try {
            out.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1])});
          } catch (NumberFormatException e) {
            // header
          }
        }
      }
    }
    return out;
  }

  /** Streams every record of the Parquet files under {@code dir}. */
  static void forEachParquet(Configuration conf, Path dir, Consumer<GenericRecord> sink) throws IOException {
    FileSystem fs = dir.getFileSystem(conf);
    List<Path> files = new ArrayList<>();
    if (fs.getFileStatus(dir).isFile()) {
      files.add(dir);
    } else {
      for (FileStatus s : fs.listStatus(dir)) {
        String name = s.getPath().getName();
        if (s.isFile() && !name.startsWith("_") && !name.startsWith(".")) {
          files.add(s.getPath());
        }
      }
    }
    files.sort(null);
    for (Path p : files) {
      try (ParquetReader<GenericRecord> r = AvroParquetReader.<GenericRecord>builder(HadoopInputFile.fromPath(p, conf))
          .withDataModel(GenericData.get()).build()) {
        GenericRecord rec;
        while ((rec = r.read()) != null) {
          sink.accept(rec);
        }
      }
    }
  }

  /** Segment id to size. */
  static Map<Integer, Long> segmentSizes(Configuration conf, Path dir) throws IOException {
    Map<Integer, Long> out = new TreeMap<>();
    forEachParquet(conf, dir, r -> out.merge(((Number) r.get("segment_id")).intValue(),
        ((Number) r.get("size")).longValue(), Long::sum));
    return out;
  }

  /** Up to {@code max} profile vectors (a seeded reservoir sample, so memory stays bounded) with their top interest. */
  record UserPoint(float[] vector, String topInterest) {}

  static List<UserPoint> profileVectors(Configuration conf, Path dir, int max) throws IOException {
    List<UserPoint> sample = new ArrayList<>();
    java.util.Random rnd = new java.util.Random(17);
    long[] seen = {0};
    int[] dim = {-1};
    forEachParquet(conf, dir, r -> {
      Object v = r.get("vector");
      if (!(v instanceof List<?> list) || list.isEmpty()) {
        return;
      }
      if (dim[0] < 0) {
        dim[0] = list.size();
      } else if (list.size() != dim[0]) {
        return; // a vector of another model cannot share the projection
      }
      float[] f = new float[list.size()];
      double norm = 0;
      Iterator<?> it = list.iterator();
      for (int i = 0; i < f.length; i++) {
        f[i] = ((Number) it.next()).floatValue();
        norm += f[i] * f[i];
      }
      if (norm == 0) {
        return; // no evidence: a zero vector says nothing about the user
      }
      Object top = r.get("top_interests");
      String t = top instanceof List<?> l && !l.isEmpty() ? l.get(0).toString() : MetricsReducer.NONE;
      seen[0]++;
      if (sample.size() < max) {
        sample.add(new UserPoint(f, t));
      } else {
        long j = (long) (rnd.nextDouble() * seen[0]);
        if (j < max) {
          sample.set((int) j, new UserPoint(f, t));
        }
      }
    });
    return sample;
  }

  /** Reads a whole small text file. */
  static String readText(Configuration conf, Path file) throws IOException {
    FileSystem fs = file.getFileSystem(conf);
    try (InputStream in = fs.open(file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
