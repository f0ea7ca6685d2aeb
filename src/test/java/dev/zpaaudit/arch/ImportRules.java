package dev.zpaaudit.arch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The package arrows of the architecture (docs: the layout table), checked over a source tree by
 * reading each file's imports and fully qualified names. Violations are sentences naming the file,
 * relative to the tree's {@code dev/zpaaudit} directory.
 */
final class ImportRules {
  private static final Pattern WILDCARD =
      Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)\\.\\*\\s*;", Pattern.MULTILINE);
  private static final Pattern IMPORT =
      Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)\\s*;", Pattern.MULTILINE);
  private static final Pattern PROJECT_PACKAGE =
      Pattern.compile("\\bdev\\.zpaaudit\\.([a-z]+(?:\\.[a-z]+)*)(?:\\.[A-Z]|\\.\\*)");

  /** What each top-level package may use besides itself; nothing may use cli. */
  static final Map<String, Set<String>> ALLOWED =
      Map.of(
          "model", Set.of(),
          "diag", Set.of("model"),
          "io", Set.of("model", "diag"),
          "ingest", Set.of("model", "diag", "io"),
          "eval", Set.of("model"),
          "probe", Set.of("model", "diag", "io"),
          "checks", Set.of("model", "diag", "io", "eval", "probe"),
          "report", Set.of("model", "diag", "checks"),
          "cli", Set.of("model", "diag", "io", "ingest", "eval", "probe", "checks", "report"));

  /** Packages that use nothing but the JDK besides the project. */
  static final Set<String> JDK_ONLY = Set.of("model", "diag", "eval");

  /** Arrows the code still has against the table, as "file -> package"; no others are allowed. */
  private final Set<String> exceptions;

  ImportRules(Set<String> exceptions) {
    this.exceptions = Set.copyOf(exceptions);
  }

  /** Every violation under {@code root} (a {@code dev/zpaaudit} directory), sorted. */
  List<String> violations(Path root) throws IOException {
    Set<String> out = new TreeSet<>();
    Set<String> excepted = new HashSet<>();
    List<Path> files;
    try (Stream<Path> s = Files.walk(root)) {
      files = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    for (Path f : files) {
      String rel = root.relativize(f).toString().replace('\\', '/');
      String pkg = root.relativize(f.getParent()).toString().replace('/', '.').replace('\\', '.');
      String text = Files.readString(f);
      Matcher w = WILDCARD.matcher(text);
      while (w.find()) {
        out.add(rel + ": wildcard import " + w.group(1) + ".*");
      }
      for (String used : projectPackages(text)) {
        String why = arrow(pkg, used);
        if (why == null) {
          continue;
        }
        if (exceptions.contains(rel + " -> " + used)) {
          excepted.add(rel + " -> " + used);
        } else {
          out.add(rel + ": " + pkg + " uses " + used + " (" + why + ")");
        }
      }
      if (JDK_ONLY.contains(top(pkg))) {
        Matcher m = IMPORT.matcher(text);
        while (m.find()) {
          String name = m.group(1);
          if (!name.startsWith("java.") && !name.startsWith("dev.zpaaudit.")) {
            out.add(
                rel + ": " + pkg + " imports " + name + " (" + top(pkg) + " uses the JDK only)");
          }
        }
      }
    }
    for (String e : exceptions) {
      if (!excepted.contains(e)) {
        out.add("exception no longer needed: " + e);
      }
    }
    return List.copyOf(out);
  }

  private static Set<String> projectPackages(String text) {
    Set<String> used = new TreeSet<>();
    Matcher m = PROJECT_PACKAGE.matcher(text);
    while (m.find()) {
      used.add(m.group(1));
    }
    return used;
  }

  /** Why {@code pkg} may not use {@code used}, or null if it may. */
  private static String arrow(String pkg, String used) {
    String top = top(pkg);
    String usedTop = top(used);
    if (usedTop.equals("cli") && !top.equals("cli")) {
      return "nothing uses cli";
    }
    if (top.equals("ingest") && usedTop.equals("ingest")) {
      boolean format = pkg.contains(".");
      boolean usedFormat = used.contains(".");
      // ingest.netfilter is the lowering iptables and nftables share, not a format of its own.
      boolean shared = usedFormat && format(used).equals("ingest.netfilter");
      return format && usedFormat && !shared && !format(pkg).equals(format(used))
          ? "one format never uses another"
          : null;
    }
    if (usedTop.equals(top)) {
      return null;
    }
    Set<String> allowed = ALLOWED.getOrDefault(top, Set.of());
    if (!allowed.contains(usedTop)) {
      return allowed.isEmpty()
          ? top + " uses no other package"
          : top + " may use only " + String.join(", ", new TreeSet<>(allowed));
    }
    if (top.equals("cli") && used.startsWith("ingest.")) {
      return "cli reads exports through ingest, not a format's package";
    }
    return null;
  }

  private static String top(String pkg) {
    return pkg.split("\\.")[0];
  }

  /** The format package of an ingest package: ingest.nftables for ingest.nftables.x. */
  private static String format(String pkg) {
    String[] parts = pkg.split("\\.");
    return parts[0] + "." + parts[1];
  }
}
