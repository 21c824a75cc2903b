package org.portrait.common.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.portrait.schema.WeightedTerm;

/**
 * Which tokens may be keywords (no placeholders, stopwords, negators, numbers or punctuation) and how a user's
 * keywords are chosen from their term evidence.
 */
public final class Keywords {
  /** A small built-in stopword list: the segment stage may keep these (sentiment needs some), keywords must not. */
  static final Set<String> STOP = Set.of("的", "了", "是", "我", "也", "就", "都", "很", "还", "在", "有", "和", "与",
      "这", "那", "个", "一个", "没有", "不", "没", "吧", "吗", "啊", "呢", "哦", "着", "又", "说", "但", "但是", "就是",
      "还是", "非常", "比较", "感觉", "觉得", "真的", "可以", "不错", "一下", "什么", "这个", "那个", "我们", "你",
      "他", "她", "它", "太", "再", "会", "要", "能", "让", "给", "把", "被", "对", "到", "从", "而", "及", "或",
      "等", "后", "才", "已经", "因为", "所以", "如果", "虽然", "还有", "挺", "蛮", "真", "好", "去", "来", "上", "下");

  private Keywords() {}

  public static boolean eligible(String t) {
    if (t.isEmpty() || TextFeatures.isPlaceholder(t) || STOP.contains(t) || TextFeatures.NEGATORS.contains(t)) {
      return false;
    }
    boolean letterOrIdeograph = false;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (Character.isLetter(c)) {
        letterOrIdeograph = true;
      } else if (!Character.isDigit(c)) {
        return false; // punctuation, symbols
      }
    }
    return letterOrIdeograph;
  }

  /** How keywords are chosen; the defaults are the documented settings' defaults. */
  public static final class Rule {
    /** Keywords per user. */
    public int count = 10;
    /** Most occurrences of a term one review contributes (so one long review cannot carry a keyword). */
    public int reviewCap = 2;
    /** Reviews a keyword must occur in, for users with at least {@link #supportFrom} reviews. */
    public int minSupport = 2;
    /** Users with fewer reviews than this keep keywords found in one review. */
    public int supportFrom = 3;
    /** Exponent of the corpus specificity in the weight (0: plain TF-IDF over capped counts). */
    public double specificityPower = 1.0;
  }

  /**
   * The top keywords: weight {@code capped tf / tokens · idf · specificity^power}, over terms found in at least
   * {@code minSupport} reviews when the user has {@code supportFrom} reviews or more. {@code terms} maps a term to
   * {capped weighted count, reviews containing it}; ties go to the smaller term.
   */
  public static List<WeightedTerm> select(Map<String, double[]> terms, double tokenWeight, long reviews,
      ToDoubleFunction<String> idf, KeywordStats stats, Rule rule) {
    List<WeightedTerm> out = new ArrayList<>();
    if (tokenWeight <= 0 || rule.count <= 0) {
      return out;
    }
    boolean needSupport = reviews >= rule.supportFrom;
    PriorityQueue<WeightedTerm> heap = new PriorityQueue<>((a, b) -> a.getWeight() != b.getWeight()
        ? Float.compare(a.getWeight(), b.getWeight()) : b.getTerm().compareTo(a.getTerm()));
    for (Map.Entry<String, double[]> e : terms.entrySet()) {
      if (needSupport && e.getValue()[1] < rule.minSupport) {
        continue;
      }
      double w = e.getValue()[0] / tokenWeight * idf.applyAsDouble(e.getKey());
      if (stats != null && rule.specificityPower != 0) {
        w *= Math.pow(stats.specificity(e.getKey()), rule.specificityPower);
      }
      if (w <= 0) {
        continue; // a term nothing shows to be topical is no keyword
      }
      heap.add(new WeightedTerm(e.getKey(), (float) w));
      if (heap.size() > rule.count) {
        heap.poll();
      }
    }
    out.addAll(heap);
    out.sort((a, b) -> a.getWeight() != b.getWeight() ? Float.compare(b.getWeight(), a.getWeight())
        : a.getTerm().compareTo(b.getTerm()));
    return out;
  }
}
