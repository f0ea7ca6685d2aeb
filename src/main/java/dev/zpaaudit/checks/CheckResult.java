package dev.zpaaudit.checks;

import java.util.List;
import java.util.Objects;

/**
 * The result of one check. {@code uncovered} is for checks that cover address space (the
 * destinations not proven allowed); null where it does not apply.
 */
public record CheckResult(
    String id,
    List<String> requirements,
    Severity severity,
    Status status,
    String summary,
    List<String> uncovered,
    List<Evidence> evidence,
    String remediation,
    List<String> inputs) {
  /**
   * A check of a report's inputs. {@code inputs} names the files it judged where they are fewer
   * than the report's: in a fleet report, its own device's (null: the report's).
   */
  public CheckResult(
      String id,
      List<String> requirements,
      Severity severity,
      Status status,
      String summary,
      List<String> uncovered,
      List<Evidence> evidence,
      String remediation) {
    this(id, requirements, severity, status, summary, uncovered, evidence, remediation, null);
  }

  public CheckResult {
    Objects.requireNonNull(id, "id");
    requirements = List.copyOf(requirements);
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(summary, "summary");
    uncovered = uncovered == null ? null : List.copyOf(uncovered);
    evidence = List.copyOf(evidence);
    inputs = inputs == null ? null : List.copyOf(inputs);
  }

  /** This result as a check of these input files (kept where it names its own already). */
  public CheckResult judging(List<String> files) {
    return inputs != null
        ? this
        : new CheckResult(
            id, requirements, severity, status, summary, uncovered, evidence, remediation, files);
  }

  /** A check not evaluated, and why. */
  public static CheckResult skipped(
      String id,
      List<String> requirements,
      Severity severity,
      String why,
      List<Evidence> evidence) {
    return new CheckResult(id, requirements, severity, Status.SKIPPED, why, null, evidence, null);
  }

  /**
   * This result with evidence items added after those that are there, but before the per-range item
   * (data {@code ranges}), which stays last.
   */
  public CheckResult withEvidence(List<Evidence> items) {
    if (items.isEmpty()) {
      return this;
    }
    List<Evidence> ev = new java.util.ArrayList<>(evidence);
    int at = ev.size();
    while (at > 0 && ev.get(at - 1).data().containsKey("ranges")) {
      at--;
    }
    ev.addAll(at, items);
    return new CheckResult(
        id, requirements, severity, status, summary, uncovered, ev, remediation, inputs);
  }

  /** Whether this result should make a gate fail: not a pass, not skipped, severe enough. */
  public boolean gates(Severity threshold, boolean indeterminateGates) {
    if (status == Status.FAIL) {
      return severity.atLeast(threshold);
    }
    return status == Status.INDETERMINATE && indeterminateGates && severity.atLeast(threshold);
  }
}
