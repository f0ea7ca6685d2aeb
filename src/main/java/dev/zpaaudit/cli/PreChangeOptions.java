package dev.zpaaudit.cli;

import dev.zpaaudit.checks.ranges.RangeDiff;
import dev.zpaaudit.diag.InputException;
import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.PublishedRanges;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The pre-change review: the ranges announced in --ranges beyond a baseline list (R12). */
final class PreChangeOptions {
  @Option(
      names = "--baseline-ranges",
      paramLabel = "FILE",
      description =
          "The list of published ranges in force: adds the check range-change, which says"
              + " whether the connectors reach the ranges --ranges announces beyond it.")
  Path baseline;

  @Option(
      names = "--announced",
      paramLabel = "DATE",
      description =
          "With --baseline-ranges: when the vendor announced --ranges (YYYY-MM-DD); the new"
              + " ranges take effect 90 days later.")
  String announced;

  boolean given() {
    return baseline != null;
  }

  LocalDate activation() {
    if (announced == null) {
      return null;
    }
    if (baseline == null) {
      throw new UsageException("--announced applies to --baseline-ranges: give both");
    }
    try {
      return LocalDate.parse(announced).plusDays(RangeDiff.NOTICE_DAYS);
    } catch (DateTimeParseException e) {
      throw new UsageException("--announced '" + announced + "' is not a date YYYY-MM-DD");
    }
  }

  /** The entries of {@code now} that hold addresses the baseline does not. */
  PublishedRanges announcedIn(PublishedRanges now) throws InputException {
    PublishedRanges old = RangesOption.read(baseline);
    List<PublishedRanges.Entry> fresh = new ArrayList<>();
    for (PublishedRanges.Entry e : now.entries()) {
      AddressFamily f = e.addresses().family();
      IpSet beyond = e.addresses().minus(old.union(f));
      if (!beyond.isEmpty()) {
        fresh.add(e);
      }
    }
    return new PublishedRanges(
        now.source() + ", beyond " + old.source(), now.date(), fresh, now.domains());
  }
}
