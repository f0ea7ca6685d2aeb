package dev.zpaaudit.report;

import dev.zpaaudit.checks.Report;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a report in one format to standard output, or in one or more formats into a directory.
 * Every output is rendered in full before anything is written, and files are written to a temporary
 * name and moved into place, so a failure never leaves a half-written report. A directory holds the
 * reports of one run: a {@code report.EXT} of a format this run did not write is removed.
 */
public final class ReportWriter {
  private static final Map<String, Renderer> FORMATS = new LinkedHashMap<>();

  static {
    FORMATS.put("text", new TextReport());
    FORMATS.put("json", new JsonReport());
    FORMATS.put("sarif", new SarifReport());
    FORMATS.put("junit", new JunitReport());
    FORMATS.put("markdown", new MarkdownReport());
    FORMATS.put("csv", new CsvReport());
    FORMATS.put("html", new HtmlReport());
  }

  private ReportWriter() {}

  public static List<String> formats() {
    return List.copyOf(FORMATS.keySet());
  }

  public static Renderer renderer(String format) {
    Renderer r = FORMATS.get(format.toLowerCase(Locale.ROOT));
    if (r == null) {
      throw new IllegalArgumentException(
          "unknown format '" + format + "' (expected one of " + String.join(", ", formats()) + ")");
    }
    return r;
  }

  private static Path reportFile(Path dir, Renderer r) {
    return dir.resolve("report." + r.extension());
  }

  /** Renders to stdout (outputDir null, one format) or writes report.EXT files into outputDir. */
  public static List<Path> write(
      Report report, List<String> formats, Path outputDir, PrintWriter out) throws IOException {
    Map<Renderer, String> rendered = new LinkedHashMap<>();
    for (String f : formats) {
      Renderer r = renderer(f);
      rendered.put(r, r.render(report));
    }
    List<Path> written = new ArrayList<>();
    if (outputDir == null) {
      rendered.values().forEach(out::print);
      out.flush();
      return written;
    }
    Files.createDirectories(outputDir);
    Map<Path, Path> staged = new LinkedHashMap<>();
    try {
      for (Map.Entry<Renderer, String> e : rendered.entrySet()) {
        Path tmp = Files.createTempFile(outputDir, ".report-", ".tmp");
        staged.put(tmp, reportFile(outputDir, e.getKey()));
        Files.writeString(tmp, e.getValue(), StandardCharsets.UTF_8);
      }
      for (Map.Entry<Path, Path> s : staged.entrySet()) {
        Files.move(
            s.getKey(),
            s.getValue(),
            StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
        written.add(s.getValue());
      }
    } finally {
      for (Path tmp : staged.keySet()) {
        Files.deleteIfExists(tmp);
      }
    }
    for (Renderer r : FORMATS.values()) {
      if (!rendered.containsKey(r)) {
        Files.deleteIfExists(reportFile(outputDir, r));
      }
    }
    return written;
  }
}
