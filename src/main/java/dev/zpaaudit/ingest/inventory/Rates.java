package dev.zpaaudit.ingest.inventory;

import dev.zpaaudit.diag.Diagnostics;
import dev.zpaaudit.model.SourceLocation;
import dev.zpaaudit.model.host.Fact;
import dev.zpaaudit.model.host.Throughput;

/** Measured throughput fields (a group's or a connector's peak and average), read the same way. */
final class Rates {
  private Rates() {}

  /**
   * Reads a rate such as {@code 1Gbps}. Absent: unknown, with {@code missing} as the reason, at
   * {@code at}. Negative or unreadable: an error at the value's line, and unknown.
   */
  static Fact<Throughput> read(
      String field, Cell c, SourceLocation at, String missing, Diagnostics d) {
    if (c == null) {
      return Fact.unknown(missing, at);
    }
    try {
      return Fact.of(Throughput.parse(c.text()), c.at());
    } catch (IllegalArgumentException e) {
      d.error(c.at(), field + ": " + e.getMessage());
      return Fact.unknown("unreadable " + field, c.at());
    }
  }
}
