package dev.zpaaudit.checks.ranges;

import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.PublishedRanges;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What changed between two lists of published ranges: the addresses added and removed (as the
 * fewest CIDR blocks), and the entries that were widened or narrowed (a new entry that holds old
 * ones and more, or an old entry that a smaller new one replaced). With the date the vendor
 * announced the new list, the date it takes effect: the vendor activates announced ranges {@link
 * #NOTICE_DAYS} days later.
 */
public record RangeDiff(
    List<String> added,
    List<String> removed,
    List<Change> widened,
    List<Change> narrowed,
    LocalDate announced) {
  /** The vendor announces new ranges this many days before it activates them (R12). */
  public static final int NOTICE_DAYS = 90;

  /** Old entries and the new entries that replace them, as written. */
  public record Change(List<String> before, List<String> after) {
    public Change {
      before = List.copyOf(before);
      after = List.copyOf(after);
    }
  }

  public RangeDiff {
    added = List.copyOf(added);
    removed = List.copyOf(removed);
    widened = List.copyOf(widened);
    narrowed = List.copyOf(narrowed);
  }

  /** The differences from {@code before} to {@code after}; {@code announced} may be null. */
  public static RangeDiff of(PublishedRanges before, PublishedRanges after, LocalDate announced) {
    Objects.requireNonNull(before);
    Objects.requireNonNull(after);
    List<String> added = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    for (AddressFamily f : AddressFamily.values()) {
      IpSet b = before.union(f);
      IpSet a = after.union(f);
      added.addAll(a.minus(b).toCidrs());
      removed.addAll(b.minus(a).toCidrs());
    }
    return new RangeDiff(
        added, removed, changes(before, after, true), changes(after, before, false), announced);
  }

  /**
   * Entries of {@code wide} that hold more than the entries of {@code narrow} they overlap, all of
   * which they contain; listed as narrow to wide when {@code widening}, else wide to narrow.
   */
  private static List<Change> changes(
      PublishedRanges narrow, PublishedRanges wide, boolean widening) {
    List<Change> out = new ArrayList<>();
    for (PublishedRanges.Entry w : wide.entries()) {
      List<String> inside = new ArrayList<>();
      boolean all = true;
      for (PublishedRanges.Entry n : narrow.entries()) {
        IpSet ns = n.addresses();
        if (ns.family() != w.addresses().family() || !ns.intersects(w.addresses())) {
          continue;
        }
        all &= w.addresses().containsAll(ns) && !ns.equals(w.addresses());
        inside.add(n.text());
      }
      if (all && !inside.isEmpty()) {
        out.add(
            widening
                ? new Change(inside, List.of(w.text()))
                : new Change(List.of(w.text()), inside));
      }
    }
    return out;
  }

  /** Whether nothing changed. */
  public boolean none() {
    return added.isEmpty() && removed.isEmpty() && widened.isEmpty() && narrowed.isEmpty();
  }

  /** When the announced ranges take effect, if the announcement date is known. */
  public LocalDate activation() {
    return announced == null ? null : announced.plusDays(NOTICE_DAYS);
  }
}
