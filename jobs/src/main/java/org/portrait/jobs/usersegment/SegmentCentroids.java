package org.portrait.jobs.usersegment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.portrait.common.profile.SegmentRules;
import org.portrait.schema.UserProfile;

/** The final k-means centroids and the published-id mapping, shipped to tasks as a small text file. */
final class SegmentCentroids {
  /** File with one centroid a line: {@code clusterIndex<TAB>publishedId<TAB>v1 v2 ...}; set by the driver. */
  static final String CENTROIDS = "portrait.segments.centroids-file";
  final List<double[]> centroids = new ArrayList<>();
  final Map<Integer, Integer> published = new TreeMap<>();

  static void write(Configuration conf, Path file, List<double[]> centroids, Map<Integer, Integer> published)
      throws IOException {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < centroids.size(); i++) {
      s.append(i).append('\t').append(published.getOrDefault(i, i)).append('\t');
      double[] c = centroids.get(i);
      for (int j = 0; j < c.length; j++) {
        s.append(j == 0 ? "" : " ").append(c[j]);
      }
      s.append('\n');
    }
    try (OutputStream out = file.getFileSystem(conf).create(file, true)) {
      out.write(s.toString().getBytes(StandardCharsets.UTF_8));
    }
  }

  static SegmentCentroids read(Configuration conf) throws IOException {
    String f = conf.get(CENTROIDS);
    if (f == null) {
      throw new IOException(CENTROIDS + " is not set");
    }
    Path p = new Path(f);
    FileSystem fs = p.getFileSystem(conf);
    SegmentCentroids c = new SegmentCentroids();
    try (InputStream in = fs.open(p)) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank()) {
          continue;
        }
        String[] t = line.split("\t");
        String[] v = t[2].split(" ");
        double[] x = new double[v.length];
        for (int i = 0; i < v.length; i++) {
          x[i] = Double.parseDouble(v[i]);
        }
        c.centroids.add(x);
        c.published.put(Integer.parseInt(t[0]), Integer.parseInt(t[1]));
      }
    }
    return c;
  }

  /** Cluster index of a profile (nearest centroid), or -1 without a vector. */
  int cluster(UserProfile p) {
    List<Float> v = p.getVector();
    double[] x = new double[v.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = v.get(i);
    }
    return SegmentRules.nearest(x, centroids);
  }

  /** Published segment id of a profile. */
  int segment(UserProfile p) {
    int c = cluster(p);
    return c < 0 ? SegmentRules.OTHER : published.getOrDefault(c, SegmentRules.OTHER);
  }
}
