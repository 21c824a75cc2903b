package org.portrait.jobs.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The part of the drift figures that counters cannot carry: the four category distributions (bins come from
 * the data, so they are not enum counters) and the sum of the cosine shifts (a double). Each reducer writes its
 * share as a few text lines ({@code kind<TAB>bin<TAB>value}) and the driver adds them up; their number grows
 * with the categories of the taxonomy and the sentiment labels, never with the users.
 */
final class DriftSums {
  static final String INTEREST_TODAY = "interest.today";
  static final String INTEREST_YESTERDAY = "interest.yesterday";
  static final String SENTIMENT_TODAY = "sentiment.today";
  static final String SENTIMENT_YESTERDAY = "sentiment.yesterday";
  static final String SHIFT_SUM = "shift.sum";

  final Map<String, Map<String, Long>> counts = new TreeMap<>();
  double shiftSum;

  void add(String kind, String bin) {
    counts.computeIfAbsent(kind, k -> new TreeMap<>()).merge(bin, 1L, Long::sum);
  }

  Map<String, Long> get(String kind) {
    return counts.getOrDefault(kind, Map.of());
  }

  List<String> lines() {
    List<String> out = new ArrayList<>();
    counts.forEach((kind, bins) -> bins.forEach((bin, n) -> out.add(kind + "\t" + bin + "\t" + n)));
    out.add(SHIFT_SUM + "\t-\t" + shiftSum);
    return out;
  }

  /** Adds one line written by {@link #lines()}; throws IllegalArgumentException for anything else. */
  void merge(String line) {
    String[] f = line.split("\t", -1);
    if (f.length != 3) {
      throw new IllegalArgumentException("not a drift sums line: " + line);
    }
    if (f[0].equals(SHIFT_SUM)) {
      shiftSum += Double.parseDouble(f[2]);
    } else {
      counts.computeIfAbsent(f[0], k -> new TreeMap<>()).merge(f[1], Long.parseLong(f[2]), Long::sum);
    }
  }
}
