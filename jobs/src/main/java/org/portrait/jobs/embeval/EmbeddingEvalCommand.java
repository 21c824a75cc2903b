package org.portrait.jobs.embeval;

import org.portrait.common.config.UserError;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.portrait.common.embeval.EmbeddingEval;
import org.portrait.common.embeval.WordVectors;
import org.portrait.jobs.CliArgs;
import org.portrait.jobs.PortraitTool;
import org.portrait.jobs.glove.NearestCommand;

/**
 * embedding-eval: Spearman rho on similarity sets and 3CosAdd accuracy on analogy sets, each with coverage,
 * for trained vectors; agrees with shared/tools/eval_vectors.py. {@link #evaluate} is the typed entry point
 * the metrics job calls.
 */
public class EmbeddingEvalCommand extends PortraitTool {

  /**
   * Evaluates the vectors (file or model folder) on every known set in {@code evalDir}, a folder of any Hadoop
   * file system (the layout's reference/eval on a cluster).
   */
  public static List<EmbeddingEval.Result> evaluate(Configuration conf, Path vectors, Path evalDir) throws IOException {
    FileSystem fs = evalDir.getFileSystem(conf);
    if (!fs.exists(evalDir) || !fs.getFileStatus(evalDir).isDirectory()) {
      throw new UserError("eval folder not found: " + evalDir);
    }
    return EmbeddingEval.evaluate(NearestCommand.load(conf, vectors), name -> {
      Path set = new Path(evalDir, name);
      return fs.isFile(set) ? fs.open(set) : null;
    });
  }

  /** The results as a JSON-friendly map: set -> {metric, score, covered, total, coverage}. */
  public static Map<String, Object> toJson(List<EmbeddingEval.Result> results) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (EmbeddingEval.Result r : results) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("metric", r.metric);
      m.put("score", Double.isNaN(r.score) ? null : r.score);
      m.put("covered", r.covered);
      m.put("total", r.total);
      m.put("coverage", r.coverage());
      out.put(r.set, m);
    }
    return out;
  }

  @Override
  public String command() {
    return "embedding-eval";
  }

  @Override
  public String usage() {
    return "embedding-eval --vectors M|M/vectors.txt --eval DIR [--json FILE]\n"
        + "  Spearman rho (ties averaged) on wordsim-240/297 and COS960, 3CosAdd accuracy on the CA8 analogy\n"
        + "  sets found in DIR, each with coverage (covered/total); one line per set, optionally JSON.";
  }

  @Override
  protected List<String> options() {
    return List.of("vectors", "eval", "json");
  }

  @Override
  protected int run(CliArgs args) throws Exception {
    List<EmbeddingEval.Result> results = evaluate(getConf(), new Path(args.require("vectors")),
        new Path(args.require("eval")));
    for (EmbeddingEval.Result r : results) {
      System.out.println(r);
    }
    if (args.has("json")) {
      Path out = new Path(args.require("json"));
      try (OutputStream os = out.getFileSystem(getConf()).create(out, true)) {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(os, toJson(new ArrayList<>(results)));
      }
    }
    return 0;
  }
}
