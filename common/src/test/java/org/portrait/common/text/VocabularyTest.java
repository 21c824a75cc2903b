package org.portrait.common.text;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.Test;

public class VocabularyTest {

  @Test
  public void readsWordsCountsAndDfInIdOrder() throws IOException {
    Vocabulary v = Vocabulary.read(new StringReader("不错\t10\t8\n手机\t7\t5\n<PHONE>\t5\t5\n"));
    assertEquals(3, v.size());
    assertEquals(0, v.id("不错"));
    assertEquals(2, v.id("<PHONE>"));
    assertEquals(-1, v.id("没有"));
    assertEquals("手机", v.word(1));
    assertEquals(7, v.count(1));
    assertEquals(5, v.df(1));
    assertEquals(List.of("不错", "手机", "<PHONE>"), v.words());
  }

  @Test
  public void emptyFileIsAnEmptyVocabulary() throws IOException {
    assertEquals(0, Vocabulary.read(new StringReader("")).size());
  }

  @Test
  public void malformedLinesNameTheLine() {
    for (String bad : new String[] {"a\t1\n b\n", "a\t1\t1\nb\tx\t1\n", "a\t1\t1\na\t1\t1\n"}) {
      try {
        Vocabulary.read(new StringReader(bad));
        throw new AssertionError("accepted: " + bad);
      } catch (IOException | IllegalArgumentException e) {
        assertTrue(e.getMessage(), e.getMessage().contains("line") || e.getMessage().contains("duplicate"));
      }
    }
  }
}
