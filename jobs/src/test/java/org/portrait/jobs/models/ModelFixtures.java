package org.portrait.jobs.models;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.portrait.common.gates.GateCheck;
import org.portrait.common.gates.GateThresholds;

/** Builds small model folders the way the train command would, for registry tests on any file system. */
final class ModelFixtures {
  private ModelFixtures() {}

  /** A manifest with gates that passed (or failed) and a few training figures. */
  static ModelManifest manifest(String id, int day, boolean gatesPass) {
    ModelManifest m = ModelManifest.create(id, Instant.parse("2026-11-01T00:00:00Z").plusSeconds(86400L * day),
        "2026-10-01", String.format("2026-10-%02d", day));
    m.lossPerRound(0.5, 0.3, 0.2);
    m.training().put(ModelManifest.VOCAB_SIZE, 1000 + day);
    m.settings().put("portrait.glove.dim", "50");
    m.inputs().put("staging/dt=2026-10-31/cooccur", "sha256:00ff");
    GateCheck c = new GateCheck();
    c.isTrue(GateThresholds.MODEL_LOSS_FINITE, true, "3 rounds");
    c.atLeast(GateThresholds.MODEL_VOCAB_COVERAGE_MIN, gatesPass ? 0.9 : 0.5);
    return m.gates(c.report());
  }

  /** A built folder under {@code root/staging/} with glove/ and classifiers/ inside. */
  static Path built(Configuration conf, Path root, String name) throws IOException {
    Path dir = new Path(root, "staging/models-build/" + name);
    FileSystem fs = dir.getFileSystem(conf);
    write(fs, new Path(dir, "glove/vectors.tsv"), "好\t0.1\t0.2\n");
    write(fs, new Path(dir, "classifiers/interest.json"), "{}\n");
    return dir;
  }

  /** Builds and registers a model. */
  static Path register(Configuration conf, Path root, String id, int day, boolean gatesPass) throws IOException {
    return ModelRegistry.register(conf, root, built(conf, root, id), manifest(id, day, gatesPass));
  }

  static void write(FileSystem fs, Path p, String text) throws IOException {
    try (OutputStream out = fs.create(p, true)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }
}
