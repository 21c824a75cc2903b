package org.portrait.common.profile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Interest taxonomy: category → seed terms. File format: one category a line, {@code category<TAB>term term ...};
 * blank lines and lines starting with {@code #} are ignored. The bundled one covers the sample's categories.
 */
public final class InterestTaxonomy {
  /** Classpath location of the bundled taxonomy. */
  public static final String BUNDLED = "/portrait/interest-taxonomy.tsv";
  private final Map<String, List<String>> seeds = new LinkedHashMap<>();

  public static InterestTaxonomy bundled() throws IOException {
    try (InputStream in = InterestTaxonomy.class.getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new IOException("bundled taxonomy " + BUNDLED + " missing from the classpath");
      }
      return read(in);
    }
  }

  public static InterestTaxonomy read(InputStream in) throws IOException {
    InterestTaxonomy t = new InterestTaxonomy();
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    int lineNo = 0;
    while ((line = r.readLine()) != null) {
      lineNo++;
      line = line.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int tab = line.indexOf('\t');
      if (tab <= 0) {
        throw new IOException("taxonomy line " + lineNo + ": expected category<TAB>seed terms");
      }
      List<String> terms = new ArrayList<>();
      for (String s : line.substring(tab + 1).trim().split("\\s+")) {
        if (!s.isEmpty()) {
          terms.add(s);
        }
      }
      t.seeds.put(line.substring(0, tab).strip(), terms);
    }
    if (t.seeds.isEmpty()) {
      throw new IOException("taxonomy has no categories");
    }
    return t;
  }

  /** A taxonomy of the given seeds (e.g. {@link SeedTerms} chosen from the data), in the map's order. */
  public static InterestTaxonomy of(Map<String, List<String>> seeds) {
    if (seeds.isEmpty()) {
      throw new IllegalArgumentException("taxonomy has no categories");
    }
    InterestTaxonomy t = new InterestTaxonomy();
    seeds.forEach((c, terms) -> t.seeds.put(c, new ArrayList<>(terms)));
    return t;
  }

  /** Writes the taxonomy in the format {@link #read} reads. */
  public void write(OutputStream out) throws IOException {
    StringBuilder sb = new StringBuilder();
    seeds.forEach((c, terms) -> sb.append(c).append('\t').append(String.join(" ", terms)).append('\n'));
    out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** True when every one of {@code categories} is a category of this taxonomy. */
  public boolean knowsAll(java.util.Collection<String> categories) {
    return seeds.keySet().containsAll(categories);
  }

  public List<String> categories() {
    return new ArrayList<>(seeds.keySet());
  }

  public List<String> seeds(String category) {
    return Collections.unmodifiableList(seeds.getOrDefault(category, List.of()));
  }

  /**
   * Unit-length centroid of each category's seed vectors (seeds without a vector are skipped); a category none
   * of whose seeds has a vector gets a zero centroid and therefore scores 0.
   */
  public Map<String, double[]> centroids(WordVectors vectors) {
    Map<String, double[]> out = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : seeds.entrySet()) {
      double[] c = new double[vectors.dim()];
      for (String s : e.getValue()) {
        int row = vectors.row(s);
        if (row >= 0) {
          double[] one = new double[vectors.dim()];
          vectors.addTo(one, row, 1);
          VectorMath.normalise(one);
          for (int i = 0; i < c.length; i++) {
            c[i] += one[i];
          }
        }
      }
      VectorMath.normalise(c);
      out.put(e.getKey(), c);
    }
    return out;
  }
}
