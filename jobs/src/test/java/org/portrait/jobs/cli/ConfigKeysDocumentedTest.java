package org.portrait.jobs.cli;

import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.Test;

/** Every configuration key constant in the sources is documented in docs/config-keys.md. */
public class ConfigKeysDocumentedTest {
  private static final Pattern KEY = Pattern.compile("public static final String \\w+ = \"(portrait\\.[a-z0-9.\\-]+)\";");

  @Test
  public void everyKeyIsInTheReference() throws IOException {
    File project = new File(System.getProperty("portrait.project.dir", ".."));
    String doc = Files.readString(new File(project, "docs/config-keys.md").toPath(), StandardCharsets.UTF_8);
    List<String> missing = new ArrayList<>();
    int keys = 0;
    for (String module : List.of("common", "jobs")) {
      try (Stream<Path> files = Files.walk(new File(project, module + "/src/main/java").toPath())) {
        for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
          Matcher m = KEY.matcher(Files.readString(f, StandardCharsets.UTF_8));
          while (m.find()) {
            keys++;
            if (!doc.contains("`" + m.group(1) + "`")) {
              missing.add(m.group(1) + " (" + f.getFileName() + ")");
            }
          }
        }
      }
    }
    assertTrue("found no keys: wrong project dir?", keys > 20);
    assertTrue("undocumented keys (run scripts/list-config-keys.py > docs/config-keys.md): " + missing,
        missing.isEmpty());
  }
}
