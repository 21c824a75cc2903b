package org.portrait.jobs.segment;

import org.portrait.common.config.UserError;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.portrait.common.io.AvroFiles;
import org.portrait.jobs.CliArgs;
import org.portrait.jobs.PortraitTool;
import org.portrait.schema.TokenizedReview;

/**
 * export-tokens: the segment stage's corpus as plain text, one review per line, tokens separated by one space
 * (the input format of the reference C GloVe and word2vec tools), so they run on exactly our tokens.
 * Written to a temporary sibling and renamed, so a reader never sees half a file.
 */
public class ExportTokensCommand extends PortraitTool {

  /** Lines written and reviews skipped. */
  public static final class Result {
    public long lines;
    public long tokens;
    public long skipped;
  }

  /**
   * Writes the reviews of {@code input} to {@code outFile}. {@code split}: "train", "test" or null for all;
   * {@code skipEmpty}: leave out reviews without tokens instead of writing an empty line.
   */
  public static Result export(Configuration conf, Path input, Path outFile, String split, boolean skipEmpty)
      throws IOException {
    FileSystem fs = outFile.getFileSystem(conf);
    Path tmp = new Path(outFile.getParent(), "." + outFile.getName() + ".tmp");
    Result res = new Result();
    try (Writer w = new BufferedWriter(new OutputStreamWriter(fs.create(tmp, true), StandardCharsets.UTF_8), 1 << 16)) {
      AvroFiles.forEach(conf, input, TokenizedReview.class, r -> {
        List<String> tokens = r.getTokens();
        if ((split != null && !split.equals(r.getSplit())) || (skipEmpty && tokens.isEmpty())) {
          res.skipped++;
          return;
        }
        try {
          for (int i = 0; i < tokens.size(); i++) {
            if (i > 0) {
              w.write(' ');
            }
            w.write(tokens.get(i));
          }
          w.write('\n');
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        res.lines++;
        res.tokens += tokens.size();
      });
    } catch (UncheckedIOException e) {
      fs.delete(tmp, false);
      throw e.getCause();
    }
    if (fs.exists(outFile)) {
      fs.delete(outFile, false);
    }
    if (!fs.rename(tmp, outFile)) {
      throw new IOException("cannot rename " + tmp + " to " + outFile);
    }
    return res;
  }

  @Override
  public String command() {
    return "export-tokens";
  }

  @Override
  public String usage() {
    return String.join("\n",
        "usage: export-tokens --input S --output FILE [--split train|test|all] [--skip-empty]",
        "Writes the tokenized corpus of the segment stage (S/*.avro) as plain text: one review per line,",
        "tokens separated by a space (input format of the reference C GloVe / word2vec).",
        "  --split       only reviews of this split (default all)",
        "  --skip-empty  leave out reviews without tokens (default: written as empty lines)");
  }

  @Override
  protected List<String> options() {
    return List.of("input", "output", "split");
  }

  @Override
  protected List<String> flags() {
    return List.of("skip-empty");
  }

  @Override
  protected int run(CliArgs args) throws Exception {
    String split = args.get("split", "all");
    if (!split.equals("all") && !split.equals("train") && !split.equals("test")) {
      throw new UserError("--split must be train, test or all, got " + split);
    }
    Result r = export(getConf(), new Path(args.require("input")), new Path(args.require("output")),
        split.equals("all") ? null : split, args.has("skip-empty"));
    System.out.println("export-tokens: " + r.lines + " lines, " + r.tokens + " tokens, " + r.skipped + " skipped");
    return 0;
  }
}
