package org.portrait.common.apps;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The lookalike evaluation on users with known main interests: seed audiences per category, and the two
 * baselines the lookalike job is measured against (a random audience; users whose keywords contain the seeds'
 * top keywords). Keys are user keys; everything is deterministic (ties by key).
 */
public final class AudienceEval {
  /** Seeds' keywords the keyword baseline matches. */
  public static final int TOP_KEYWORDS = 10;

  private final TreeMap<String, String> mainInterest;
  private final Map<String, List<String>> keywords;

  /** {@code mainInterest}: user key → main interest from truth; {@code keywords}: user key → profile keywords. */
  public AudienceEval(Map<String, String> mainInterest, Map<String, List<String>> keywords) {
    this.mainInterest = new TreeMap<>(mainInterest);
    this.keywords = keywords;
  }

  /** Users (in key order) whose main interest is {@code category}. */
  public List<String> usersOf(String category) {
    return mainInterest.entrySet().stream().filter(e -> e.getValue().equals(category)).map(Map.Entry::getKey)
        .collect(Collectors.toList());
  }

  /** Share of {@code retrieved} whose main interest is {@code category} (users without truth count as misses). */
  public double precision(List<String> retrieved, String category) {
    return Ranking.precision(retrieved, Set.copyOf(usersOf(category)));
  }

  /**
   * Expected precision of N users drawn uniformly from the non-seed users: the category's share among them
   * (the exact expectation, so no sampling noise).
   */
  public double randomPrecision(Set<String> seeds, String category) {
    long pool = mainInterest.keySet().stream().filter(u -> !seeds.contains(u)).count();
    long hits = usersOf(category).stream().filter(u -> !seeds.contains(u)).count();
    return pool == 0 ? Double.NaN : (double) hits / pool;
  }

  /**
   * The keyword baseline: the seeds' {@value #TOP_KEYWORDS} most frequent keywords; every non-seed user scored
   * by how many of them their keywords contain; the best n with at least one match.
   */
  public List<String> keywordAudience(Set<String> seeds, int n) {
    Map<String, Integer> freq = new HashMap<>();
    for (String s : seeds) {
      for (String w : keywords.getOrDefault(s, List.of())) {
        freq.merge(w, 1, Integer::sum);
      }
    }
    List<Map.Entry<String, Integer>> byFreq = new ArrayList<>(freq.entrySet());
    byFreq.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    Set<String> top = byFreq.stream().limit(TOP_KEYWORDS).map(Map.Entry::getKey).collect(Collectors.toSet());
    TopN best = new TopN(n);
    for (Map.Entry<String, List<String>> e : keywords.entrySet()) {
      if (seeds.contains(e.getKey())) {
        continue;
      }
      long matches = e.getValue().stream().distinct().filter(top::contains).count();
      if (matches > 0) {
        best.offer(e.getKey(), matches);
      }
    }
    return best.sorted().stream().map(TopN.Scored::key).collect(Collectors.toList());
  }
}
