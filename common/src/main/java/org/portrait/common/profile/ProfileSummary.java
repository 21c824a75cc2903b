package org.portrait.common.profile;

import java.util.List;
import org.portrait.schema.WeightedTerm;

/** The one-sentence Chinese summary of a profile, e.g. "主要关注手机、计算机；评价整体偏正面；常提到：屏幕、电池". */
public final class ProfileSummary {
  private ProfileSummary() {}

  public static String of(List<String> interests, String sentiment, List<WeightedTerm> keywords,
      String confidence, int reviews) {
    if (interests.isEmpty() && keywords.isEmpty()) {
      return "证据不足（" + reviews + " 条评论），暂无可靠画像";
    }
    StringBuilder s = new StringBuilder();
    if (!interests.isEmpty()) {
      s.append("主要关注").append(String.join("、", interests.subList(0, Math.min(3, interests.size()))));
    } else {
      s.append("兴趣尚不明确");
    }
    s.append("；评价整体").append(switch (sentiment) {
      case "positive" -> "偏正面";
      case "negative" -> "偏负面";
      default -> "中性";
    });
    if (!keywords.isEmpty()) {
      s.append("；常提到：");
      for (int i = 0; i < Math.min(3, keywords.size()); i++) {
        s.append(i == 0 ? "" : "、").append(keywords.get(i).getTerm());
      }
    }
    if ("low".equals(confidence)) {
      s.append("（证据较少）");
    }
    return s.toString();
  }
}
