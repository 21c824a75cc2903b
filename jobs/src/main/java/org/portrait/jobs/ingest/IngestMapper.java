package org.portrait.jobs.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.portrait.common.UserSplit;
import org.portrait.common.csv.Csv;
import org.portrait.common.ingest.RejectReason;
import org.portrait.common.privacy.PseudonymKey;
import org.portrait.common.text.PiiKind;

/**
 * Decodes, parses and validates one raw record ({@link ReviewParser}, which also masks PII). Accepted reviews are
 * keyed {@code A<review id>} so the reducer sees every copy of an id together; rejects are keyed
 * {@code X<source>@<pos>} (unique) and pass the reducer unchanged. The first record at position 0 of a CSV/TSV
 * file is its header. The raw record is passed on only when the run keeps a quarantine.
 */
public class IngestMapper extends Mapper<LongWritable, Text, Text, IngestValue> {
  private ReviewParser parser;
  private IngestFormat format;
  private String source;
  private int maxRawChars;
  private boolean keepRaw;
  private CharsetDecoder strict;
  private CharsetDecoder lenient;
  private final Text outKey = new Text();

  @Override
  protected void setup(Context context) throws IOException {
    Configuration conf = context.getConfiguration();
    Path path = inputPath(context);
    if (path == null) {
      // Not a file split (only in odd test harnesses): the format must then be set explicitly.
      source = "unknown";
      format = IngestFormat.of(new Path("unknown." + conf.get(IngestDriver.FORMAT, "csv")), conf);
    } else {
      source = path.toString();
      format = IngestFormat.of(path, conf);
    }
    PseudonymKey key = PseudonymKey.resolve(conf);
    parser = new ReviewParser(IngestDriver.columns(conf), key.pseudonymizer(),
        conf.getDouble(IngestDriver.TEST_SHARE, UserSplit.DEFAULT_TEST_SHARE),
        conf.getInt(IngestDriver.MAX_TEXT_CHARS, IngestDriver.DEFAULT_MAX_TEXT_CHARS),
        new TimestampParser(ZoneId.of(conf.get(IngestDriver.TIMEZONE, IngestDriver.DEFAULT_TIMEZONE))));
    maxRawChars = conf.getInt(IngestDriver.MAX_RAW_CHARS, IngestDriver.DEFAULT_MAX_RAW_CHARS);
    keepRaw = conf.get(IngestDriver.QUARANTINE) != null;
    strict = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    lenient = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
  }

  private static Path inputPath(Context context) {
    InputSplit split = context.getInputSplit();
    return split instanceof FileSplit ? ((FileSplit) split).getPath() : null;
  }

  @Override
  protected void map(LongWritable key, Text value, Context context) throws IOException, InterruptedException {
    long pos = key.get();
    String record;
    try {
      record = strict.decode(ByteBuffer.wrap(value.getBytes(), 0, value.getLength())).toString();
    } catch (CharacterCodingException e) {
      if (format.delimited() && !parser.hasHeader()) {
        throw new IOException(source + ": header row is not valid UTF-8");
      }
      CharBuffer cb = lenient.decode(ByteBuffer.wrap(value.getBytes(), 0, value.getLength()));
      context.getCounter(IngestCounters.RECORDS_READ).increment(1);
      // Parse what could be decoded, so that the reject row has the user key and masked text where readable.
      String decoded = cb.toString();
      ReviewParser.Outcome o = parse(decoded);
      emit(context, IngestValue.rejected(source, pos, raw(decoded), RejectReason.UNDECODABLE,
          "invalid UTF-8 in the record's bytes", o.userKey, truncate(o.text)));
      return;
    }
    if (pos == 0 && !record.isEmpty() && record.charAt(0) == Csv.BOM) {
      record = record.substring(1);
    }
    if (format.delimited() && !parser.hasHeader()) {
      // The reader hands a file to one task from its start, so the first record is the header.
      try {
        parser.setHeader(Csv.parse(record, format.delimiter()));
      } catch (Csv.MalformedRecordException | IllegalArgumentException e) {
        throw new IOException(source + ": bad header: " + e.getMessage(), e);
      }
      context.getCounter(IngestCounters.HEADER_ROWS).increment(1);
      return;
    }
    if (!format.delimited() && record.trim().isEmpty()) {
      return; // a blank JSON Lines line is not a record
    }
    context.getCounter(IngestCounters.RECORDS_READ).increment(1);
    ReviewParser.Outcome o = parse(record);
    String raw = raw(record);
    emit(context, o.accepted() ? IngestValue.accepted(source, pos, raw, o.review)
        : IngestValue.rejected(source, pos, raw, o.reason, o.detail, o.userKey, truncate(o.text)));
  }

  private ReviewParser.Outcome parse(String record) {
    return format.delimited() ? parser.parseDelimited(record, format.delimiter()) : parser.parseJson(record);
  }

  /** The raw record for the quarantine, or empty when the run keeps none (it then never leaves the mapper). */
  private String raw(String record) {
    return keepRaw ? truncate(record) : "";
  }

  private void emit(Context context, IngestValue v) throws IOException, InterruptedException {
    outKey.set(v.isAccepted() ? "A" + v.review().getReviewId() : "X" + source + "@" + v.position());
    context.write(outKey, v);
  }

  private String truncate(String s) {
    return IngestValue.truncate(s, maxRawChars);
  }

  @Override
  protected void cleanup(Context context) {
    long[] pii = parser.piiCounts();
    for (PiiKind k : PiiKind.values()) {
      context.getCounter(IngestCounters.of(k)).increment(pii[k.ordinal()]);
    }
  }
}
