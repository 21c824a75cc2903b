package org.portrait.common.text;

import static org.junit.Assert.assertEquals;

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
    assertUntouched("订单号 123456789012"); // 12 digits, not a mobile (starts 12), no area code
    assertUntouched("12812345678"); // 12x is no mobile prefix
    assertUntouched("型号138123456789"); // 12 digits: not a mobile number
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
    assertUntouched("编号 110105194913310021"); // month 13 is no birth date
    assertUntouched("1101051949123100211"); // 19 digits
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
  public void plainTextIsReturnedAsIs() {
    String s = "房间很小,早餐应当是九点结束";
    org.junit.Assert.assertSame(s, m.mask(s, null));
  }
}
