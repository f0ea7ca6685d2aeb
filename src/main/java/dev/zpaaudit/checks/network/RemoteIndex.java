package dev.zpaaudit.checks.network;

import dev.zpaaudit.model.IpSet;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Finds the decisions whose remote addresses overlap a given set, without scanning them all: every
 * remote interval of every outcome, sorted by start, with the running maximum of the ends.
 */
final class RemoteIndex {
  private final List<Decision> outcomes;
  private final int family;
  private final long[] sh;
  private final long[] sl;
  private final long[] eh;
  private final long[] el;
  private final long[] maxEh;
  private final long[] maxEl;
  private final int[] owner;

  RemoteIndex(List<Decision> all, int family) {
    this.outcomes = all;
    this.family = family;
    List<long[]> items = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      IpSet r = all.get(i).remote();
      if (r.family() != family) {
        continue;
      }
      final int idx = i;
      r.forEachInterval((a, b, c, d) -> items.add(new long[] {a, b, c, d, idx}));
    }
    items.sort((x, y) -> IpSet.compare(x[0], x[1], y[0], y[1]));
    int n = items.size();
    sh = new long[n];
    sl = new long[n];
    eh = new long[n];
    el = new long[n];
    maxEh = new long[n];
    maxEl = new long[n];
    owner = new int[n];
    for (int i = 0; i < n; i++) {
      long[] x = items.get(i);
      sh[i] = x[0];
      sl[i] = x[1];
      eh[i] = x[2];
      el[i] = x[3];
      owner[i] = (int) x[4];
      if (i == 0 || IpSet.compare(x[2], x[3], maxEh[i - 1], maxEl[i - 1]) > 0) {
        maxEh[i] = x[2];
        maxEl[i] = x[3];
      } else {
        maxEh[i] = maxEh[i - 1];
        maxEl[i] = maxEl[i - 1];
      }
    }
  }

  /** The outcomes overlapping {@code set}, in their original order. */
  List<Decision> overlapping(IpSet set) {
    if (set.family() != family || sh.length == 0) {
      return List.of();
    }
    BitSet hit = new BitSet(outcomes.size());
    set.forEachInterval((qsh, qsl, qeh, qel) -> {
      // last item starting at or before the query's end
      int lo = 0;
      int hi = sh.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (IpSet.compare(sh[mid], sl[mid], qeh, qel) <= 0) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      for (int i = lo - 1; i >= 0 && IpSet.compare(maxEh[i], maxEl[i], qsh, qsl) >= 0; i--) {
        if (IpSet.compare(eh[i], el[i], qsh, qsl) >= 0) {
          hit.set(owner[i]);
        }
      }
    });
    List<Decision> out = new ArrayList<>(hit.cardinality());
    hit.stream().forEach(i -> out.add(outcomes.get(i)));
    return out;
  }

}
