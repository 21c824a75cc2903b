package org.portrait.common.hive;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.Schema;
import org.junit.Test;
import org.portrait.schema.Lookalike;
import org.portrait.schema.ProfileMetric;
import org.portrait.schema.ReviewReject;
import org.portrait.schema.UserProfile;
import org.portrait.schema.UserSegment;
import org.portrait.schema.WordVector;

/**
 * Parses each Hive DDL file in hdfs-layout/hive/ and checks it against the Avro schema the Parquet files are
 * written from: same column names, same order, matching types; EXTERNAL, Parquet, partitioned by dt, located
 * under the warehouse folder.
 */
public class DdlSchemaAgreementTest {
  static final Map<String, Schema> TABLES = Map.of(
      "user_profile", UserProfile.getClassSchema(),
      "user_segment", UserSegment.getClassSchema(),
      "word_vector", WordVector.getClassSchema(),
      "review_reject", ReviewReject.getClassSchema(),
      "profile_metrics", ProfileMetric.getClassSchema(),
      "lookalike", Lookalike.getClassSchema());

  static File hiveDir() {
    String root = System.getProperty("portrait.project.dir");
    File dir = new File(root == null ? ".." : root, "hdfs-layout/hive");
    if (!dir.isDirectory()) {
      dir = new File("../hdfs-layout/hive");
    }
    assertTrue("missing " + dir.getAbsolutePath(), dir.isDirectory());
    return dir;
  }

  /** Hive type of an Avro schema, as parquet-avro writes it and Hive reads it. */
  static String hiveType(Schema s) {
    switch (s.getType()) {
      case UNION:
        List<Schema> nonNull = new ArrayList<>();
        s.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).forEach(nonNull::add);
        assertEquals("only [null, T] unions map to Hive", 1, nonNull.size());
        return hiveType(nonNull.get(0));
      case STRING: return "STRING";
      case INT: return "INT";
      case LONG: return "BIGINT";
      case FLOAT: return "FLOAT";
      case DOUBLE: return "DOUBLE";
      case BOOLEAN: return "BOOLEAN";
      case ARRAY: return "ARRAY<" + hiveType(s.getElementType()) + ">";
      case MAP: return "MAP<STRING," + hiveType(s.getValueType()) + ">";
      case RECORD:
        StringBuilder b = new StringBuilder("STRUCT<");
        for (Schema.Field f : s.getFields()) {
          b.append(b.length() > 7 ? "," : "").append(f.name()).append(':').append(hiveType(f.schema()));
        }
        return b.append('>').toString();
      default:
        throw new AssertionError("no Hive mapping for " + s);
    }
  }

  /** Splits the column list at top-level commas (not inside <> or quotes). */
  static List<String> columns(String body) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    boolean quoted = false;
    StringBuilder cur = new StringBuilder();
    for (char c : body.toCharArray()) {
      if (c == '\'') {
        quoted = !quoted;
      } else if (!quoted && c == '<') {
        depth++;
      } else if (!quoted && c == '>') {
        depth--;
      } else if (!quoted && depth == 0 && c == ',') {
        out.add(cur.toString().trim());
        cur.setLength(0);
        continue;
      }
      cur.append(c);
    }
    if (!cur.toString().isBlank()) {
      out.add(cur.toString().trim());
    }
    return out;
  }

  @Test
  public void everyTableHasADdlFileMatchingItsAvroSchema() throws Exception {
    File dir = hiveDir();
    for (Map.Entry<String, Schema> e : TABLES.entrySet()) {
      String table = e.getKey();
      File f = new File(dir, table + ".sql");
      assertTrue("missing DDL " + f, f.isFile());
      String sql = Files.readString(f.toPath(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
      Matcher m = Pattern.compile("CREATE EXTERNAL TABLE IF NOT EXISTS\\s+" + table + "\\s*\\((.*?)\\)\\s*\\n\\s*COMMENT",
          Pattern.DOTALL).matcher(sql);
      if (!m.find()) {
        fail(table + ": no CREATE EXTERNAL TABLE " + table + " (...) COMMENT found");
      }
      List<String> cols = columns(m.group(1));
      List<Schema.Field> fields = e.getValue().getFields();
      assertEquals(table + " column count", fields.size(), cols.size());
      Pattern col = Pattern.compile("`?(\\w+)`?\\s+(\\S+)(\\s+COMMENT\\s+'[^']*')?");
      for (int i = 0; i < fields.size(); i++) {
        Matcher c = col.matcher(cols.get(i));
        assertTrue(table + ": cannot parse column " + cols.get(i), c.matches());
        assertEquals(table + " column " + i, fields.get(i).name(), c.group(1));
        assertEquals(table + "." + c.group(1), hiveType(fields.get(i).schema()).toUpperCase(), c.group(2).toUpperCase());
      }
      String tail = sql.substring(m.end());
      assertTrue(table, tail.contains("PARTITIONED BY (`dt` STRING"));
      assertTrue(table, tail.contains("STORED AS PARQUET"));
      assertTrue(table, tail.contains("LOCATION '/data/portrait/warehouse/" + table + "'"));
    }
  }
}
