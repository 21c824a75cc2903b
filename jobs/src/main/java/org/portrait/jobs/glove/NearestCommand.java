package org.portrait.jobs.glove;

import org.portrait.common.config.UserError;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.portrait.common.embeval.WordVectors;
import org.portrait.jobs.CliArgs;
import org.portrait.jobs.PortraitTool;

/** nearest: the k words closest (cosine) to each given word, from M/vectors.txt or a vectors file. */
public class NearestCommand extends PortraitTool {

  /** Loads vectors from a GloVe text file, or from {@code dir/vectors.txt} when given a model folder. */
  public static WordVectors load(Configuration conf, Path vectors) throws IOException {
    FileSystem fs = vectors.getFileSystem(conf);
    Path file = fs.getFileStatus(vectors).isDirectory() ? new Path(vectors, VectorsOutput.TEXT) : vectors;
    try (InputStream in = fs.open(file)) {
      return WordVectors.read(in);
    }
  }

  /** The k nearest words of {@code word} with their cosines, best first; empty when the word has no vector. */
  public static List<String[]> nearest(WordVectors v, String word, int k) {
    List<String[]> out = new ArrayList<>();
    int r = v.row(word);
    if (r < 0) {
      return out;
    }
    for (int o : v.nearest(r, k)) {
      out.add(new String[] {v.word(o), String.format("%.4f", v.cosine(r, o))});
    }
    return out;
  }

  @Override
  public String command() {
    return "nearest";
  }

  @Override
  public String usage() {
    return "nearest --vectors M|M/vectors.txt [--k 10] WORD...\n"
        + "  Prints the k nearest words of each WORD by cosine similarity of the trained vectors.";
  }

  @Override
  protected List<String> options() {
    return List.of("vectors", "k");
  }

  @Override
  protected int run(CliArgs args) throws Exception {
    if (args.positional().isEmpty()) {
      throw new UserError("give at least one word");
    }
    WordVectors v = load(getConf(), new Path(args.require("vectors")));
    int k = args.getInt("k", 10);
    int missing = 0;
    for (String w : args.positional()) {
      List<String[]> n = nearest(v, w, k);
      if (n.isEmpty()) {
        System.out.println(w + "\t(not in vocabulary)");
        missing++;
        continue;
      }
      StringBuilder sb = new StringBuilder(w).append('\t');
      for (String[] p : n) {
        sb.append(p[0]).append(':').append(p[1]).append(' ');
      }
      System.out.println(sb.toString().trim());
    }
    return missing == args.positional().size() ? 1 : 0;
  }
}
