package org.portrait.jobs.usersegment;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.SequenceFile;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.Writable;
import org.apache.hadoop.util.ReflectionUtils;
import org.apache.mahout.clustering.Cluster;
import org.apache.mahout.clustering.iterator.ClusterWritable;
import org.apache.mahout.clustering.kmeans.Kluster;
import org.apache.mahout.common.distance.CosineDistanceMeasure;
import org.apache.mahout.math.DenseVector;
import org.apache.mahout.math.Vector;
import org.apache.mahout.math.VectorWritable;

/** Mahout k-means input and output files of the segments stage (initial clusters, final centroids). */
final class KMeansFiles {
  private KMeansFiles() {}

  /** k distinct user vectors chosen by a seeded reservoir sample, written as Mahout clusters. */
  static void writeInitialClusters(Configuration conf, Path vectors, Path file, int k, long seed) throws IOException {
    FileSystem fs = vectors.getFileSystem(conf);
    Random rnd = new Random(seed);
    List<Vector> chosen = new ArrayList<>();
    long seen = 0;
    for (FileStatus st : sortedParts(fs, vectors)) {
      try (SequenceFile.Reader r = new SequenceFile.Reader(conf, SequenceFile.Reader.file(st.getPath()))) {
        Text key = new Text();
        VectorWritable value = new VectorWritable();
        while (r.next(key, value)) {
          seen++;
          if (chosen.size() < k) {
            chosen.add(value.get().clone());
          } else {
            long j = (long) (rnd.nextDouble() * seen);
            if (j < k) {
              chosen.set((int) j, value.get().clone());
            }
          }
        }
      }
    }
    try (SequenceFile.Writer w = SequenceFile.createWriter(conf, SequenceFile.Writer.file(file),
        SequenceFile.Writer.keyClass(Text.class), SequenceFile.Writer.valueClass(ClusterWritable.class))) {
      CosineDistanceMeasure measure = new CosineDistanceMeasure();
      for (int i = 0; i < chosen.size(); i++) {
        Kluster c = new Kluster(new DenseVector(chosen.get(i)), i, measure);
        w.append(new Text(c.getIdentifier()), new ClusterWritable(c));
      }
    }
  }

  /** Centroids of Mahout's final iteration (clusters-N-final), indexed by cluster id order. */
  static List<double[]> readFinalCentroids(Configuration conf, Path kmOut) throws IOException {
    FileSystem fs = kmOut.getFileSystem(conf);
    FileStatus[] finals = fs.globStatus(new Path(kmOut, "clusters-*-final"));
    if (finals == null || finals.length == 0) {
      throw new IOException("k-means wrote no final clusters under " + kmOut);
    }
    Map<Integer, double[]> byId = new java.util.TreeMap<>();
    for (FileStatus st : sortedParts(fs, finals[0].getPath())) {
      try (SequenceFile.Reader r = new SequenceFile.Reader(conf, SequenceFile.Reader.file(st.getPath()))) {
        Writable key = (Writable) ReflectionUtils.newInstance(r.getKeyClass(), conf);
        ClusterWritable value = new ClusterWritable();
        while (r.next(key, value)) {
          Cluster c = value.getValue();
          Vector v = c.getCenter();
          double[] x = new double[v.size()];
          for (int i = 0; i < x.length; i++) {
            x[i] = v.get(i);
          }
          byId.put(c.getId(), x);
        }
      }
    }
    return new ArrayList<>(byId.values());
  }

  /** Dimension of the first vector of the k-means input. */
  static int firstDimension(Configuration conf, Path vectors) throws IOException {
    for (FileStatus st : sortedParts(vectors.getFileSystem(conf), vectors)) {
      try (SequenceFile.Reader r = new SequenceFile.Reader(conf, SequenceFile.Reader.file(st.getPath()))) {
        Text key = new Text();
        VectorWritable value = new VectorWritable();
        if (r.next(key, value)) {
          return value.get().size();
        }
      }
    }
    return -1;
  }

  static List<FileStatus> sortedParts(FileSystem fs, Path dir) throws IOException {
    List<FileStatus> parts = new ArrayList<>();
    for (FileStatus st : fs.listStatus(dir, p -> p.getName().startsWith("part"))) {
      parts.add(st);
    }
    parts.sort(null);
    return parts;
  }
}
