package org.portrait.common.text;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class PiiMaskerTest {
  private final PiiMasker m = new PiiMasker();
  private final TextNormalizer norm = new TextNormalizer();

  private String mask(String s, long[] counts) {
    return m.mask(norm.normalize(s), counts).replaceAll(" +", " ").trim();
  }

  private void assertMasked(String input, String expected, PiiKind kind) {
    long[] counts = new long[PiiKind.values().length];
    assertEquals(expected, mask(input, counts));
    assertEquals("count of " + kind + " for " + input, 1, counts[kind.ordinal()]);
  }

  private void assertUntouched(String input) {
    long[] counts = new long[PiiKind.values().length];
    String n = norm.normalize(input);
    assertEquals(n, m.mask(n, counts));
    for (long c : counts) {
      assertEquals(0, c);
    }
  }

  @Test
  public void mobileNumbers() {
    assertMasked("电话13812345678谢谢", "电话 <PHONE> 谢谢", PiiKind.PHONE);
    assertMasked("电话+86 138-1234-5678", "电话 <PHONE>", PiiKind.PHONE);
    assertMasked("打0086 15912345678", "打 <PHONE>", PiiKind.PHONE);
    assertMasked("手机 139 1234 5678 。", "手机 <PHONE> 。", PiiKind.PHONE);
    assertMasked("全角１３８１２３４５６７８号码", "全角 <PHONE> 号码", PiiKind.PHONE);
  }

  @Test
  public void landlines() {
    assertMasked("前台010-12345678", "前台 <PHONE>", PiiKind.PHONE);
    assertMasked("酒店(0755)86543210", "酒店 <PHONE>", PiiKind.PHONE);
    assertMasked("客服400-123-4567", "客服 <PHONE>", PiiKind.PHONE);
  }

  @Test
  public void phoneNegatives() {
    assertUntouched("价格12345元，用了3年");
    assertUntouched("订单号 1234567890"); // 10 digits, not a mobile, no area code
    // 11+ digits that are no phone number are still masked, as a generic long number
    assertMasked("订单号 123456789012", "订单号 <NUM>", PiiKind.NUMBER);
    assertMasked("12812345678", "<NUM>", PiiKind.NUMBER); // 12x is no mobile prefix
    assertMasked("型号138123456789", "型号 <NUM>", PiiKind.NUMBER); // 12 digits: not a mobile number
    assertUntouched("好评66666666666666"); // one digit repeated identifies nobody
    assertUntouched("0000 0000 0000 0000"); // passes Luhn, but is no card
  }

  @Test
  public void phonesWithDotsAndChineseNumerals() {
    assertMasked("手机138.1234.5678", "手机 <PHONE>", PiiKind.PHONE);
    assertMasked("电话一三八一二三四五六七八", "电话 <PHONE>", PiiKind.PHONE);
    assertMasked("打幺三八 幺二三四 五六七八", "打 <PHONE>", PiiKind.PHONE);
    assertMasked("号码一五〇零零零零一二三四", "号码 <PHONE>", PiiKind.PHONE);
    assertMasked("一二三四五六七八九〇一二", "<NUM>", PiiKind.NUMBER); // 12 numerals: no mobile
    assertMasked("电话138幺二三四5678", "电话 <PHONE>", PiiKind.PHONE); // mixed with ASCII digits
    assertMasked("电话壹叁捌壹贰叁肆伍陆柒捌", "电话 <PHONE>", PiiKind.PHONE); // financial numerals
    assertUntouched("买了3个一共12件"); // digits and numerals in words are no number
    assertUntouched("二〇二六年十二月二日");
  }

  @Test
  public void qqNeedsACue() {
    assertMasked("加我qq 123456789", "加我qq <QQ>", PiiKind.QQ);
    assertMasked("扣扣:12345678", "扣扣: <QQ>", PiiKind.QQ);
    assertMasked("企鹅号是10086123", "企鹅号是 <QQ>", PiiKind.QQ);
    assertMasked("QQ 号码：12345", "qq 号码: <QQ>", PiiKind.QQ);
    assertMasked("QQ 13812345678", "qq <PHONE>", PiiKind.PHONE); // a mobile number is a phone whatever the cue
    assertUntouched("加我 12345678");
    assertUntouched("qq音乐会员12个月");
  }

  @Test
  public void weChatIdsNeedACue() {
    assertMasked("微信 abc_12345", "微信 <WECHAT>", PiiKind.WECHAT);
    assertMasked("vx:zhang-san88", "vx: <WECHAT>", PiiKind.WECHAT);
    assertMasked("V信 Lily_2026 谢谢", "v信 <WECHAT> 谢谢", PiiKind.WECHAT);
    assertMasked("威信号：wxid_a1b2c3", "威信号: <WECHAT>", PiiKind.WECHAT);
    assertUntouched("微信 abc12"); // 5 characters: too short for an id
    assertUntouched("微信 1abcdef"); // an id starts with a letter
    assertUntouched("微信支付很方便");
  }

  @Test
  public void bankCardsPassLuhn() {
    assertMasked("卡号6222021234567894", "卡号 <CARD>", PiiKind.BANK_CARD);
    assertMasked("卡号 6222 0212 3456 7894", "卡号 <CARD>", PiiKind.BANK_CARD);
    assertMasked("卡号 6217-0012-3456-7890-122", "卡号 <CARD>", PiiKind.BANK_CARD);
    assertMasked("卡号6222021234567895", "卡号 <NUM>", PiiKind.NUMBER); // Luhn fails: still a long number
    assertUntouched("编号 6222 0212 3456 7895"); // grouped, Luhn fails: not a card, no 11-digit run
    assertTrue(PiiMasker.luhn("4367429876543216"));
    assertFalse(PiiMasker.luhn("4367429876543217"));
  }

  @Test
  public void maskRawKeepsTheTextAsWritten() {
    long[] counts = new long[PiiKind.values().length];
    assertEquals("Ｈｉ，加我QQ <QQ> ，iPhone 13 很好", m.maskRaw("Ｈｉ，加我QQ 123456789，iPhone 13 很好", counts));
    assertEquals(1, counts[PiiKind.QQ.ordinal()]);
    assertEquals("电话 <PHONE>", m.maskRaw("电话１３８１２３４５６７８", null));
    String plain = "没有个人信息 iPhone 13";
    assertSame(plain, m.maskRaw(plain, null));
    assertEquals(null, m.maskRaw(null, null));
    // NFKC changes the length (㎡ -> m2): the normalised text is masked and returned
    assertEquals("面积100m2,电话 <PHONE>", m.maskRaw("面积100㎡，电话13812345678", null));
  }

  @Test
  public void maskedTextIsStableUnderRemasking() {
    // Ingest masks, segment normalises (placeholders become lower case) and masks again: nothing more to find.
    String once = m.maskRaw("qq 123456 微信 abc_12345 卡 6222021234567894 13812345678 一三八一二三四五六七八", null);
    assertEquals("qq <QQ> 微信 <WECHAT> 卡 <CARD> <PHONE> <PHONE>", once);
    long[] counts = new long[PiiKind.values().length];
    String again = norm.normalize(once);
    assertEquals(again, m.mask(again, counts));
    assertEquals(0, java.util.Arrays.stream(counts).sum());
  }

  @Test
  public void emails() {
    assertMasked("邮箱abc.def@qq.com谢谢", "邮箱 <EMAIL> 谢谢", PiiKind.EMAIL);
    assertMasked("Mail: John_Doe+x@Example.co.uk", "mail: <EMAIL>", PiiKind.EMAIL);
    assertUntouched("@京东客服 太慢了");
    assertUntouched("a@b 不是邮箱");
  }

  @Test
  public void idNumbers() {
    assertMasked("身份证11010519491231002X", "身份证 <ID>", PiiKind.ID);
    assertMasked("证件号 440524188001010014 已登记", "证件号 <ID> 已登记", PiiKind.ID);
    assertMasked("老身份证110105491231002", "老身份证 <ID>", PiiKind.ID);
    assertMasked("编号 110105194913310021", "编号 <NUM>", PiiKind.NUMBER); // month 13: no ID, but 18 digits
    assertMasked("1101051949123100211", "<NUM>", PiiKind.NUMBER); // 19 digits: no ID, no Luhn-valid card
  }

  @Test
  public void urls() {
    assertMasked("看这里http://item.jd.com/123.html很便宜", "看这里 <URL> 很便宜", PiiKind.URL);
    assertMasked("HTTPS://Example.com/a?b=1&c=2，好", "<URL> ,好", PiiKind.URL);
    assertMasked("官网www.dangdang.com", "官网 <URL>", PiiKind.URL);
    assertUntouched("http 协议 www 不是网址");
  }

  @Test
  public void severalKindsInOneText() {
    long[] counts = new long[PiiKind.values().length];
    assertEquals("<PHONE> , <EMAIL> , <URL>", mask("13812345678，a@b.cn，www.x.cn", counts));
    assertEquals(1, counts[PiiKind.PHONE.ordinal()]);
    assertEquals(1, counts[PiiKind.EMAIL.ordinal()]);
    assertEquals(1, counts[PiiKind.URL.ordinal()]);
  }

  @Test
  public void preCheckSkipsTextWithoutTriggers() {
    assertFalse(PiiMasker.mayContainPii("房间很小,早餐应当是九点结束,价格399元"));
    assertFalse(PiiMasker.mayContainPii("加我qq吧")); // a cue without five digits
    assertFalse(PiiMasker.mayContainPii("二〇二六年十二月二日"));
    assertTrue(PiiMasker.mayContainPii("扣扣12345"));
    assertTrue(PiiMasker.mayContainPii("微信 abc_12"));
    assertTrue(PiiMasker.mayContainPii("一三八一二三四五六七八"));
    assertTrue(PiiMasker.mayContainPii("1234567"));
    assertTrue(PiiMasker.mayContainPii("a@b"));
  }

  @Test
  public void plainTextIsReturnedAsIs() {
    String s = "房间很小,早餐应当是九点结束";
    org.junit.Assert.assertSame(s, m.mask(s, null));
  }
}
