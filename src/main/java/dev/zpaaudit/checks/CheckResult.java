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
    String remediation) {
  public CheckResult {
    Objects.requireNonNull(id, "id");
    requirements = List.copyOf(requirements);
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(summary, "summary");
    uncovered = uncovered == null ? null : List.copyOf(uncovered);
    evidence = List.copyOf(evidence);
  }

  /** Whether this result should make a gate fail: not a pass, not skipped, severe enough. */
  public boolean gates(Severity threshold, boolean indeterminateGates) {
    if (status == Status.FAIL) {
      return severity.atLeast(threshold);
    }
    return status == Status.INDETERMINATE && indeterminateGates && severity.atLeast(threshold);
  }
}
