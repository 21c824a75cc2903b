package org.portrait.jobs.settings;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.portrait.common.config.UserError;

/**
 * The registry of every {@code portrait.*} setting and the check run before any work: a bad value or a
 * mistyped key fails at once, as one line naming the key, instead of a default silently taken (Hadoop's
 * getBoolean) or a NumberFormatException in a task. The specs are split by stage ({@link CorpusSettings},
 * {@link GloveSettings}, {@link ProfileSettings}) and reference the drivers' key constants, whose javadoc
 * stays the one place for meaning and default.
 */
public final class Settings {
  /** Namespace every checked key lives in; other keys (Hadoop's, Oozie's) are not ours to judge. */
  public static final String NAMESPACE = "portrait.";
  /** Suggest a known key for an unknown one at most this many edits away. */
  private static final int MAX_SUGGESTION_EDITS = 3;
  private static final Map<String, SettingSpec> EXACT = new LinkedHashMap<>();
  private static final List<SettingSpec> PREFIXES = new ArrayList<>();

  static {
    List<SettingSpec> all = new ArrayList<>();
    all.addAll(CorpusSettings.specs());
    all.addAll(GloveSettings.specs());
    all.addAll(ProfileSettings.specs());
    all.addAll(LifecycleSettings.specs());
    all.addAll(AppsSettings.specs());
    all.addAll(GloveSettings.internal());
    all.addAll(ProfileSettings.internal());
    all.addAll(LifecycleSettings.internal());
    all.addAll(AppsSettings.internal());
    for (SettingSpec s : all) {
      if (s.prefix) {
        PREFIXES.add(s);
      } else if (EXACT.put(s.key, s) != null) {
        throw new IllegalStateException("two specs for " + s.key);
      }
    }
  }

  private Settings() {}

  /** Every spec: exact keys in registry order, then the prefixes. */
  public static List<SettingSpec> all() {
    List<SettingSpec> out = new ArrayList<>(EXACT.values());
    out.addAll(PREFIXES);
    return Collections.unmodifiableList(out);
  }

  /** The spec {@code key} falls under (exact key, else a prefix), or null when it is unknown. */
  public static SettingSpec spec(String key) {
    SettingSpec s = EXACT.get(key);
    if (s != null) {
      return s;
    }
    for (SettingSpec p : PREFIXES) {
      if (p.matches(key)) {
        return p;
      }
    }
    return null;
  }

  /**
   * Checks every {@code portrait.*} key present in {@code conf} (values as {@code conf.get} returns them,
   * variables expanded). Throws a {@link UserError} whose one-line message lists each problem, in key order,
   * separated by "; ": {@code portrait.glove.dim=abc: not an integer}, {@code portrait.glove.dim=0: must be
   * between 1 and 1000}, {@code portrait.glove.dimm: unknown setting; did you mean portrait.glove.dim?}. The
   * value of an unknown key is not repeated (it may be a secret under a mistyped name), nor that of a text
   * setting (none is refused). Keys outside {@value #NAMESPACE} are ignored. Returns normally when all is well.
   */
  public static void check(Configuration conf) {
    TreeSet<String> keys = new TreeSet<>();
    for (Map.Entry<String, String> e : conf) {
      if (e.getKey().startsWith(NAMESPACE)) {
        keys.add(e.getKey());
      }
    }
    List<String> problems = new ArrayList<>();
    for (String key : keys) {
      SettingSpec spec = spec(key);
      if (spec == null) {
        String near = suggestion(key);
        problems.add(key + ": unknown setting" + (near == null ? " (see docs/config-keys.md)"
            : "; did you mean " + near + "?"));
        continue;
      }
      String value = conf.get(key);
      String problem = value == null ? null : spec.problem(value);
      if (problem != null) {
        problems.add(key + "=" + oneLine(value) + ": " + problem);
      }
    }
    if (!problems.isEmpty()) {
      throw new UserError(String.join("; ", problems));
    }
  }

  /** The known key closest to {@code key}, when it is a few edits away; null otherwise. */
  static String suggestion(String key) {
    String best = null;
    int bestDistance = MAX_SUGGESTION_EDITS + 1;
    List<String> candidates = new ArrayList<>(EXACT.keySet());
    for (SettingSpec p : PREFIXES) {
      candidates.add(p.key + "<name>");
    }
    for (String k : candidates) {
      int d = editDistance(key, k);
      if (d < bestDistance) {
        bestDistance = d;
        best = k;
      }
    }
    return best;
  }

  /** Levenshtein distance. */
  static int editDistance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  private static String oneLine(String value) {
    String v = value.replaceAll("\\R", "\\\\n");
    return v.length() > 80 ? v.substring(0, 77) + "..." : v;
  }

  /**
   * Specs (free text, set by a driver) for package-private key constants of {@code owner}, read by reflection
   * so the registry repeats no key literal and a renamed constant fails loudly here.
   */
  static List<SettingSpec> internal(Class<?> owner, String... fields) {
    List<SettingSpec> out = new ArrayList<>();
    for (String f : fields) {
      try {
        Field field = owner.getDeclaredField(f);
        field.setAccessible(true);
        out.add(SettingSpec.text((String) field.get(null)).setByDriver());
      } catch (ReflectiveOperationException | ClassCastException e) {
        throw new IllegalStateException("no key constant " + owner.getName() + "." + f, e);
      }
    }
    return out;
  }

  /** As {@link #internal(Class, String...)} for a package-private class, by name. */
  static List<SettingSpec> internal(String ownerClass, String... fields) {
    try {
      return internal(Class.forName(ownerClass), fields);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("no class " + ownerClass, e);
    }
  }
}
