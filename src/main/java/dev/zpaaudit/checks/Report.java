package dev.zpaaudit.checks;

import dev.zpaaudit.diag.Diagnostic;
import dev.zpaaudit.model.PublishedRanges;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a run found, ready for any renderer. Deterministic: checks keep the order they were
 * run in (stable ids), diagnostics are sorted, and no timestamps are recorded. {@code suppressions}
 * are the findings accepted, by check id.
 */
public record Report(
    String command,
    RangeInfo ranges,
    List<Input> inputs,
    Map<String, String> context,
    List<CheckResult> checks,
    List<Diagnostic> diagnostics,
    Map<String, Suppression> suppressions) {

  /** Where the requirement ids that checks cite are described, relative to the distribution. */
  public static final String REQUIREMENTS_DOC = "docs/requirements.md";

  /**
   * Where the published ranges came from; {@code count} entries as published (they may overlap),
   * which are {@code blocks} CIDR blocks once overlapping and adjacent entries are merged (the
   * blocks that lists of destinations name); {@code blocks} is -1 when not known.
   */
  public record RangeInfo(String source, String date, int count, int blocks) {
    public RangeInfo(String source, String date, int count) {
      this(source, date, count, -1);
    }

    public static RangeInfo of(PublishedRanges ranges) {
      int blocks = 0;
      for (dev.zpaaudit.model.AddressFamily family : dev.zpaaudit.model.AddressFamily.values()) {
        blocks += ranges.union(family).toCidrs().size();
      }
      return new RangeInfo(ranges.source(), ranges.date(), ranges.entries().size(), blocks);
    }
  }

  /**
   * An input file and the format it was read as. A firewall export also says which device it is
   * part of ({@code device}: the position, from 1, of the --config it was given in; exports with
   * the same number are one device) and the address families it judges; other inputs have neither
   * ({@code device} null).
   */
  public record Input(String file, String format, Integer device, List<Integer> families) {
    public Input {
      families = families == null ? null : List.copyOf(families);
    }

    public Input(String file, String format) {
      this(file, format, null, null);
    }
  }

  /** A report in which nothing is suppressed. */
  public Report(
      String command,
      RangeInfo ranges,
      List<Input> inputs,
      Map<String, String> context,
      List<CheckResult> checks,
      List<Diagnostic> diagnostics) {
    this(command, ranges, inputs, context, checks, diagnostics, Map.of());
  }

  public Report {
    suppressions = Map.copyOf(suppressions);
    inputs = List.copyOf(inputs);
    context = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(context));
    checks = List.copyOf(checks);
    diagnostics = diagnostics.stream().sorted(Diagnostic.ORDER).toList();
  }

  /** The requirement ids the checks cite, each once, in numeric order (R8 before R12). */
  public List<String> requirements() {
    return checks.stream()
        .flatMap(c -> c.requirements().stream())
        .distinct()
        .sorted((a, b) -> a.length() != b.length() ? a.length() - b.length() : a.compareTo(b))
        .toList();
  }

  /** How many checks have a status, suppressed findings not counted. */
  public long count(Status s) {
    return checks.stream().filter(c -> c.status() == s && suppression(c).isEmpty()).count();
  }

  /** How many findings are suppressed. */
  public long suppressed() {
    return checks.stream().filter(c -> suppression(c).isPresent()).count();
  }

  /** The suppression that applies to a check (by its id in this report), if any. */
  public java.util.Optional<Suppression> suppression(CheckResult c) {
    return java.util.Optional.ofNullable(suppressions.get(c.id()));
  }

  /** Whether the run fails the gate: a check at or above it not passing, and not suppressed. */
  public boolean gates(Severity threshold, boolean indeterminateGates) {
    return checks.stream()
        .anyMatch(c -> suppression(c).isEmpty() && c.gates(threshold, indeterminateGates));
  }
}
