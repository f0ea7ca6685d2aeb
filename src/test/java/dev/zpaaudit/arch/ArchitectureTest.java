package dev.zpaaudit.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Keeps the package arrows of the architecture true, by scanning the imports of main sources. */
class ArchitectureTest {
  private static final Path SRC = Path.of("src/main/java/dev/zpaaudit");
  private static final Pattern IMPORT =
      Pattern.compile("^import (?:static )?dev\\.zpaaudit\\.([a-z.]+)\\.[A-Z]", Pattern.MULTILINE);
  private static final Pattern QUALIFIED =
      Pattern.compile("\\bdev\\.zpaaudit\\.([a-z]+(?:\\.[a-z]+)*)\\.[A-Z]");

  /** What each top-level package may use besides itself. */
  private static final Map<String, Set<String>> ALLOWED =
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

  @Test
  void packagesOnlyUseWhatTheyMay() throws IOException {
    List<String> violations = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SRC)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String pkg = SRC.relativize(f.getParent()).toString().replace('/', '.');
        String top = pkg.split("\\.")[0];
        String text = Files.readString(f);
        for (Pattern p : List.of(IMPORT, QUALIFIED)) {
          Matcher m = p.matcher(text);
          while (m.find()) {
            String used = m.group(1);
            String usedTop = used.split("\\.")[0];
            if (usedTop.equals(top)) {
              // Within ingest, one format never uses another.
              if (top.equals("ingest")
                  && pkg.contains(".")
                  && used.contains(".")
                  && !used.equals(pkg)) {
                violations.add(f + " uses " + used);
              }
              continue;
            }
            if (!ALLOWED.getOrDefault(top, Set.of()).contains(usedTop)) {
              violations.add(f + " (" + top + ") uses " + used);
            }
          }
        }
      }
    }
    assertThat(violations).isEmpty();
  }
}
