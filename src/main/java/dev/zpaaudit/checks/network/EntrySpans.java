package dev.zpaaudit.checks.network;

import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.PublishedRanges;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Some entries' addresses of one family cut into disjoint pieces, sorted, each with the entries
 * that hold it: which entries an address interval touches is then found by searching the pieces,
 * not by trying every entry. Entries may overlap or nest; their pieces never do.
 */
final class EntrySpans {
  private final long[] v; // per piece: startHigh, startLow, endHigh, endLow
  private final int[][] entries; // per piece: the entries that hold it, in entry order

  private EntrySpans(long[] v, int[][] entries) {
    this.v = v;
    this.entries = entries;
  }

  /** The pieces of the entries of family {@code fam} (indexes into {@code list}), or null. */
  static EntrySpans of(List<PublishedRanges.Entry> list, AddressFamily fam) {
    // Every interval's first address, and the address after its last, cut the space into pieces.
    List<long[]> intervals = new ArrayList<>(); // start, end, entry
    for (int i = 0; i < list.size(); i++) {
      IpSet addrs = list.get(i).addresses();
      if (addrs.family() == fam) {
        int at = i;
        addrs.forEachInterval((sh, sl, eh, el) -> intervals.add(new long[] {sh, sl, eh, el, at}));
      }
    }
    if (intervals.isEmpty()) {
      return null;
    }
    List<long[]> cuts =
        new ArrayList<>(2 * intervals.size()); // (high, low, +1 start / -1 after end, entry)
    for (long[] s : intervals) {
      cuts.add(new long[] {s[0], s[1], 1, s[4]});
      if (s[2] != -1 || s[3] != -1) { // the address after the last, unless it is the very last
        long low = s[3] + 1;
        cuts.add(new long[] {low == 0 ? s[2] + 1 : s[2], low, -1, s[4]});
      }
    }
    cuts.sort((a, b) -> IpSet.compare(a[0], a[1], b[0], b[1]));
    List<long[]> pieces = new ArrayList<>();
    List<int[]> holders = new ArrayList<>();
    int[] count = new int[list.size()];
    BitSet open = new BitSet(list.size());
    for (int k = 0; k < cuts.size(); ) {
      long h = cuts.get(k)[0];
      long l = cuts.get(k)[1];
      for (; k < cuts.size() && cuts.get(k)[0] == h && cuts.get(k)[1] == l; k++) {
        int e = (int) cuts.get(k)[3];
        count[e] += (int) cuts.get(k)[2];
        open.set(e, count[e] > 0);
      }
      if (!open.isEmpty()) { // a piece from here to the next cut (or to the very last address)
        long eh = -1;
        long el = -1;
        if (k < cuts.size()) {
          long[] next = cuts.get(k);
          el = next[1] - 1;
          eh = next[1] == 0 ? next[0] - 1 : next[0];
        }
        pieces.add(new long[] {h, l, eh, el});
        holders.add(open.stream().toArray());
      }
    }
    long[] v = new long[4 * pieces.size()];
    for (int i = 0; i < pieces.size(); i++) {
      System.arraycopy(pieces.get(i), 0, v, 4 * i, 4);
    }
    return new EntrySpans(v, holders.toArray(new int[0][]));
  }

  /** A walk over the pieces for one set's intervals, given in order. */
  final class Walk {
    private int from; // the pieces before this one are reported, or end before what comes

    /**
     * Calls {@code touched} for each entry that the interval from (sh, sl) to (eh, el) shares an
     * address with and that no earlier interval of the walk touched in the same piece (an entry may
     * still come more than once); the intervals of a walk come in order.
     */
    void touching(long sh, long sl, long eh, long el, IntConsumer touched) {
      int n = entries.length;
      int step = 1; // gallop from where the last interval left off, then search
      int lo = from;
      int hi = from;
      while (hi < n && IpSet.compare(v[4 * hi + 2], v[4 * hi + 3], sh, sl) < 0) {
        lo = hi + 1;
        hi += step;
        step <<= 1;
      }
      hi = Math.min(hi, n);
      while (lo < hi) { // the first piece that ends at or after the interval's start
        int mid = (lo + hi) >>> 1;
        if (IpSet.compare(v[4 * mid + 2], v[4 * mid + 3], sh, sl) < 0) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      int i = lo;
      for (; i < n && IpSet.compare(v[4 * i], v[4 * i + 1], eh, el) <= 0; i++) {
        for (int e : entries[i]) {
          touched.accept(e);
        }
      }
      from = i; // the pieces touched are reported already: the next interval need not see them
    }
  }

  Walk walk() {
    return new Walk();
  }
}
