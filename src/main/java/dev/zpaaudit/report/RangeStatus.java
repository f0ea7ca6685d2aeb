package dev.zpaaudit.report;

import java.util.Map;

/**
 * The status of a published entry in a check's per-range results ({@code data.ranges[].status}),
 * from the least to the most allowed, with the mark that shows it besides its colour.
 */
enum RangeStatus {
  DENIED("denied", "\u2717"),
  PARTIAL("partial", "\u25D0"),
  INDETERMINATE("indeterminate", "?"),
  ALLOWED("allowed", "\u2713"),
  NOT_APPLICABLE("not-applicable", "\u2013");

  private final String label;
  private final String mark;

  RangeStatus(String label, String mark) {
    this.label = label;
    this.mark = mark;
  }

  String label() {
    return label;
  }

  String mark() {
    return mark;
  }

  /** The CSS class that colours and patterns this status. */
  String css() {
    return "s-" + label;
  }

  /** The status of a per-range result; an unknown one is a fault of the check that wrote it. */
  static RangeStatus of(Map<?, ?> entry) {
    Object s = entry.get("status");
    for (RangeStatus r : values()) {
      if (r.label.equals(s)) {
        return r;
      }
    }
    throw new IllegalStateException("per-range result with an unknown status: " + s);
  }
}
