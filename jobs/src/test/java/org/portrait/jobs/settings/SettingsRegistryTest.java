package org.portrait.jobs.settings;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.Test;

/**
 * Every key constant in the sources has a spec (so a new key cannot be added unchecked), the keys drivers set
 * internally are accepted, and docs/config-keys.md shows each spec's allowed values.
 */
public class SettingsRegistryTest {
  /** Same discovery as ConfigKeysDocumentedTest. */
  private static final Pattern KEY =
      Pattern.compile("public static final String \\w+ = \"(portrait\\.[a-z0-9.\\-]+)\";");
  /** Package-private constants and interface constants: keys drivers set on their jobs, or documented elsewhere. */
  private static final Pattern OTHER_KEY = Pattern.compile(
      "^\\s+(?:static final )?String \\w+ = \"(portrait\\.[a-z0-9.\\-]+)\";",
      Pattern.MULTILINE);
  private static final File PROJECT = new File(System.getProperty("portrait.project.dir", ".."));

  private static Map<String, String> keys(Pattern p) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    for (String module : List.of("common", "jobs")) {
      try (Stream<Path> files = Files.walk(new File(PROJECT, module + "/src/main/java").toPath())) {
        for (Path f : (Iterable<Path>) files.filter(x -> x.toString().endsWith(".java"))::iterator) {
          Matcher m = p.matcher(Files.readString(f, StandardCharsets.UTF_8));
          while (m.find()) {
            out.put(m.group(1), f.getFileName().toString());
          }
        }
      }
    }
    return out;
  }

  @Test
  public void everyKeyConstantHasASpec() throws IOException {
    Map<String, String> keys = keys(KEY);
    assertTrue("found no keys: wrong project dir?", keys.size() > 20);
    List<String> missing = new ArrayList<>();
    keys.forEach((k, file) -> {
      SettingSpec s = Settings.spec(k);
      // a prefix constant (portrait.ingest.column.) is its own spec's key
      if (s == null && Settings.all().stream().noneMatch(x -> x.prefix && x.key.equals(k))) {
        missing.add(k + " (" + file + ")");
      }
    });
    assertTrue("keys without a spec in org.portrait.jobs.settings (add one to the stage's *Settings): " + missing,
        missing.isEmpty());
  }

  @Test
  public void internalKeysAreAccepted() throws IOException {
    Map<String, String> keys = keys(OTHER_KEY);
    assertTrue("found no internal keys: wrong pattern?", keys.size() >= 10);
    Configuration c = new Configuration(false);
    keys.forEach((k, file) -> {
      assertNotNull(k + " (" + file + ") has no spec", Settings.spec(k));
      c.set(k, "x");
    });
    // every one is free text except the driver-set booleans
    c.setBoolean("portrait.metrics.internal.has-profiles", true);
    Settings.check(c);
  }

  @Test
  public void docsShowWhatEachSettingAllows() throws IOException {
    List<String> lines = Files.readAllLines(new File(PROJECT, "docs/config-keys.md").toPath(), StandardCharsets.UTF_8);
    Map<String, String> keys = keys(KEY);
    List<String> wrong = new ArrayList<>();
    for (String k : keys.keySet()) {
      SettingSpec s = Settings.spec(k) != null ? Settings.spec(k)
          : Settings.all().stream().filter(x -> x.key.equals(k)).findFirst().orElseThrow();
      String row = lines.stream().filter(l -> l.startsWith("| `" + k + "` |")).findFirst().orElse("");
      if (!row.contains(" | " + s.allowed() + " | ")) {
        wrong.add(k + " should show '" + s.allowed() + "'");
      }
    }
    assertEquals("run python3 scripts/list-config-keys.py > docs/config-keys.md", List.of(), wrong);
  }
}
