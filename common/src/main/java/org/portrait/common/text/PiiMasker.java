package org.portrait.common.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces personal data in review text by placeholder tokens ({@link PiiKind}) before anything is stored or
 * segmented. Recognised, in this order of precedence when two matches overlap:
 * <ol>
 *   <li>URLs ({@code http(s)://}, {@code www.}) and e-mail addresses;</li>
 *   <li>PRC resident ID numbers: 18 digits with an optional X check character, or the 15-digit legacy form;
 *       region digits + a plausible birth date are required, the check digit is not (a mistyped ID is still
 *       masked);</li>
 *   <li>bank card numbers: 16-19 digits, plain or in groups of four separated by spaces or dashes, that pass
 *       the Luhn check;</li>
 *   <li>phone numbers: PRC mobiles ({@code 1[3-9]} + 9 digits, optional {@code +86}/{@code 0086}/{@code 86}
 *       prefix, space/dot/dash separators in 3-4-4 groups), the same written in Chinese numerals, also mixed
 *       with digits (一三八…, 壹叁捌…, 138幺二三四5678; 幺 for 1, 〇/零 for 0), landlines with an area code, 400/800 numbers;</li>
 *   <li>QQ numbers (5-11 digits) and WeChat ids (6-20 characters, letter first, then letters, digits, _ or -)
 *       only right after a cue word: QQ/扣扣/企鹅, 微信/威信/薇信/vx/wx/v信/weixin. The cue itself stays;</li>
 *   <li>any other run of 11 or more digits (ASCII or Chinese numerals) as {@link PiiKind#NUMBER}.</li>
 * </ol>
 * Deliberately not masked: numbers of up to 10 digits without a cue (prices, dates, times, order ids such as an
 * 8-digit order number, room numbers, model names), so a bare 8-digit QQ number is missed; and one digit
 * repeated ("66666666666", slang for great), which identifies nobody.
 *
 * <p>{@link #mask} expects text from {@link TextNormalizer} (half-width, lower case); {@link #maskRaw} takes text
 * as written. A cheap scan looks for what any kind needs (an '@', "www."/"http", seven digits, a run of eleven
 * digits holding a Chinese numeral, a cue word's first character); most reviews have none and cost that one scan. Only the patterns
 * whose trigger was seen then run. Thread-safe.
 */
public final class PiiMasker {
  private static final int F_URL = 1;
  private static final int F_AT = 2;
  private static final int F_DIGITS = 4;
  private static final int F_QQ = 8;
  private static final int F_WECHAT = 16;
  private static final int F_CN = 32;

  /** Chinese numerals, plain and financial (壹贰叁…), with 幺 for 1 and 〇/○ for 0; CN_VALUES gives each digit. */
  private static final String CN_DIGITS = "〇零○一幺壹二贰三叁四肆五伍六陆七柒八捌九玖";
  private static final String CN_VALUES = "0001112233445566778899";
  /** Digit + 1 of each Chinese numeral, 0 for other characters: the pre-scan looks up every character. */
  private static final byte[] CN_VALUE = new byte[Character.MAX_VALUE + 1];

  static {
    for (int i = 0; i < CN_DIGITS.length(); i++) {
      CN_VALUE[CN_DIGITS.charAt(i)] = (byte) (CN_VALUES.charAt(i) - '0' + 1);
    }
  }
  /** A digit written either way: Chinese numerals may be mixed with ASCII digits (138幺二三四5678). */
  private static final String CN = "[0-9" + CN_DIGITS + "]";
  private static final String DATE = "(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])";
  private static final String CUE_SEP = "[\\s:=]{0,2}(?:号码|号)?[\\s:=是为]{0,3}";

  /** One recogniser: the text it masks is its group "p" (a cue before it stays). */
  private static final class Rule {
    final PiiKind kind;
    final int trigger;
    final Pattern pattern;

    Rule(PiiKind kind, int trigger, String regex) {
      this.kind = kind;
      this.trigger = trigger;
      this.pattern = Pattern.compile(regex);
    }
  }

  /** In order of precedence. */
  private static final Rule[] RULES = {
    new Rule(PiiKind.URL, F_URL, "(?<p>(?:https?://|www\\.)[a-z0-9\\-._~:/?#@!$&*+;=%]+)"),
    new Rule(PiiKind.EMAIL, F_AT, "(?<p>[a-z0-9][a-z0-9._%+\\-]*@[a-z0-9\\-]+(?:\\.[a-z0-9\\-]+)*\\.[a-z]{2,})"),
    new Rule(PiiKind.ID, F_DIGITS, "(?<![0-9])(?<p>[1-9]\\d{5}(?:(?:18|19|20)\\d{2}" + DATE + "\\d{3}[0-9x]|\\d{2}"
        + DATE + "\\d{3}))(?![0-9])"),
    new Rule(PiiKind.BANK_CARD, F_DIGITS,
        "(?<![0-9])(?<p>\\d{16,19}|\\d{4}(?:[\\s-]\\d{4}){3}(?:[\\s-]\\d{1,3})?)(?![0-9])"),
    new Rule(PiiKind.PHONE, F_DIGITS, "(?<![0-9+])(?<p>(?:(?:(?:\\+|00)?86|\\(\\+?86\\))[\\s.-]?)?"
        + "1[3-9]\\d[\\s.-]?\\d{4}[\\s.-]?\\d{4}"
        + "|\\(?0\\d{2,3}\\)?[\\s-]?\\d{7,8}"
        + "|[48]00[\\s-]?\\d{3}[\\s-]?\\d{4})(?![0-9])"),
    // Chinese numerals (mixed with ASCII digits or not): PHONE when the 11 digits are a mobile number, else
    // NUMBER (see kindOf); runs of ASCII digits only are left to the rules above and below.
    new Rule(PiiKind.PHONE, F_CN, "(?<!" + CN + ")(?<p>" + CN + "(?:[\\s.-]?" + CN + "){10,})(?!" + CN + ")"),
    new Rule(PiiKind.QQ, F_QQ, "(?:qq|扣扣|企鹅)(?:群)?" + CUE_SEP + "(?<p>[1-9]\\d{4,10})(?![0-9])"),
    new Rule(PiiKind.WECHAT, F_WECHAT, "(?<![a-z])(?:微信|威信|薇信|vx|wx|v信|weixin)" + CUE_SEP
        + "(?<p>[a-z][a-z0-9_-]{5,19})(?![a-z0-9_-])"),
    new Rule(PiiKind.NUMBER, F_DIGITS, "(?<![0-9])(?<p>\\d{11,})(?![0-9])"),
  };

  private final TextNormalizer normalizer = new TextNormalizer();

  /**
   * Returns normalised {@code text} with every match replaced by its kind's placeholder, set off by spaces
   * (where there is none already) so it stays one token; {@code counts[kind.ordinal()]} is incremented per match
   * (may be null). Text without PII is returned as the same instance.
   */
  public String mask(String text, long[] counts) {
    List<int[]> spans = find(text);
    return spans.isEmpty() ? text : replace(text, spans, counts);
  }

  /**
   * Masks text as written (not normalised): matches are found on its {@link TextNormalizer} form and replaced
   * in {@code text} itself, so everything else keeps its case and width. Normalisation maps character i to
   * character i except when NFKC applies (circled digits and the like); such rare texts are returned
   * normalised and masked. Null stays null.
   */
  public String maskRaw(String text, long[] counts) {
    if (text == null) {
      return null;
    }
    String normalized = normalizer.normalize(text);
    List<int[]> spans = find(normalized);
    if (spans.isEmpty()) {
      return text;
    }
    return replace(normalized.length() == text.length() ? text : normalized, spans, counts);
  }

  /** Non-overlapping spans {start, end, kind ordinal} of normalised {@code text}, by start. */
  private static List<int[]> find(String text) {
    int features = scan(text);
    if (features == 0) {
      return List.of();
    }
    List<int[]> spans = new ArrayList<>(2);
    for (Rule rule : RULES) {
      if ((features & rule.trigger) == 0) {
        continue;
      }
      Matcher m = rule.pattern.matcher(text);
      int from = 0;
      while (from < text.length() && m.find(from)) {
        int start = m.start("p");
        int end = m.end("p");
        int taken = overlapEnd(spans, start, end);
        if (taken >= 0) {
          // Part of it is masked already: look again behind that part ("13812345678 一三八…" is two numbers).
          from = taken; // > start: the loop advances
          continue;
        }
        PiiKind kind = kindOf(rule, text.substring(start, end));
        if (kind != null) {
          spans.add(new int[] {start, end, kind.ordinal()});
        }
        from = m.end(); // no pattern matches the empty string
      }
    }
    spans.sort((a, b) -> Integer.compare(a[0], b[0]));
    return spans;
  }

  /**
   * The kind of a match, or null when its check fails: Luhn for cards, length for Chinese numerals. One digit
   * repeated ("66666666666", slang for great) identifies nobody and is no card or long number.
   */
  private static PiiKind kindOf(Rule rule, String match) {
    if (rule.kind == PiiKind.BANK_CARD) {
      String d = digitsOf(match);
      return luhn(d) && !oneDigit(d) ? PiiKind.BANK_CARD : null;
    }
    if (rule.trigger == F_CN) {
      if (!hasChineseNumeral(match)) {
        return null;
      }
      String d = digitsOf(match);
      if (d.length() == 11 && d.charAt(0) == '1' && d.charAt(1) >= '3') {
        return PiiKind.PHONE;
      }
      return oneDigit(d) ? null : PiiKind.NUMBER;
    }
    if (rule.kind == PiiKind.NUMBER && oneDigit(match)) {
      return null;
    }
    return rule.kind;
  }

  private static boolean hasChineseNumeral(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (CN_VALUE[s.charAt(i)] != 0) {
        return true;
      }
    }
    return false;
  }

  private static boolean oneDigit(String digits) {
    for (int i = 1; i < digits.length(); i++) {
      if (digits.charAt(i) != digits.charAt(0)) {
        return false;
      }
    }
    return true;
  }

  /** The end of the last span that {@code [start, end)} overlaps, or -1. */
  private static int overlapEnd(List<int[]> spans, int start, int end) {
    int last = -1;
    for (int[] s : spans) {
      if (start < s[1] && s[0] < end) {
        last = Math.max(last, s[1]);
      }
    }
    return last;
  }

  private static String replace(String text, List<int[]> spans, long[] counts) {
    StringBuilder sb = new StringBuilder(text.length() + 16);
    int last = 0;
    for (int[] s : spans) {
      PiiKind kind = PiiKind.values()[s[2]];
      sb.append(text, last, s[0]);
      if (sb.length() > 0 && !Character.isWhitespace(sb.charAt(sb.length() - 1))) {
        sb.append(' ');
      }
      sb.append(kind.placeholder());
      if (s[1] < text.length() && !Character.isWhitespace(text.charAt(s[1]))) {
        sb.append(' ');
      }
      last = s[1];
      if (counts != null) {
        counts[kind.ordinal()]++;
      }
    }
    sb.append(text, last, text.length());
    return sb.toString();
  }

  /** ASCII digits of {@code s}, Chinese numerals converted (幺 = 1, 〇/零/○ = 0), separators dropped. */
  static String digitsOf(String s) {
    StringBuilder d = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        d.append(c);
      } else if (CN_VALUE[c] != 0) {
        d.append((char) ('0' + CN_VALUE[c] - 1));
      }
    }
    return d.toString();
  }

  /** The Luhn checksum of a digit string (bank card numbers end in a check digit computed this way). */
  static boolean luhn(String digits) {
    int sum = 0;
    for (int i = digits.length() - 1, k = 0; i >= 0; i--, k++) {
      int v = digits.charAt(i) - '0';
      if (k % 2 == 1) {
        v = v * 2 > 9 ? v * 2 - 9 : v * 2;
      }
      sum += v;
    }
    return sum % 10 == 0;
  }

  /** True when the cheap pre-check finds anything some kind needs. */
  static boolean mayContainPii(String text) {
    return scan(text) != 0;
  }

  /** One pass over the text: which triggers (F_*) occur. */
  private static int scan(String text) {
    int f = 0;
    int digits = 0;
    int run = 0; // digits of either kind since the last other character (separators aside)
    boolean runHasCn = false;
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
        if (++run >= 11 && runHasCn) {
          f |= F_CN;
        }
        continue;
      }
      if (CN_VALUE[c] != 0) {
        runHasCn = true;
        if (++run >= 11) {
          f |= F_CN;
        }
        continue;
      }
      if (c != ' ' && c != '-' && c != '.') {
        run = 0;
        runHasCn = false;
      }
      switch (c) {
        case '@': f |= F_AT; break;
        case 'h': f |= text.startsWith("http", i) ? F_URL : 0; break;
        case 'w':
          f |= text.startsWith("www.", i) ? F_URL : text.startsWith("wx", i) || text.startsWith("weixin", i)
              ? F_WECHAT : 0;
          break;
        case 'v': f |= text.startsWith("vx", i) || text.startsWith("v信", i) ? F_WECHAT : 0; break;
        case '微': case '威': case '薇': f |= text.startsWith("信", i + 1) ? F_WECHAT : 0; break;
        case 'q': f |= text.startsWith("qq", i) ? F_QQ : 0; break;
        case '扣': f |= text.startsWith("扣扣", i) ? F_QQ : 0; break;
        case '企': f |= text.startsWith("企鹅", i) ? F_QQ : 0; break;
        default: break;
      }
    }
    if (digits >= 7) {
      f |= F_DIGITS;
    }
    if (digits < 5) {
      f &= ~F_QQ;
    }
    return f;
  }
}
