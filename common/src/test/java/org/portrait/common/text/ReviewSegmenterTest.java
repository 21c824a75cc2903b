package org.portrait.common.text;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import org.junit.BeforeClass;
import org.junit.Test;

/** Real sentences from the primary corpus, expected tokens checked by hand. */
public class ReviewSegmenterTest {
  private static String corpus;
  private static ReviewSegmenter withStopwords;
  private static ReviewSegmenter plain;

  @BeforeClass
  public static void setUp() throws Exception {
    File csv = new File(System.getProperty("portrait.shared.dir", "../shared"), "data/reviews/online_shopping_10_cats.csv");
    assertTrue("primary corpus missing at " + csv.getAbsolutePath(), csv.isFile());
    corpus = new String(Files.readAllBytes(csv.toPath()), StandardCharsets.UTF_8);
    withStopwords = new ReviewSegmenter(Stopwords.effective(true, null, true), null);
    plain = new ReviewSegmenter(Set.of(), null);
  }

  private static List<String> real(ReviewSegmenter s, String sentence, SegmentStats stats) {
    assertTrue("not in the corpus: " + sentence, corpus.contains(sentence));
    return s.tokens(sentence, stats);
  }

  @Test
  public void hotelReview() {
    String s = "房间很小,早餐应当是九点结束,但八点三刻左右餐厅内还有近二十人坐着时";
    assertEquals(List.of("房间", "很小", "早餐", "应当", "是", "九", "点", "结束", "但", "八", "点", "三", "刻", "左右",
        "餐厅", "内", "还有", "近", "二十", "人", "坐着", "时"), real(plain, s, new SegmentStats()));
    SegmentStats st = new SegmentStats();
    assertEquals(List.of("房间", "很小", "早餐", "九", "点", "结束", "八", "点", "三", "刻", "餐厅", "近", "二十", "坐着", "时"),
        real(withStopwords, s, st));
    assertEquals(7, st.stopwordsRemoved);
    assertEquals(2, st.punctuationRemoved);
    assertEquals(15, st.tokens);
    assertEquals(s.length(), st.chars);
  }

  @Test
  public void tabletReview() {
    assertEquals(List.of("分辨率", "实在", "太", "垃圾", "买了", "后悔"),
        real(withStopwords, "分辨率实在太垃圾 买了后悔", new SegmentStats()));
  }

  @Test
  public void phoneReviewKeepsNegations() {
    assertEquals(List.of("声音", "控制", "键", "大小", "区别", "不大", "调", "音质", "不是", "很大", "效果", "不够"),
        real(withStopwords, "声音控制键大小区别不大,调到最大音质也不是很大,效果不够好", new SegmentStats()));
  }

  @Test
  public void bookReviewNegationSurvivesStopwordRemoval() {
    String s = "买回来才知道,一点都不好看....";
    assertEquals(List.of("买", "回来", "一点", "不", "好看"), real(withStopwords, s, new SegmentStats()));
    ReviewSegmenter dropNegations = new ReviewSegmenter(Stopwords.effective(true, null, false), null);
    assertFalse(real(dropNegations, s, new SegmentStats()).contains("不"));
  }

  @Test
  public void tabletReviewWithNegations() {
    assertEquals(List.of("无", "语", "贴膜", "没有"), real(withStopwords, "无语，贴膜都没有，", new SegmentStats()));
    assertEquals(List.of("京东", "服务", "超级", "烂", "商品", "无关"),
        real(withStopwords, "京东服务超级烂与比商品无关", new SegmentStats()));
  }

  @Test
  public void piiBecomesSinglePlaceholderTokens() {
    SegmentStats st = new SegmentStats();
    assertEquals(List.of("请", "联系", "我", "<PHONE>", "或者", "<EMAIL>", "网址", "<URL>", "谢谢"),
        plain.tokens("请联系我13812345678或者abc@qq.com，网址http://www.x.com/a?b=1谢谢", st));
    assertEquals(1, st.pii[PiiKind.PHONE.ordinal()]);
    assertEquals(1, st.pii[PiiKind.EMAIL.ordinal()]);
    assertEquals(1, st.pii[PiiKind.URL.ordinal()]);
    assertEquals(List.of("电话", "<PHONE>", "abc"), plain.tokens("电话13812345678abc", new SegmentStats()));
    assertEquals(List.of("身份证", "<ID>"), withStopwords.tokens("身份证11010519491231002X", new SegmentStats()));
    assertEquals(List.of("iphone", "屏幕", "很好", "电话", "<PHONE>"),
        withStopwords.tokens("ＩＰＨＯＮＥ６的屏幕很好，电话１３８１２３４５６７８", new SegmentStats()));
  }

  /**
   * Every kind's placeholder is one token, whether the segmenter masks the text itself or gets text that
   * ingest already masked (then lower-cased by the normaliser), and glued to Latin letters or digits; no token
   * keeps a digit run or an id of the masked data.
   */
  @Test
  public void everyPlaceholderIsOneTokenAndNothingLeaks() {
    PiiMasker masker = new PiiMasker();
    String text = "加我qq123456789 微信abc_12345 卡6222021234567894 号12345678901234 电话一三八一二三四五六七八"
        + " 身份证11010519491231002x 邮箱a@b.cn 网址www.x.cn";
    List<String> expected = List.of("加", "我", "qq", "<QQ>", "微信", "<WECHAT>", "卡", "<CARD>", "号", "<NUM>",
        "电话", "<PHONE>", "身份证", "<ID>", "邮箱", "<EMAIL>", "网址", "<URL>");
    SegmentStats st = new SegmentStats();
    assertEquals(expected, plain.tokens(text, st));
    for (PiiKind k : PiiKind.values()) {
      assertEquals(k.name(), 1, st.pii[k.ordinal()]);
    }
    SegmentStats again = new SegmentStats();
    assertEquals(expected, plain.tokens(masker.maskRaw(text, null), again));
    assertEquals(0, java.util.Arrays.stream(again.pii).sum());
    for (PiiKind k : PiiKind.values()) {
      assertEquals(List.of("x", k.placeholder(), "好"),
          plain.tokens("x" + k.placeholder().toLowerCase(java.util.Locale.ROOT) + "好", new SegmentStats()));
    }
  }

  @Test
  public void posFilterKeepsOnlyListedNatures() {
    SegmentStats st = new SegmentStats();
    ReviewSegmenter nouns = new ReviewSegmenter(Set.of(), List.of("n"));
    assertEquals(List.of("分辨率", "垃圾"), nouns.tokens("分辨率实在太垃圾 买了后悔", st));
    assertEquals(4, st.posFiltered);
    assertEquals(List.of("<PHONE>"), nouns.tokens("13812345678", new SegmentStats()));
  }

  @Test
  public void userDictionaryWordsBecomeTokens() {
    assertEquals(List.of("蒙牛", "酸", "酸乳", "真", "好喝"), plain.tokens("蒙牛酸酸乳真好喝", new SegmentStats()));
    assertEquals(1, ReviewSegmenter.addUserDictionary(List.of("# comment", "", "酸酸乳真好喝 nz 100")));
    assertEquals(List.of("蒙牛", "酸酸乳真好喝"), plain.tokens("蒙牛酸酸乳真好喝", new SegmentStats()));
  }

  @Test
  public void emptyAndBlankTextGiveNoTokens() {
    SegmentStats st = new SegmentStats();
    assertTrue(withStopwords.tokens(null, st).isEmpty());
    assertTrue(withStopwords.tokens("", st).isEmpty());
    assertTrue(withStopwords.tokens("   \u3000 ", st).isEmpty());
    assertTrue(withStopwords.tokens("。。。！！", st).isEmpty());
    assertTrue(withStopwords.tokens("的了吗", st).isEmpty());
  }

  @Test
  public void tokensNeverContainWhitespace() {
    assertEquals(null, ReviewSegmenter.clean(" "));
    assertEquals(null, ReviewSegmenter.clean("，。"));
    assertEquals("a_b", ReviewSegmenter.clean("a b"));
  }

  @Test
  public void traditionalChineseIsSegmentedAsItsSimplifiedForm() {
    // A corpus review written in Traditional characters (not a corpus sentence itself: real() checks that).
    String simplified = "热水器安装很好，服务态度不错";
    String traditional = "熱水器安裝很好，服務態度不錯";
    List<String> t = withStopwords.tokens(traditional, new SegmentStats());
    assertEquals(withStopwords.tokens(simplified, new SegmentStats()), t);
    assertTrue(t.toString(), t.contains("热水器") && t.contains("安装"));
    // Off: HanLP's Simplified dictionaries cut the Traditional words apart.
    ReviewSegmenter asWritten = new ReviewSegmenter(Stopwords.effective(true, null, true), null, false);
    List<String> raw = asWritten.tokens(traditional, new SegmentStats());
    assertFalse(raw.toString(), raw.contains("热水器") || raw.contains("熱水器"));
    // Placeholders and Latin text pass through the conversion untouched.
    List<String> mixed = plain.tokens("電話13812345678 iPad", new SegmentStats());
    assertTrue(mixed.toString(), mixed.contains("电话") && mixed.contains("ipad")
        && mixed.contains(PiiKind.PHONE.placeholder()));
  }
}
