package org.portrait.jobs.models;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;
import java.util.Optional;
import org.junit.Test;
import org.portrait.common.config.UserError;

public class ModelManifestTest {
  @Test
  public void roundTripKeepsFieldOrderAndTypedGetters() {
    ModelManifest m = ModelFixtures.manifest("m1", 3, true);
    ModelManifest back = ModelManifest.parse(m.toJson(), "test");
    assertEquals(m.toJson(), back.toJson());
    assertEquals("m1", back.id());
    assertEquals("2026-10-03", back.windowTo());
    assertEquals(Optional.of(true), back.gatesPassed());
    assertEquals(2, back.gateReport().get().gates().size());
    List<String> fields = new java.util.ArrayList<>();
    back.json().fieldNames().forEachRemaining(fields::add);
    assertEquals(List.of("model_id", "created", "window", "code_version", "inputs", "settings", "training", "gates"),
        fields);
  }

  @Test
  public void badManifestsAreOneLineUserErrors() {
    for (String json : List.of("not json", "[1]", "{\"created\":\"2026-01-01T00:00:00Z\"}",
        "{\"model_id\":\"m1\",\"created\":\"yesterday\"}")) {
      try {
        ModelManifest.parse(json, "models/m1/manifest.json");
        fail(json);
      } catch (UserError e) {
        assertTrue(e.getMessage(), e.getMessage().startsWith("models/m1/manifest.json: "));
        assertTrue(e.getMessage(), !e.getMessage().contains("\n"));
      }
    }
  }
}
