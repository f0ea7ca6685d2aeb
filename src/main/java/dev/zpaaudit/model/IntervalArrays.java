package dev.zpaaudit.model;

import java.util.Arrays;

/**
 * Set operations on sorted arrays of disjoint, non-adjacent intervals of unsigned 128-bit numbers,
 * four longs an interval: start (high, low), end (high, low), both inclusive. The arrays {@link
 * IpSet} holds; each operation is one pass over both operands.
 */
final class IntervalArrays {
  private IntervalArrays() {}

  static int cmp(long ah, long al, long bh, long bl) {
    int c = Long.compareUnsigned(ah, bh);
    return c != 0 ? c : Long.compareUnsigned(al, bl);
  }

  /**
   * The intervals of {@code a} without the addresses of {@code b}; {@code a} itself when none of
   * them are in it.
   */
  static long[] minus(long[] a, long[] b) {
    if (b.length == 4) {
      return minusOne(a, b[0], b[1], b[2], b[3]);
    }
    if (b.length * FEW < a.length) {
      return minusFew(a, b);
    }
    // Each interval of b splits at most one interval of a in two.
    long[] out = new long[a.length + b.length];
    int n = 0;
    int j = 0;
    for (int i = 0; i < a.length; i += 4) {
      long eh = a[i + 2];
      long el = a[i + 3];
      while (j < b.length && cmp(b[j + 2], b[j + 3], a[i], a[i + 1]) < 0) {
        j += 4;
      }
      long ch = a[i];
      long cl = a[i + 1];
      boolean rest = true;
      int k = j;
      while (k < b.length && cmp(b[k], b[k + 1], eh, el) <= 0) {
        if (cmp(b[k], b[k + 1], ch, cl) > 0) {
          // [current, b's start - 1] is kept
          out[n++] = ch;
          out[n++] = cl;
          out[n++] = b[k + 1] == 0 ? b[k] - 1 : b[k];
          out[n++] = b[k + 1] - 1;
        }
        if (cmp(b[k + 2], b[k + 3], eh, el) >= 0) {
          rest = false;
          break;
        }
        // b ends inside this interval: go on after it
        ch = b[k + 3] == -1L ? b[k + 2] + 1 : b[k + 2];
        cl = b[k + 3] + 1;
        k += 4;
      }
      if (rest) {
        out[n++] = ch;
        out[n++] = cl;
        out[n++] = eh;
        out[n++] = el;
      }
      j = k;
    }
    if (n == a.length && Arrays.equals(out, 0, n, a, 0, n)) {
      return a;
    }
    return Arrays.copyOf(out, n);
  }

  /**
   * Below this ratio of sizes, the smaller operand's intervals are looked up in the larger one
   * (binary search) and the runs of intervals between them copied whole.
   */
  static final int FEW = 16;

  /**
   * As {@link #minus}, for a {@code b} of few intervals: only the intervals of a it touches are
   * cut.
   */
  private static long[] minusFew(long[] a, long[] b) {
    long[] out = new long[a.length + b.length];
    int n = 0;
    int i = 0;
    // The start of interval i of a: past the intervals of b seen so far that cut into it.
    long sh = a.length > 0 ? a[0] : 0;
    long sl = a.length > 0 ? a[1] : 0;
    boolean changed = false;
    for (int k = 0; k < b.length && i < a.length; k += 4) {
      if (cmp(a[i + 2], a[i + 3], b[k], b[k + 1]) < 0) {
        // interval i ends before this interval of b: kept, and the ones up to b copied whole
        n = put(out, n, sh, sl, a[i + 2], a[i + 3]);
        int from = i + 4;
        i = firstEndingAtOrAfter(a, from, b[k], b[k + 1]);
        System.arraycopy(a, from, out, n, i - from);
        n += i - from;
        if (i >= a.length) {
          break;
        }
        sh = a[i];
        sl = a[i + 1];
      }
      while (i < a.length && cmp(sh, sl, b[k + 2], b[k + 3]) <= 0) {
        changed = true;
        if (cmp(sh, sl, b[k], b[k + 1]) < 0) {
          n = put(out, n, sh, sl, b[k + 1] == 0 ? b[k] - 1 : b[k], b[k + 1] - 1);
        }
        if (cmp(a[i + 2], a[i + 3], b[k + 2], b[k + 3]) > 0) {
          sh = b[k + 3] == -1L ? b[k + 2] + 1 : b[k + 2];
          sl = b[k + 3] + 1;
          break;
        }
        i += 4;
        if (i < a.length) {
          sh = a[i];
          sl = a[i + 1];
        }
      }
    }
    if (!changed) {
      return a;
    }
    if (i < a.length) {
      n = put(out, n, sh, sl, a[i + 2], a[i + 3]);
      System.arraycopy(a, i + 4, out, n, a.length - i - 4);
      n += a.length - i - 4;
    }
    return Arrays.copyOf(out, n);
  }

  /**
   * As {@link #minus}, for a single interval (sh, sl) to (eh, el): the intervals of a before and
   * after the ones it touches are copied whole into an array of the result's size.
   */
  private static long[] minusOne(long[] a, long sh, long sl, long eh, long el) {
    int first = firstEndingAtOrAfter(a, 0, sh, sl);
    int end = first; // after the last interval that starts at or before the end
    while (end < a.length && cmp(a[end], a[end + 1], eh, el) <= 0) {
      end += 4;
    }
    if (first == end) {
      return a;
    }
    boolean left = cmp(a[first], a[first + 1], sh, sl) < 0;
    boolean right = cmp(a[end - 2], a[end - 1], eh, el) > 0;
    int size = first + (left ? 4 : 0) + (right ? 4 : 0) + (a.length - end);
    long[] out = new long[size];
    System.arraycopy(a, 0, out, 0, first);
    int n = first;
    if (left) {
      n = put(out, n, a[first], a[first + 1], sl == 0 ? sh - 1 : sh, sl - 1);
    }
    if (right) {
      n = put(out, n, el == -1L ? eh + 1 : eh, el + 1, a[end - 2], a[end - 1]);
    }
    System.arraycopy(a, end, out, n, a.length - end);
    return out;
  }

  private static int put(long[] out, int n, long sh, long sl, long eh, long el) {
    out[n] = sh;
    out[n + 1] = sl;
    out[n + 2] = eh;
    out[n + 3] = el;
    return n + 4;
  }

  /**
   * The index (in longs, from {@code from}) of the first interval of {@code a} that ends at or
   * after (h, l); {@code a.length} if none does.
   */
  static int firstEndingAtOrAfter(long[] a, int from, long h, long l) {
    int lo = from / 4;
    int hi = a.length / 4;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cmp(a[mid * 4 + 2], a[mid * 4 + 3], h, l) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo * 4;
  }

  /**
   * The intervals common to a and b (neither empty), merged in one pass; a when they are all a's.
   */
  static long[] intersect(long[] a, long[] b) {
    long[] out = new long[a.length + b.length];
    int n = 0;
    int i = 0;
    int j = 0;
    while (i < a.length && j < b.length) {
      // start = max(starts), end = min(ends)
      boolean aStartsLater = cmp(a[i], a[i + 1], b[j], b[j + 1]) >= 0;
      long sh = aStartsLater ? a[i] : b[j];
      long sl = aStartsLater ? a[i + 1] : b[j + 1];
      boolean aEndsFirst = cmp(a[i + 2], a[i + 3], b[j + 2], b[j + 3]) <= 0;
      long eh = aEndsFirst ? a[i + 2] : b[j + 2];
      long el = aEndsFirst ? a[i + 3] : b[j + 3];
      if (cmp(sh, sl, eh, el) <= 0) {
        n = put(out, n, sh, sl, eh, el);
      }
      if (aEndsFirst) {
        i += 4;
      } else {
        j += 4;
      }
    }
    if (n == a.length && Arrays.equals(out, 0, n, a, 0, n)) {
      return a;
    }
    return Arrays.copyOf(out, n);
  }

  /** The intervals of {@code many} within each interval of {@code few}, found by binary search. */
  static long[] clipAll(long[] many, long[] few) {
    long[] out = new long[few.length + 16];
    int n = 0;
    for (int i = 0; i < few.length; i += 4) {
      long eh = few[i + 2];
      long el = few[i + 3];
      for (int k = firstEndingAtOrAfter(many, 0, few[i], few[i + 1]);
          k < many.length && cmp(many[k], many[k + 1], eh, el) <= 0;
          k += 4) {
        if (n + 4 > out.length) {
          out = Arrays.copyOf(out, out.length * 2);
        }
        boolean later = cmp(many[k], many[k + 1], few[i], few[i + 1]) > 0;
        boolean earlier = cmp(many[k + 2], many[k + 3], eh, el) < 0;
        n =
            put(
                out,
                n,
                later ? many[k] : few[i],
                later ? many[k + 1] : few[i + 1],
                earlier ? many[k + 2] : eh,
                earlier ? many[k + 3] : el);
      }
    }
    return Arrays.copyOf(out, n);
  }

  /** The intervals of a within one interval, by binary search; a when it lies inside it. */
  static long[] clip(long[] a, long sh, long sl, long eh, long el) {
    int first = firstEndingAtOrAfter(a, 0, sh, sl);
    int end = first;
    while (end < a.length && cmp(a[end], a[end + 1], eh, el) <= 0) {
      end += 4;
    }
    long[] out = Arrays.copyOfRange(a, first, end);
    if (out.length == 0) {
      return out;
    }
    if (cmp(out[0], out[1], sh, sl) < 0) {
      out[0] = sh;
      out[1] = sl;
    }
    int e = out.length - 4;
    if (cmp(out[e + 2], out[e + 3], eh, el) > 0) {
      out[e + 2] = eh;
      out[e + 3] = el;
    }
    return out.length == a.length && Arrays.equals(out, a) ? a : out;
  }

  /** Whether every address of a is in b: each interval of a inside one of b. */
  static boolean within(long[] a, long[] b) {
    if (a.length * FEW < b.length) {
      for (int i = 0; i < a.length; i += 4) {
        if (!inside(a, i, b, firstEndingAtOrAfter(b, 0, a[i], a[i + 1]))) {
          return false;
        }
      }
      return true;
    }
    int j = 0;
    for (int i = 0; i < a.length; i += 4) {
      while (j < b.length && cmp(b[j + 2], b[j + 3], a[i], a[i + 1]) < 0) {
        j += 4;
      }
      if (!inside(a, i, b, j)) {
        return false;
      }
    }
    return true;
  }

  /** Whether interval i of a lies inside interval j of b (j may be past b's end). */
  private static boolean inside(long[] a, int i, long[] b, int j) {
    return j < b.length
        && cmp(b[j], b[j + 1], a[i], a[i + 1]) <= 0
        && cmp(b[j + 2], b[j + 3], a[i + 2], a[i + 3]) >= 0;
  }

  /** Whether a and b have an address in common. */
  static boolean intersects(long[] a, long[] b) {
    if (a.length * FEW < b.length || b.length * FEW < a.length) {
      // each interval of the smaller set looked up in the larger one
      long[] big = a.length < b.length ? b : a;
      long[] few = a.length < b.length ? a : b;
      for (int i = 0; i < few.length; i += 4) {
        int k = firstEndingAtOrAfter(big, 0, few[i], few[i + 1]);
        if (k < big.length && cmp(big[k], big[k + 1], few[i + 2], few[i + 3]) <= 0) {
          return true;
        }
      }
      return false;
    }
    int i = 0;
    int j = 0;
    while (i < a.length && j < b.length) {
      if (cmp(a[i + 2], a[i + 3], b[j], b[j + 1]) < 0) {
        i += 4;
      } else if (cmp(b[j + 2], b[j + 3], a[i], a[i + 1]) < 0) {
        j += 4;
      } else {
        return true;
      }
    }
    return false;
  }

  /** The addresses of {@code all} (one interval, the family's whole space) not in a. */
  static long[] complement(long[] a, long[] all) {
    long[] out = new long[a.length + 4];
    int n = 0;
    long ch = all[0];
    long cl = all[1];
    for (int i = 0; i < a.length; i += 4) {
      if (cmp(ch, cl, a[i], a[i + 1]) < 0) {
        n = put(out, n, ch, cl, a[i + 1] == 0 ? a[i] - 1 : a[i], a[i + 1] - 1);
      }
      if (a[i + 2] == all[2] && a[i + 3] == all[3]) {
        return Arrays.copyOf(out, n); // a reaches the end of the space
      }
      ch = a[i + 3] == -1L ? a[i + 2] + 1 : a[i + 2];
      cl = a[i + 3] + 1;
    }
    n = put(out, n, ch, cl, all[2], all[3]);
    return Arrays.copyOf(out, n);
  }

  /** The addresses of a and of b, merged in one pass. */
  static long[] union(long[] a, long[] b) {
    long[] out = new long[a.length + b.length];
    int n = 0;
    int i = 0;
    int j = 0;
    while (i < a.length || j < b.length) {
      long[] src;
      int k;
      if (j >= b.length || (i < a.length && cmp(a[i], a[i + 1], b[j], b[j + 1]) <= 0)) {
        src = a;
        k = i;
        i += 4;
      } else {
        src = b;
        k = j;
        j += 4;
      }
      n = appendMerged(out, n, src[k], src[k + 1], src[k + 2], src[k + 3]);
    }
    return Arrays.copyOf(out, n);
  }

  /** Appends an interval that starts at or after the last one, merging overlap and adjacency. */
  private static int appendMerged(long[] out, int n, long sh, long sl, long eh, long el) {
    if (n > 0) {
      long lh = out[n - 2];
      long ll = out[n - 1];
      boolean touches =
          cmp(sh, sl, lh, ll) <= 0 || (!(lh == -1L && ll == -1L) && sameAsNext(lh, ll, sh, sl));
      if (touches) {
        if (cmp(eh, el, lh, ll) > 0) {
          out[n - 2] = eh;
          out[n - 1] = el;
        }
        return n;
      }
    }
    return put(out, n, sh, sl, eh, el);
  }

  /** Whether (nh, nl) is (h, l) + 1, without wrapping around. */
  private static boolean sameAsNext(long h, long l, long nh, long nl) {
    return l == -1L ? nh == h + 1 && nl == 0 : nh == h && nl == l + 1;
  }
}
