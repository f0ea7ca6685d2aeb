package dev.zpaaudit.cli;

import dev.zpaaudit.checks.Report;
import dev.zpaaudit.checks.Severity;
import dev.zpaaudit.report.ReportWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Output and gating options shared by every command that writes a report. */
public final class ReportOptions {
  @Option(
      names = "--format",
      split = ",",
      paramLabel = "FORMAT",
      description =
          "Report format: text, json, sarif, junit, markdown, csv or html. Without --output"
              + " exactly one, printed to standard output; with --output, the formats to write"
              + " (default: text, or with --output every format).")
  List<String> formats = new ArrayList<>();

  @Option(
      names = {"-o", "--output"},
      paramLabel = "DIR",
      description =
          "Write report.<ext> files into DIR instead of printing. DIR then holds this run's"
              + " reports only: a report of a format not written this time is removed.")
  Path output;

  @Option(
      names = "--fail-on",
      paramLabel = "SEVERITY",
      defaultValue = "info",
      description =
          "Exit 1 when a check at or above this severity fails or is indeterminate: critical,"
              + " high, medium, low or info (default: ${DEFAULT-VALUE}, i.e. any).")
  String failOn;

  @Option(
      names = "--allow-indeterminate",
      description =
          "Do not let indeterminate checks set exit code 1. They are still reported, never as"
              + " passes.")
  boolean allowIndeterminate;

  Severity threshold() {
    return UsageException.parse("", () -> Severity.parse(failOn));
  }

  /** Checks the options before any work is done; throws UsageException on misuse. */
  void validate() {
    threshold();
    for (String f : formats) {
      UsageException.parse("", () -> ReportWriter.renderer(f));
    }
    if (output == null && formats.size() > 1) {
      throw new UsageException("several --format values need --output DIR");
    }
    if (output != null) {
      Outputs.checkDirectory("--output", output);
    }
  }

  /** Writes the report and returns the exit code it warrants. */
  /**
   * Writes the report, a phase of {@code phases} when it goes to files (on standard output it is
   * what the terminal shows).
   */
  int emit(Report report, PrintWriter out, Phases phases) throws IOException {
    if (output != null) {
      phases.start("writing the report to " + output);
    }
    int code = emit(report, out);
    phases.end();
    return code;
  }

  int emit(Report report, PrintWriter out) throws IOException {
    List<String> fs =
        !formats.isEmpty() ? formats : output == null ? List.of("text") : ReportWriter.formats();
    ReportWriter.write(report, fs, output, out);
    return report.gates(threshold(), !allowIndeterminate) ? ExitCodes.FINDINGS : ExitCodes.CLEAN;
  }
}
