package org.portrait.jobs.usersegment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.SequenceFile;
import org.apache.hadoop.io.Text;
import org.apache.mahout.clustering.iterator.ClusterWritable;
import org.apache.mahout.clustering.kmeans.Kluster;
import org.apache.mahout.common.distance.CosineDistanceMeasure;
import org.apache.mahout.math.DenseVector;
import org.portrait.common.config.UserError;

/**
 * The final centroids of a segments run with their stable ids, kept in G/{@value #DIR}/{@value #FILE} so that the
 * next day's run ({@code --previous G}) can start k-means from them and keep the ids. One line per cluster:
 * {@code stableId<TAB>publishedId<TAB>v1 v2 ...} (publishedId -1: merged into "other" that day). This file is
 * internal, like G/user_profile (which holds every user's vector): a small cluster's centroid is kept here so
 * that it keeps its id should it grow, but it is never published in user_segment.
 */
final class PreviousSegments {
  static final String DIR = "centroids";
  static final String FILE = "centroids.tsv";
  /** Stable id → centroid, in id order. */
  final Map<Integer, double[]> centroids = new TreeMap<>();

  /** Writes the centroids file of this run: {@code ids} and {@code published} are keyed by cluster index. */
  static void write(Configuration conf, Path file, List<double[]> centroids, Map<Integer, Integer> ids,
      Map<Integer, Integer> published) throws IOException {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < centroids.size(); i++) {
      s.append(ids.getOrDefault(i, i)).append('\t').append(published.getOrDefault(i, i)).append('\t')
          .append(SegmentStatsReducer.formatVector(centroids.get(i))).append('\n');
    }
    try (OutputStream out = file.getFileSystem(conf).create(file, true)) {
      out.write(s.toString().getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Reads G_PREV's centroids; a missing or unreadable file is a one-line {@link UserError}. */
  static PreviousSegments read(Configuration conf, Path previous) {
    Path file = new Path(new Path(previous, DIR), FILE);
    String what = "--previous " + previous + ": ";
    PreviousSegments p = new PreviousSegments();
    int dim = -1;
    try {
      FileSystem fs = file.getFileSystem(conf);
      if (!fs.exists(file)) {
        throw new UserError(what + "no " + DIR + "/" + FILE + " (not the output of a segments run of this version?)");
      }
      String text;
      try (InputStream in = fs.open(file)) {
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      for (String line : text.split("\n")) {
        if (line.isBlank()) {
          continue;
        }
        String[] t = line.split("\t", -1);
        if (t.length != 3) {
          throw new NumberFormatException("expected 3 fields, got " + t.length);
        }
        double[] v = SegmentStatsReducer.parseVector(t[2]);
        if (v.length == 0 || (dim >= 0 && v.length != dim)) {
          throw new NumberFormatException("centroid of " + v.length + " dimensions");
        }
        dim = v.length;
        if (p.centroids.put(Integer.parseInt(t[0]), v) != null) {
          throw new NumberFormatException("segment id " + t[0] + " twice");
        }
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof UserError) {
        throw (UserError) e;
      }
      throw new UserError(what + "cannot read " + file + ": " + String.valueOf(e.getMessage()).split("\n", 2)[0]);
    }
    if (p.centroids.isEmpty()) {
      throw new UserError(what + file + " has no centroids (that run had no user with a vector)");
    }
    return p;
  }

  /** Refuses vectors of another dimension than yesterday's centroids (another embedding model?). */
  void checkDimension(int dim, String previous) {
    int old = centroids.values().iterator().next().length;
    if (dim >= 0 && dim != old) {
      throw new UserError("--previous " + previous + " has centroids of " + old
          + " dimensions but today's vectors have " + dim
          + " (another embedding model?): pass --recluster to start afresh");
    }
  }

  int k() {
    return centroids.size();
  }

  /**
   * Yesterday's centroids as Mahout's initial clusters, in id order (Mahout cluster id = position), so that
   * k-means starts where yesterday's ended instead of from a random choice.
   */
  void writeInitialClusters(Configuration conf, Path file) throws IOException {
    try (SequenceFile.Writer w = SequenceFile.createWriter(conf, SequenceFile.Writer.file(file),
        SequenceFile.Writer.keyClass(Text.class), SequenceFile.Writer.valueClass(ClusterWritable.class))) {
      CosineDistanceMeasure measure = new CosineDistanceMeasure();
      int i = 0;
      for (double[] c : centroids.values()) {
        Kluster k = new Kluster(new DenseVector(c), i++, measure);
        w.append(new Text(k.getIdentifier()), new ClusterWritable(k));
      }
    }
  }
}
