package org.portrait.jobs.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.avro.AvroWriteSupport;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.portrait.common.metrics.Confusion;
import org.portrait.common.metrics.HtmlReport;
import org.portrait.common.metrics.MetricRow;
import org.portrait.common.metrics.MetricsSummary;
import org.portrait.common.metrics.MultiLabelCounts;
import org.portrait.common.metrics.Pca;
import org.portrait.common.metrics.Reconciliation;
import org.portrait.schema.ProfileMetric;

/** Writes the metrics job's results: the profile_metrics Parquet table, metrics.json and report.html. */
public final class MetricsOutputs {
  static final String TABLE_DIR = "profile_metrics";
  static final String JSON_FILE = "metrics.json";
  static final String REPORT_FILE = "report.html";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private MetricsOutputs() {}

  /** Sums the {@code name<TAB>count} lines of every reducer's part file. */
  static Map<String, Long> sumCounts(Configuration conf, Path dir) throws IOException {
    FileSystem fs = dir.getFileSystem(conf);
    Map<String, Long> out = new TreeMap<>();
    for (FileStatus s : fs.listStatus(dir)) {
      if (!s.getPath().getName().startsWith("part-")) {
        continue;
      }
      try (BufferedReader in = new BufferedReader(new InputStreamReader(fs.open(s.getPath()), StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          int tab = line.lastIndexOf('\t');
          out.merge(line.substring(0, tab), Long.parseLong(line.substring(tab + 1)), Long::sum);
        }
      }
    }
    return out;
  }

  /**
   * Embedding-quality figures from an evaluation JSON: {@code {"<set>": {"rho": .., "coverage": ..}, ...}}
   * gives {@code embedding.rho} etc. with the set as slice; a top-level number gives {@code embedding.<key>}.
   */
  static List<MetricRow> embeddingRows(String json) throws IOException {
    List<MetricRow> out = new ArrayList<>();
    JsonNode root = JSON.readTree(json);
    Iterator<Map.Entry<String, JsonNode>> it = root.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().isNumber()) {
        out.add(new MetricRow("embedding." + e.getKey(), MetricRow.ALL, e.getValue().asDouble()));
      } else if (e.getValue().isObject()) {
        Iterator<Map.Entry<String, JsonNode>> f = e.getValue().fields();
        while (f.hasNext()) {
          Map.Entry<String, JsonNode> x = f.next();
          if (x.getValue().isNumber()) {
            out.add(new MetricRow("embedding." + x.getKey(), e.getKey(), x.getValue().asDouble()));
          }
        }
      }
    }
    return out;
  }

  static void write(Configuration conf, Path dir, String runId, MetricsDriver.Result r,
      Map<String, Map<String, Long>> stageCounters, MetricsDriver.Options o) throws IOException {
    writeTable(conf, new Path(new Path(dir, TABLE_DIR), "part-r-00000.parquet"), runId, r.rows());
    writeJson(conf, new Path(dir, JSON_FILE), runId, r, stageCounters);
    HtmlReport.Data data = reportData(conf, runId, r, o);
    FileSystem fs = dir.getFileSystem(conf);
    try (OutputStream out = fs.create(new Path(dir, REPORT_FILE), true)) {
      out.write(HtmlReport.render(data).getBytes(StandardCharsets.UTF_8));
    }
  }

  public static void writeTable(Configuration conf, Path file, String runId, List<MetricRow> rows) throws IOException {
    Configuration c = new Configuration(conf);
    c.setBoolean(AvroWriteSupport.WRITE_OLD_LIST_STRUCTURE, false);
    try (ParquetWriter<ProfileMetric> w = AvroParquetWriter.<ProfileMetric>builder(HadoopOutputFile.fromPath(file, c))
        .withSchema(ProfileMetric.getClassSchema()).withConf(c).withCompressionCodec(CompressionCodecName.SNAPPY)
        .withWriteMode(ParquetFileWriter.Mode.OVERWRITE).build()) {
      for (MetricRow m : rows) {
        w.write(ProfileMetric.newBuilder().setRunId(runId).setMetric(m.metric()).setSlice(m.slice())
            .setValue(m.value()).build());
      }
    }
  }

  static void writeJson(Configuration conf, Path file, String runId, MetricsDriver.Result r,
      Map<String, Map<String, Long>> stageCounters) throws IOException {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("run_id", runId);
    root.put("ok", r.ok());
    Map<String, Double> metrics = new LinkedHashMap<>();
    for (MetricRow m : r.rows()) {
      metrics.put(m.slice().equals(MetricRow.ALL) ? m.metric() : m.metric() + "@" + m.slice(), m.value());
    }
    root.put("metrics", metrics);
    List<Map<String, Object>> checks = new ArrayList<>();
    for (Reconciliation.Check c : r.checks()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("rule", c.rule());
      m.put("ok", c.ok());
      m.put("skipped", c.skipped());
      m.put("detail", c.detail());
      checks.add(m);
    }
    root.put("reconciliation", checks);
    root.put("threshold_failures", r.thresholdFailures());
    root.put("counters", stageCounters);
    root.put("counts", r.counts());
    FileSystem fs = file.getFileSystem(conf);
    try (OutputStream out = fs.create(file, true)) {
      JSON.writeValue(out, root);
    }
  }

  static HtmlReport.Data reportData(Configuration conf, String runId, MetricsDriver.Result r, MetricsDriver.Options o)
      throws IOException {
    Map<String, MultiLabelCounts> systems = new LinkedHashMap<>();
    MetricsSummary.SYSTEMS.forEach((name, prefix) -> {
      MultiLabelCounts m = MultiLabelCounts.readFrom(prefix, r.counts());
      if (m.users() > 0) {
        systems.put(name, m);
      }
    });
    List<double[]> loss = o.loss() != null ? MetricsInputs.loss(conf, o.loss()) : List.of();
    Map<Integer, Long> segments = o.segments() != null ? MetricsInputs.segmentSizes(conf, o.segments()) : Map.of();
    List<String> labels = new ArrayList<>();
    double[][] points = new double[0][2];
    if (o.profiles() != null) {
      List<MetricsInputs.UserPoint> users = MetricsInputs.profileVectors(conf, o.profiles(),
          conf.getInt(MetricsDriver.PCA_MAX_USERS, MetricsDriver.DEFAULT_PCA_MAX_USERS));
      List<float[]> vectors = new ArrayList<>();
      for (MetricsInputs.UserPoint u : users) {
        vectors.add(u.vector());
        labels.add(u.topInterest());
      }
      points = Pca.project2(vectors);
    }
    return new HtmlReport.Data(runId, r.rows(), systems, Confusion.readFrom("confusion.interest", r.counts()),
        loss, labels, points, segments, r.checks(), r.thresholdFailures(), r.counters());
  }
}
