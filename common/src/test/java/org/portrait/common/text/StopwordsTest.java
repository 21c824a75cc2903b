package org.portrait.common.text;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.Set;
import org.junit.Test;

public class StopwordsTest {

  @Test
  public void bundledListIsTheUnionOfTheFourSharedLists() throws Exception {
    File dir = new File(System.getProperty("portrait.shared.dir", "../shared"), "data/stopwords");
    assertTrue("shared stopword lists missing at " + dir.getAbsolutePath(), dir.isDirectory());
    Set<String> union = new HashSet<>();
    for (String name : new String[] {"baidu_stopwords.txt", "cn_stopwords.txt", "hit_stopwords.txt", "scu_stopwords.txt"}) {
      union.addAll(Stopwords.read(new StringReader(
          new String(Files.readAllBytes(new File(dir, name).toPath()), StandardCharsets.UTF_8))));
    }
    assertEquals(union, Stopwords.bundled());
    // The raw union has 2,312 entries; a few differ only by case/width and merge once normalised.
    assertTrue(Stopwords.bundled().size() > 2250 && Stopwords.bundled().size() <= 2312);
  }

  @Test
  public void readTrimsAndDropsBlanksAndComments() throws Exception {
    Set<String> s = Stopwords.read(new StringReader("\uFEFF的\n  了 \n\n\u3000\n# comment\nＡＢＣ\r\n"));
    assertEquals(Set.of("的", "了", "abc"), s);
  }

  @Test
  public void negationsAreKeptByDefaultSettingAndRemovableOnRequest() {
    Set<String> bundled = Stopwords.bundled();
    assertTrue("the bundled list does contain 不", bundled.contains("不"));
    Set<String> keep = Stopwords.effective(true, null, true);
    for (String neg : new String[] {"不", "没有", "无", "不是", "不要", "不会", "不能", "别"}) {
      assertFalse(neg + " must survive", keep.contains(neg));
    }
    assertTrue(keep.contains("的"));
    assertTrue(Stopwords.effective(true, null, false).contains("不"));
  }

  @Test
  public void userListsAddToTheBundledOne() {
    Set<String> s = Stopwords.effective(true, Set.of("京东"), true);
    assertTrue(s.contains("京东"));
    assertTrue(s.contains("的"));
    assertEquals(Set.of("京东"), Stopwords.effective(false, Set.of("京东"), true));
  }
}
