package org.portrait.jobs.glove;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificDatumWriter;
import org.portrait.schema.TokenizedReview;

/**
 * Benchmark helper (not a pipeline stage): tokenizes the review column of a {@code cat,label,review} CSV with
 * HanLP's default segmenter, removes the union of the given stopword lists (negations kept) and writes what the
 * GloVe benchmark needs: {@code S/part-0.avro} (TokenizedReview), {@code V/vocab.tsv} (min-count, ids by count
 * then word), and, for the reference C GloVe on the same tokens, {@code tokens.txt} and {@code vocab.ref.txt}.
 *
 * <p>Usage: GloveBenchCorpus CSV STOPWORD_DIR OUT_DIR [MIN_COUNT=5]
 */
public final class GloveBenchCorpus {
  /** Negations stay: they carry sentiment even though some stopword lists contain them. */
  static final Set<String> KEEP = Set.of("不", "没", "没有", "无", "非", "别", "未", "不是", "不要", "不会", "不能",
      "不够", "不好", "没什么", "毫无", "绝不", "并不", "不太", "不怎么");

  private GloveBenchCorpus() {}

  public static void main(String[] args) throws IOException {
    File csv = new File(args[0]);
    File stopDir = new File(args[1]);
    File out = new File(args[2]);
    int minCount = args.length > 3 ? Integer.parseInt(args[3]) : 5;
    Set<String> stop = new HashSet<>();
    for (File f : stopDir.listFiles((d, n) -> n.endsWith(".txt"))) {
      for (String l : Files.readAllLines(f.toPath(), StandardCharsets.UTF_8)) {
        String w = l.trim();
        if (!w.isEmpty() && !KEEP.contains(w)) {
          stop.add(w);
        }
      }
    }
    Segment seg = HanLP.newSegment();
    new File(out, "S").mkdirs();
    new File(out, "V").mkdirs();
    Map<String, long[]> counts = new HashMap<>();
    long chars = 0;
    long tokens = 0;
    int n = 0;
    long t0 = System.nanoTime();
    try (BufferedReader r = Files.newBufferedReader(csv.toPath(), StandardCharsets.UTF_8);
         DataFileWriter<TokenizedReview> avro = new DataFileWriter<>(new SpecificDatumWriter<>(TokenizedReview.class));
         Writer txt = new BufferedWriter(new OutputStreamWriter(
             Files.newOutputStream(new File(out, "tokens.txt").toPath()), StandardCharsets.UTF_8))) {
      avro.create(TokenizedReview.getClassSchema(), new File(out, "S/part-0.avro"));
      r.readLine(); // header
      String line;
      while ((line = r.readLine()) != null) {
        List<String> f = csvFields(line);
        if (f.size() < 3) {
          continue;
        }
        String text = f.get(2).replace("\uFEFF", "").trim();
        if (text.isEmpty()) {
          continue;
        }
        chars += text.length();
        List<String> toks = new ArrayList<>();
        for (Term t : seg.seg(text)) {
          String w = t.word.trim().toLowerCase();
          if (w.isEmpty() || stop.contains(w) || !hasLetterOrDigit(w)) {
            continue;
          }
          toks.add(w);
        }
        Set<String> seen = new HashSet<>();
        for (String w : toks) {
          long[] c = counts.computeIfAbsent(w, k -> new long[2]);
          c[0]++;
          if (seen.add(w)) {
            c[1]++;
          }
        }
        tokens += toks.size();
        avro.append(TokenizedReview.newBuilder().setReviewId("r" + n).setUserKey("u" + n).setCategory(f.get(0))
            .setLabel(f.get(1).equals("1") ? 1 : 0).setCharCount(text.length()).setTokens(toks).build());
        txt.write(String.join(" ", toks));
        txt.write('\n');
        n++;
      }
    }
    List<Map.Entry<String, long[]>> vocab = new ArrayList<>();
    for (Map.Entry<String, long[]> e : counts.entrySet()) {
      if (e.getValue()[0] >= minCount) {
        vocab.add(e);
      }
    }
    vocab.sort((a, b) -> a.getValue()[0] != b.getValue()[0] ? Long.compare(b.getValue()[0], a.getValue()[0])
        : a.getKey().compareTo(b.getKey()));
    try (Writer v = Files.newBufferedWriter(new File(out, "V/vocab.tsv").toPath(), StandardCharsets.UTF_8);
         Writer ref = Files.newBufferedWriter(new File(out, "vocab.ref.txt").toPath(), StandardCharsets.UTF_8)) {
      for (Map.Entry<String, long[]> e : vocab) {
        v.write(e.getKey() + "\t" + e.getValue()[0] + "\t" + e.getValue()[1] + "\n");
        ref.write(e.getKey() + " " + e.getValue()[0] + "\n");
      }
    }
    System.out.printf("bench corpus: %d reviews, %d chars, %d tokens, %d words (min-count %d) in %.1f s%n", n, chars,
        tokens, vocab.size(), minCount, (System.nanoTime() - t0) / 1e9);
  }

  private static boolean hasLetterOrDigit(String w) {
    for (int i = 0; i < w.length(); i++) {
      if (Character.isLetterOrDigit(w.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** Fields of one CSV line (RFC 4180 quotes; the corpus has one record per line). */
  static List<String> csvFields(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder sb = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
            sb.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          sb.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        out.add(sb.toString());
        sb.setLength(0);
      } else {
        sb.append(ch);
      }
    }
    out.add(sb.toString());
    return out;
  }
}
