package dev.zpaaudit.model;

import java.util.Arrays;
import java.util.function.IntPredicate;

/** An immutable set of small numbers 0..size-1 over a fixed universe size. */
public final class Bits {
  private final int size;
  private final long[] w;

  private Bits(int size, long[] w) {
    this.size = size;
    this.w = w;
  }

  public static Bits none(int size) {
    return new Bits(size, new long[(size + 63) >>> 6]);
  }

  public static Bits all(int size) {
    return where(size, i -> true);
  }

  public static Bits of(int size, int... members) {
    long[] w = new long[(size + 63) >>> 6];
    for (int m : members) {
      if (m < 0 || m >= size) {
        throw new IllegalArgumentException(m + " is outside 0.." + (size - 1));
      }
      w[m >>> 6] |= 1L << m;
    }
    return new Bits(size, w);
  }

  public static Bits where(int size, IntPredicate p) {
    long[] w = new long[(size + 63) >>> 6];
    for (int i = 0; i < size; i++) {
      if (p.test(i)) {
        w[i >>> 6] |= 1L << i;
      }
    }
    return new Bits(size, w);
  }

  public int size() {
    return size;
  }

  public boolean contains(int i) {
    return i >= 0 && i < size && (w[i >>> 6] & (1L << i)) != 0;
  }

  public boolean isEmpty() {
    for (long x : w) {
      if (x != 0) {
        return false;
      }
    }
    return true;
  }

  public boolean isAll() {
    return cardinality() == size;
  }

  public int cardinality() {
    int c = 0;
    for (long x : w) {
      c += Long.bitCount(x);
    }
    return c;
  }

  private void check(Bits o) {
    if (o.size != size) {
      throw new IllegalArgumentException("sets over different universes: " + size + ", " + o.size);
    }
  }

  public Bits intersect(Bits o) {
    check(o);
    long[] r = new long[w.length];
    boolean same = true;
    boolean other = true;
    for (int i = 0; i < w.length; i++) {
      r[i] = w[i] & o.w[i];
      same &= r[i] == w[i];
      other &= r[i] == o.w[i];
    }
    return same ? this : other ? o : new Bits(size, r);
  }

  public Bits union(Bits o) {
    check(o);
    long[] r = new long[w.length];
    for (int i = 0; i < w.length; i++) {
      r[i] = w[i] | o.w[i];
    }
    return new Bits(size, r);
  }

  public Bits minus(Bits o) {
    check(o);
    long[] r = new long[w.length];
    boolean same = true;
    for (int i = 0; i < w.length; i++) {
      r[i] = w[i] & ~o.w[i];
      same &= r[i] == w[i];
    }
    return same ? this : new Bits(size, r);
  }

  public Bits complement() {
    return all(size).minus(this);
  }

  public boolean intersects(Bits o) {
    check(o);
    for (int i = 0; i < w.length; i++) {
      if ((w[i] & o.w[i]) != 0) {
        return true;
      }
    }
    return false;
  }

  public int[] members() {
    int[] out = new int[cardinality()];
    int n = 0;
    for (int i = 0; i < size; i++) {
      if (contains(i)) {
        out[n++] = i;
      }
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bits b && b.size == size && Arrays.equals(b.w, w);
  }

  @Override
  public int hashCode() {
    return 31 * size + Arrays.hashCode(w);
  }

  @Override
  public String toString() {
    return Arrays.toString(members());
  }
}
