package org.portrait.jobs.usersegment;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.portrait.common.profile.SegmentRules;
import org.portrait.schema.UserSegment;

/** Builds the user_segment rows from per-cluster stats, applying the k-anonymity rule (SegmentRules.publish). */
final class SegmentTable {
  static final int TOP_INTERESTS = 3;
  static final int TOP_KEYWORDS = 10;
  final List<UserSegment> rows = new ArrayList<>();
  final Map<Integer, Integer> published = new TreeMap<>();
  int publishedCount;
  int mergedCount;
  /** Users in segment -1 (merged clusters and users without a vector). */
  int otherSize;
  /** Segment -1 was published with its size only (fewer users than the k-anonymity size). */
  boolean otherSuppressed;
  /** Segment -1 was published without centroid (suppressed, or too few of its users have a vector). */
  boolean otherCentroidWithheld;

  /**
   * {@code lines}: "cluster<TAB>size<TAB>interest counts<TAB>keyword counts<TAB>vector sum" (cluster -1: users
   * without vector, empty sum). Every user of a cluster has a vector, so its centroid is the sum over its size.
   */
  static SegmentTable fromStats(List<String> lines, int minSize, String runId) {
    return fromStats(lines, minSize, runId, Map.of());
  }

  /**
   * As {@link #fromStats(List, int, String)}, with {@code ids}: cluster index → stable segment id (kept across
   * days, see CentroidMatching); a cluster missing from it is published under its index.
   */
  static SegmentTable fromStats(List<String> lines, int minSize, String runId, Map<Integer, Integer> ids) {
    Map<Integer, Integer> sizes = new TreeMap<>();
    Map<Integer, Map<String, Long>> interests = new HashMap<>();
    Map<Integer, Map<String, Long>> keywords = new HashMap<>();
    Map<Integer, double[]> sums = new HashMap<>();
    for (String l : lines) {
      String[] f = l.split("\t", -1);
      int c = Integer.parseInt(f[0]);
      sizes.put(c, Integer.parseInt(f[1]));
      interests.put(c, SegmentRules.parseCounts(f[2]));
      keywords.put(c, SegmentRules.parseCounts(f[3]));
      sums.put(c, SegmentStatsReducer.parseVector(f[4]));
    }
    SegmentTable t = new SegmentTable();
    SegmentRules.Publication pub = SegmentRules.publish(sizes, minSize);
    Map<Integer, Integer> mapping = pub.mapping();
    Map<String, Long> otherInterests = new HashMap<>();
    Map<String, Long> otherKeywords = new HashMap<>();
    double[] otherSum = new double[0];
    for (Map.Entry<Integer, Integer> e : sizes.entrySet()) {
      int c = e.getKey();
      int size = e.getValue();
      if (c >= 0 && mapping.get(c) == c) {
        t.rows.add(row(ids.getOrDefault(c, c), size, interests.get(c), keywords.get(c), mean(sums.get(c), size),
            false, runId));
        t.publishedCount++;
      } else {
        if (c >= 0) {
          t.mergedCount++;
          otherSum = add(otherSum, sums.get(c));
        }
        interests.get(c).forEach((k, v) -> otherInterests.merge(k, v, Long::sum));
        keywords.get(c).forEach((k, v) -> otherKeywords.merge(k, v, Long::sum));
      }
    }
    t.otherSize = pub.otherSize();
    if (t.otherSize > 0) {
      t.otherSuppressed = pub.otherSuppressed();
      t.otherCentroidWithheld = !pub.otherCentroidPublished();
      t.rows.add(row(SegmentRules.OTHER, t.otherSize, t.otherSuppressed ? Map.of() : otherInterests,
          t.otherSuppressed ? Map.of() : otherKeywords,
          t.otherCentroidWithheld ? new double[0] : mean(otherSum, pub.otherVectorUsers()), t.otherSuppressed, runId));
    }
    // the k-anonymity rule works on cluster indices; the published value is the cluster's stable id
    mapping.forEach((c, p) -> t.published.put(c, p == SegmentRules.OTHER ? p : ids.getOrDefault(c, c)));
    return t;
  }

  private static double[] mean(double[] sum, int n) {
    double[] m = new double[n == 0 ? 0 : sum.length];
    for (int i = 0; i < m.length; i++) {
      m[i] = sum[i] / n;
    }
    return m;
  }

  private static double[] add(double[] a, double[] b) {
    if (a.length == 0) {
      return b.clone();
    }
    for (int i = 0; i < Math.min(a.length, b.length); i++) {
      a[i] += b[i];
    }
    return a;
  }

  private static UserSegment row(int id, int size, Map<String, Long> interests, Map<String, Long> keywords,
      double[] centroid, boolean suppressed, String runId) {
    List<Float> c = new ArrayList<>();
    for (double x : centroid) {
      c.add((float) x);
    }
    return new UserSegment(id, size, SegmentRules.top(interests, TOP_INTERESTS),
        SegmentRules.top(keywords, TOP_KEYWORDS), c, suppressed, runId);
  }

  void writeParquet(Configuration conf, Path file) throws IOException {
    try (ParquetWriter<UserSegment> w = AvroParquetWriter.<UserSegment>builder(HadoopOutputFile.fromPath(file, conf))
        .withSchema(UserSegment.getClassSchema()).withConf(conf).build()) {
      for (UserSegment s : rows) {
        w.write(s);
      }
    }
  }
}
