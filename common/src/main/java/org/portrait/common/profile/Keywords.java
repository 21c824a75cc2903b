package org.portrait.common.profile;

import java.util.Set;

/** Which tokens may be keywords: no placeholders, stopwords, negators, numbers or punctuation. */
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
}
