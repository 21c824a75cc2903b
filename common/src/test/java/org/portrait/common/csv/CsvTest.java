package org.portrait.common.csv;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.fail;

import java.io.StringReader;
import java.util.Arrays;
import java.util.List;
import org.junit.Test;

public class CsvTest {

  private static List<String> p(String s) throws Exception {
    return Csv.parse(s, ',');
  }

  @Test
  public void plainAndEmptyFields() throws Exception {
    assertEquals(Arrays.asList("a", "b", "c"), p("a,b,c"));
    assertEquals(Arrays.asList("", "", ""), p(",,"));
    assertEquals(Arrays.asList(""), p(""));
    assertEquals(Arrays.asList("a", "b"), p("a,b\r"));
  }

  @Test
  public void quotedFieldsHoldCommasQuotesAndNewlines() throws Exception {
    assertEquals(Arrays.asList("x", "a, b", "say \"hi\"", "line1\nline2"),
        p("x,\"a, b\",\"say \"\"hi\"\"\",\"line1\nline2\""));
    assertEquals(Arrays.asList("", "z"), p("\"\",z"));
  }

  @Test
  public void quoteInsideUnquotedFieldIsLiteral() throws Exception {
    assertEquals(Arrays.asList("5\" screen", "ok"), p("5\" screen,ok"));
  }

  @Test
  public void brokenQuotingIsMalformed() throws Exception {
    for (String bad : new String[] {"a,\"open", "a,\"closed\"junk,b"}) {
      try {
        Csv.parse(bad, ',');
        fail("expected malformed: " + bad);
      } catch (Csv.MalformedRecordException expected) {
        // ok
      }
    }
  }

  @Test
  public void tabDelimited() throws Exception {
    assertEquals(Arrays.asList("a,b", "c"), Csv.parse("a,b\tc", '\t'));
    assertEquals(Arrays.asList("a\tb", "c"), Csv.parse("\"a\tb\"\tc", '\t'));
  }

  @Test
  public void quoteRoundTrips() throws Exception {
    List<String> fields = Arrays.asList("plain", "a,b", "q\"q", "n\nl", " lead", "", "中文");
    assertEquals(fields, p(Csv.join(fields, ',')));
    assertEquals("plain", Csv.quote("plain", ','));
  }

  @Test
  public void readerSkipsBomAndBlankLinesAndFollowsQuotedNewlines() throws Exception {
    String data = "\uFEFFh1,h2\r\n\"a\nb\",c\r\n\r\n\nd,\"e\"\"\"\nlast,row";
    try (CsvReader r = new CsvReader(new StringReader(data), ',')) {
      assertEquals(Arrays.asList("h1", "h2"), r.next());
      assertEquals(Arrays.asList("a\nb", "c"), r.next());
      assertEquals(Arrays.asList("d", "e\""), r.next());
      assertEquals(Arrays.asList("last", "row"), r.next());
      assertNull(r.next());
      assertEquals(4, r.recordNumber());
    }
  }

  @Test
  public void emptyInput() throws Exception {
    try (CsvReader r = new CsvReader(new StringReader(""), ',')) {
      assertNull(r.nextRaw());
    }
  }
}
