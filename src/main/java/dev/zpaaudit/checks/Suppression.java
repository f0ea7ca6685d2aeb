package dev.zpaaudit.checks;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An accepted finding: its fingerprint, why it is accepted, until when, and where the suppression
 * file says so. A suppressed finding stays in the reports, flagged, and does not fail the run.
 */
public record Suppression(
    String fingerprint, String reason, LocalDate expires, String file, int line) {
  public Suppression {
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(expires, "expires");
  }
}
