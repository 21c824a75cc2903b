package org.portrait.common.text;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;

import org.junit.Test;

public class TextNormalizerTest {
  private final TextNormalizer n = new TextNormalizer();

  @Test
  public void fullWidthLettersDigitsAndPunctuationBecomeHalfWidth() {
    assertEquals("iphone6 plus,好!", n.normalize("ＩＰＨＯＮＥ６　ｐｌｕｓ，好！"));
    assertEquals("abc123", n.normalize("ａｂｃ１２３"));
    assertEquals("(a)[b]{c}~", n.normalize("（ａ）［ｂ］｛ｃ｝～"));
  }

  @Test
  public void ideographicSpaceBecomesSpace() {
    assertEquals("屏幕 很好", n.normalize("屏幕\u3000很好"));
  }

  @Test
  public void latinIsLowerCased() {
    assertEquals("iphone 手机 wifi", n.normalize("iPhone 手机 WiFi"));
  }

  @Test
  public void chineseAndChinesePunctuationUntouched() {
    String s = "这个酒店我客人说还不错。他是很满意的、《书》";
    assertSame("no copy when nothing changes", s, n.normalize(s));
  }

  @Test
  public void compatibilityCharactersGoThroughNfkc() {
    assertEquals("1号房 10m2", n.normalize("①号房 10m²"));
    assertEquals("5kg", n.normalize("５㎏"));
    assertEquals("fi", n.normalize("\uFB01"));
    assertEquals("tel", n.normalize("℡"));
  }

  @Test
  public void nullBecomesEmpty() {
    assertEquals("", n.normalize(null));
  }
}
