package dev.zpaaudit.oracle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An iptables-save (or ip6tables-save) text as {@code iptables-restore-translate -f} (or {@code
 * ip6tables-restore-translate -f}) turns it into an nft script, made loadable by nft where the
 * translator writes what nft refuses, and the rules the translator could not translate.
 *
 * <p>The translator writes one line per rule of the save text, in order: an {@code add rule} line,
 * or a comment {@code # -t TABLE -A CHAIN ...} for a rule it cannot translate. So the k-th rule of
 * a chain in the script is the k-th {@code -A} line of that chain in the save text, which is how an
 * untranslated rule is matched to its line (the counts per chain are checked).
 *
 * <p>Repairs, each counted in {@link #repairs()}:
 *
 * <ul>
 *   <li>{@value #KEYWORD_CHAIN}: a chain whose name nft reads as a keyword ({@code dynamic}, {@code
 *       reject}) is refused, quoted or not; it is renamed with a trailing {@code _} wherever the
 *       script names it as a chain.
 *   <li>{@value #SHARED_METER}: iptables rules may share a hashlimit table by name with different
 *       rates; nft refuses a second meter of that name with another definition, so each other
 *       definition gets a meter of its own ({@code NAME_2}, ...).
 * </ul>
 */
record NftTranslation(
    String script, List<Untranslated> untranslated, Map<String, Integer> repairs) {
  static final String KEYWORD_CHAIN = "chain named like an nft keyword, renamed";
  static final String SHARED_METER = "hashlimit name shared by different meters, split";

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final Pattern RULE = Pattern.compile("^add rule \\S+ (\\S+) (\\S+) ");
  private static final Pattern CHAIN = Pattern.compile("^add chain \\S+ \\S+ (\\S+)");
  private static final Pattern NOT_TRANSLATED = Pattern.compile("^# -t (\\S+) -A (\\S+) ");
  private static final Pattern HEADER = Pattern.compile("^# (Translated by|Completed on) ");
  private static final Pattern METER = Pattern.compile(" meter (\\S+) (\\{[^}]*\\})");

  /** A rule of the save text that the translator left as a comment: its line and text there. */
  record Untranslated(int line, String text) {
    Untranslated {
      if (line < 1) {
        throw new IllegalArgumentException("line must be >= 1: " + line);
      }
    }

    @Override
    public String toString() {
      return line + ": " + text;
    }
  }

  NftTranslation {
    untranslated = List.copyOf(untranslated);
    repairs = Map.copyOf(repairs);
  }

  /** The translator for a family. */
  static String tool(int family) {
    return family == 6 ? "ip6tables-restore-translate" : "iptables-restore-translate";
  }

  /** Null when the translator is installed, else a sentence saying it is not. */
  static String missing(int family) {
    return Shell.which(tool(family)) == null
        ? tool(family) + " is not installed (not on PATH, /usr/sbin or /sbin)"
        : null;
  }

  /** Translates the save text; the script's keyword check runs in a scratch namespace. */
  static NftTranslation of(String saveText, int family) {
    String raw = translate(saveText, family);
    List<Untranslated> untranslated = untranslated(saveText, raw);
    Map<String, Integer> repairs = new LinkedHashMap<>();
    String script = renameChains(raw, keywordChains(raw), repairs);
    script = splitMeters(script, repairs);
    return new NftTranslation(script, untranslated, repairs);
  }

  /** The save-text lines of the untranslated rules. */
  Set<Integer> untranslatedLines() {
    Set<Integer> out = new LinkedHashSet<>();
    untranslated.forEach(u -> out.add(u.line()));
    return out;
  }

  private static String translate(String saveText, int family) {
    Path file = null;
    try {
      file = Files.createTempFile("zpa-oracle-save", ".rules");
      Files.writeString(file, saveText);
      Shell.Result r = Shell.run(TIMEOUT, null, Shell.which(tool(family)), "-f", file.toString());
      if (!r.ok()) {
        throw new IllegalStateException(tool(family) + " failed: " + r.stderr().strip());
      }
      return r.stdout();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      Shell.deleteQuietly(file);
    }
  }

  /** Matches the translator's comments to the save text's rules, chain by chain, in order. */
  static List<Untranslated> untranslated(String saveText, String script) {
    Map<String, List<Integer>> saveRules = new LinkedHashMap<>();
    Map<Integer, String> lines = new HashMap<>();
    String table = null;
    int n = 0;
    for (String line : saveText.split("\n", -1)) {
      n++;
      if (line.startsWith("*")) {
        table = line.substring(1).strip();
      } else if (line.startsWith("-A ")) {
        String chain = line.split("\\s+")[1];
        saveRules.computeIfAbsent(table + " " + chain, k -> new ArrayList<>()).add(n);
        lines.put(n, line.strip());
      }
    }
    Map<String, Integer> seen = new LinkedHashMap<>();
    List<Untranslated> out = new ArrayList<>();
    for (String line : script.split("\n")) {
      Matcher rule = RULE.matcher(line);
      Matcher comment = NOT_TRANSLATED.matcher(line);
      if (rule.find()) {
        seen.merge(rule.group(1) + " " + rule.group(2), 1, Integer::sum);
      } else if (comment.find()) {
        String key = comment.group(1) + " " + comment.group(2);
        int k = seen.merge(key, 1, Integer::sum);
        List<Integer> of = saveRules.getOrDefault(key, List.of());
        if (k > of.size()) {
          throw new IllegalStateException("untranslated rule of no rule in the save text: " + line);
        }
        out.add(new Untranslated(of.get(k - 1), lines.get(of.get(k - 1))));
      } else if (line.startsWith("#") && !HEADER.matcher(line).find()) {
        throw new IllegalStateException("unexpected comment in the translation: " + line);
      }
    }
    for (String key : saveRules.keySet()) {
      int want = saveRules.get(key).size();
      if (seen.getOrDefault(key, 0) != want) {
        throw new IllegalStateException(
            "the translation has "
                + seen.getOrDefault(key, 0)
                + " rules for "
                + key
                + ", the save text "
                + want
                + ": its comments cannot be matched to lines");
      }
    }
    return out;
  }

  /** The chains of the script whose names nft refuses (it reads them as keywords). */
  private static Set<String> keywordChains(String script) {
    List<String> names = new ArrayList<>(chainNames(script));
    StringBuilder probe = new StringBuilder("add table ip t\n");
    names.forEach(name -> probe.append("add chain ip t ").append(name).append('\n'));
    Set<String> out = new LinkedHashSet<>();
    for (int line : NftJsonExport.syntaxErrorLines(probe.toString())) {
      if (line >= 2 && line - 2 < names.size()) {
        out.add(names.get(line - 2));
      }
    }
    return out;
  }

  static Set<String> chainNames(String script) {
    Set<String> out = new LinkedHashSet<>();
    for (String line : script.split("\n")) {
      Matcher m = CHAIN.matcher(line);
      if (m.find()) {
        out.add(m.group(1));
      }
    }
    return out;
  }

  /** Renames these chains wherever the script names them as chains. */
  static String renameChains(String script, Set<String> names, Map<String, Integer> repairs) {
    String out = script;
    Set<String> taken = chainNames(script);
    for (String name : names) {
      String to = name + "_";
      while (taken.contains(to)) {
        to += "_";
      }
      taken.add(to);
      String q = Pattern.quote(name);
      String r = Matcher.quoteReplacement(to);
      out =
          Pattern.compile("(?m)^(add (?:chain|rule) \\S+ \\S+ )" + q + "(?= |$)")
              .matcher(out)
              .replaceAll("$1" + r);
      out =
          Pattern.compile("(?m) (jump|goto) " + q + "(?=[ ,}]|$)")
              .matcher(out)
              .replaceAll(" $1 " + r);
      repairs.merge(KEYWORD_CHAIN, 1, Integer::sum);
    }
    return out;
  }

  /** Gives each other definition of a meter name (in a table) a meter of its own. */
  static String splitMeters(String script, Map<String, Integer> repairs) {
    Map<String, String> definitions = new HashMap<>();
    StringBuilder out = new StringBuilder();
    for (String line : script.split("(?<=\n)")) {
      Matcher rule = RULE.matcher(line);
      Matcher m = METER.matcher(line);
      if (!rule.find() || !m.find()) {
        out.append(line);
        continue;
      }
      String table = rule.group(1) + " ";
      String name = m.group(1);
      String body = m.group(2);
      int k = 1;
      String chosen = name;
      while (definitions.containsKey(table + chosen)
          && !definitions.get(table + chosen).equals(body)) {
        chosen = name + "_" + ++k;
      }
      if (definitions.putIfAbsent(table + chosen, body) == null && k > 1) {
        repairs.merge(SHARED_METER, 1, Integer::sum);
      }
      out.append(line, 0, m.start(1)).append(chosen).append(line.substring(m.end(1)));
    }
    return out.toString();
  }
}
