package dev.zpaaudit.report;

import dev.zpaaudit.checks.Report;
import dev.zpaaudit.checks.Status;

/** Turns a report into one output format. Output is deterministic for the same report. */
public interface Renderer {
  String extension();

  String render(Report report);

  /** A check's status as reports print it: {@code fail}, or {@code fail (suppressed)}. */
  static String status(Report r, dev.zpaaudit.checks.CheckResult c) {
    return c.status().label() + (r.suppression(c).isPresent() ? " (suppressed)" : "");
  }

  /** Why and until when a check's finding is accepted, for a report that says so in words. */
  static String suppressedWhy(dev.zpaaudit.checks.Suppression s) {
    return "suppressed until "
        + s.expires()
        + " ("
        + s.file()
        + ":"
        + s.line()
        + "): "
        + s.reason();
  }

  /** fail if any check failed, else indeterminate if any was, else pass. */
  static Status overall(Report r) {
    if (r.count(Status.FAIL) > 0) {
      return Status.FAIL;
    }
    if (r.count(Status.INDETERMINATE) > 0) {
      return Status.INDETERMINATE;
    }
    return Status.PASS;
  }
}
