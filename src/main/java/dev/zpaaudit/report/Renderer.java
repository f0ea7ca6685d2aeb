package dev.zpaaudit.report;

import dev.zpaaudit.checks.Report;
import dev.zpaaudit.checks.Status;

/** Turns a report into one output format. Output is deterministic for the same report. */
public interface Renderer {
  String extension();

  String render(Report report);

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
