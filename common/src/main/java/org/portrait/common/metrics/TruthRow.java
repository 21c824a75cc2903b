package org.portrait.common.metrics;

import org.portrait.common.config.UserError;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One line of the generator's {@code truth.csv}: {@code user_id,split,interests,sentiment} with interests as
 * {@code cat:weight|cat:weight} (or {@code cat|cat}: equal weights) and sentiment
 * {@code positive|negative|neutral}.
 */
public record TruthRow(String userId, String split, Map<String, Double> interests, String sentiment) {
  public static final String HEADER = "user_id,split,interests,sentiment";

  /**
   * Parses one line; null for the header or a blank line.
   *
   * @throws IllegalArgumentException with the reason when the line is malformed
   */
  public static TruthRow parse(String line) {
    if (line == null || line.isBlank() || line.startsWith("user_id,")) {
      return null;
    }
    List<String> f = splitCsv(line.strip());
    if (f.size() != 4) {
      throw new UserError("expected 4 fields, got " + f.size());
    }
    String id = f.get(0).strip();
    String split = f.get(1).strip();
    String sentiment = f.get(3).strip();
    if (id.isEmpty()) {
      throw new UserError("empty user_id");
    }
    if (!split.equals("train") && !split.equals("test")) {
      throw new UserError("split must be train or test: " + split);
    }
    if (!sentiment.equals("positive") && !sentiment.equals("negative") && !sentiment.equals("neutral")) {
      throw new UserError("bad sentiment: " + sentiment);
    }
    Map<String, Double> interests = new LinkedHashMap<>();
    int withWeight = 0;
    for (String part : f.get(2).split("\\|")) {
      if (part.isBlank()) {
        continue;
      }
      int colon = part.lastIndexOf(':');
      if (colon < 0) {
        // No weight: the user's interests count equally (set below).
        interests.put(part.strip(), Double.NaN);
        continue;
      }
      if (colon == 0) {
        throw new UserError("interest without a category: " + part);
      }
      withWeight++;
      try {
        interests.put(part.substring(0, colon).strip(), Double.parseDouble(part.substring(colon + 1).strip()));
      } catch (NumberFormatException e) {
        throw new UserError("bad interest weight: " + part);
      }
    }
    if (withWeight > 0 && withWeight < interests.size()) {
      throw new UserError("some interests have a weight and some not: " + f.get(2)
          + " (give every interest a weight, or none for equal weights)");
    }
    if (withWeight == 0 && !interests.isEmpty()) {
      double equal = 1.0 / interests.size();
      interests.replaceAll((c, w) -> equal);
    }
    return new TruthRow(id, split, Collections.unmodifiableMap(interests), sentiment);
  }

  /** The gold interest set: categories with weight above {@code minWeight}. */
  public Set<String> interestSet(double minWeight) {
    Set<String> s = new TreeSet<>();
    interests.forEach((c, w) -> {
      if (w > minWeight) {
        s.add(c);
      }
    });
    return s;
  }

  /** The highest-weighted category, or null when there is none. */
  public String topInterest() {
    String best = null;
    double bw = Double.NEGATIVE_INFINITY;
    for (Map.Entry<String, Double> e : interests.entrySet()) {
      if (e.getValue() > bw) {
        best = e.getKey();
        bw = e.getValue();
      }
    }
    return best;
  }

  /** Splits a CSV line honouring double quotes (RFC 4180, no embedded line breaks). */
  static List<String> splitCsv(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          cur.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(ch);
      }
    }
    out.add(cur.toString());
    return out;
  }
}
