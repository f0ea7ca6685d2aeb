package dev.zpaaudit.checks.network;

import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.PublishedRanges;
import java.util.ArrayList;
import java.util.List;

/**
 * The intervals of some entries' addresses of one family, sorted by their first address, to find
 * which entries an address interval touches by binary search rather than by a walk over all of
 * them. Entries may overlap, so each position also keeps the furthest end of the intervals up to
 * it: the first interval that can reach an address is where that running end first does.
 */
final class EntrySpans {
  private final long[] v; // per interval: startHigh, startLow, endHigh, endLow
  private final int[] entry;
  private final long[] reach; // per interval: the furthest end (high, low) of it and those before

  private EntrySpans(long[] v, int[] entry) {
    this.v = v;
    this.entry = entry;
    reach = new long[entry.length * 2];
    for (int i = 0; i < entry.length; i++) {
      long h = v[4 * i + 2];
      long l = v[4 * i + 3];
      if (i > 0 && IpSet.compare(reach[2 * i - 2], reach[2 * i - 1], h, l) > 0) {
        h = reach[2 * i - 2];
        l = reach[2 * i - 1];
      }
      reach[2 * i] = h;
      reach[2 * i + 1] = l;
    }
  }

  /** The spans of the entries of family {@code fam} (indexes into {@code entries}), or null. */
  static EntrySpans of(List<PublishedRanges.Entry> entries, AddressFamily fam) {
    List<long[]> all = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      IpSet addrs = entries.get(i).addresses();
      if (addrs.family() == fam) {
        int at = i;
        addrs.forEachInterval((sh, sl, eh, el) -> all.add(new long[] {sh, sl, eh, el, at}));
      }
    }
    if (all.isEmpty()) {
      return null;
    }
    all.sort((a, b) -> IpSet.compare(a[0], a[1], b[0], b[1]));
    long[] v = new long[4 * all.size()];
    int[] entry = new int[all.size()];
    for (int i = 0; i < all.size(); i++) {
      System.arraycopy(all.get(i), 0, v, 4 * i, 4);
      entry[i] = (int) all.get(i)[4];
    }
    return new EntrySpans(v, entry);
  }

  /** What to do with an entry whose addresses an interval touches. */
  interface Touched {
    void entry(int index);
  }

  /**
   * Calls {@code touched} for each span that the interval from (sh, sl) to (eh, el) shares an
   * address with, in the order of the spans; an entry with several such spans comes once a span.
   */
  void touching(long sh, long sl, long eh, long el, Touched touched) {
    int lo = 0;
    int hi = entry.length;
    while (lo < hi) { // the first span whose running end reaches the interval's start
      int mid = (lo + hi) >>> 1;
      if (IpSet.compare(reach[2 * mid], reach[2 * mid + 1], sh, sl) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    for (int i = lo; i < entry.length && IpSet.compare(v[4 * i], v[4 * i + 1], eh, el) <= 0; i++) {
      if (IpSet.compare(v[4 * i + 2], v[4 * i + 3], sh, sl) >= 0) {
        touched.entry(entry[i]);
      }
    }
  }
}
