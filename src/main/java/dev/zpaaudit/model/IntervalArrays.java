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
}
