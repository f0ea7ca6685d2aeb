package dev.zpaaudit.model;

import java.math.BigInteger;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * An immutable set of IPv4 or IPv6 addresses, kept as sorted, disjoint, non-adjacent closed
 * intervals. Addresses are unsigned 128-bit numbers stored as (high, low) long pairs; IPv4 uses the
 * low 32 bits only. Sets of different families never mix.
 */
public final class IpSet {
  private static final long V4_MAX = 0xFFFF_FFFFL;
  private static final IpSet EMPTY4 = new IpSet(4, new long[0]);
  private static final IpSet EMPTY6 = new IpSet(6, new long[0]);
  private static final IpSet ALL4 = new IpSet(4, new long[] {0, 0, 0, V4_MAX});
  private static final IpSet ALL6 = new IpSet(6, new long[] {0, 0, -1L, -1L});

  private final int family;

  /** Four longs an interval: startHigh, startLow, endHigh, endLow. */
  private final long[] v;

  /**
   * The hash code once worked out (0 until then): unions of many sets put them in hash sets, and a
   * large set's hash reads all its intervals. The field fits in the object's padding.
   */
  private int hash;

  private IpSet(int family, long[] v) {
    this.family = family;
    this.v = v;
  }

  public static IpSet empty(AddressFamily family) {
    return empty(family.version());
  }

  public static IpSet all(AddressFamily family) {
    return all(family.version());
  }

  public static IpSet empty(int family) {
    return checkFamily(family) == 4 ? EMPTY4 : EMPTY6;
  }

  public static IpSet all(int family) {
    return checkFamily(family) == 4 ? ALL4 : ALL6;
  }

  private static int checkFamily(int family) {
    if (family != 4 && family != 6) {
      throw new IllegalArgumentException("address family must be 4 or 6, not " + family);
    }
    return family;
  }

  /** Parses a CIDR ("10.0.0.0/8"), a bare address (a host) or a range ("10.0.0.1-10.0.0.9"). */
  public static IpSet parse(String text) {
    return tryParse(text)
        .orElseThrow(
            () -> new IllegalArgumentException("not an IP address, CIDR or range: '" + text + "'"));
  }

  /** As {@link #parse}, or empty for text that is none of those. */
  public static Optional<IpSet> tryParse(String text) {
    return IpText.parse(text);
  }

  /** The interval from (sh, sl) to (eh, el), which must be in order. */
  static IpSet range(int family, long sh, long sl, long eh, long el) {
    return new IpSet(family, new long[] {sh, sl, eh, el});
  }

  /** The block of the given prefix length that contains the address (host bits are cleared). */
  static IpSet prefix(int family, long hi, long lo, int len) {
    int hostBits = (family == 4 ? 32 : 128) - len;
    long maskHi;
    long maskLo;
    if (hostBits >= 128) {
      maskHi = -1L;
      maskLo = -1L;
    } else if (hostBits >= 64) {
      maskLo = -1L;
      maskHi = hostBits == 64 ? 0 : (-1L >>> (128 - hostBits));
    } else {
      maskHi = 0;
      maskLo = hostBits == 0 ? 0 : (-1L >>> (64 - hostBits));
    }
    return new IpSet(family, new long[] {hi & ~maskHi, lo & ~maskLo, hi | maskHi, lo | maskLo});
  }

  public static IpSet of(InetAddress a) {
    long[] x = IpText.fromBytes(a.getAddress());
    return new IpSet((int) x[2], new long[] {x[0], x[1], x[0], x[1]});
  }

  public AddressFamily family() {
    return AddressFamily.of(family);
  }

  public boolean isEmpty() {
    return v.length == 0;
  }

  public boolean isAll() {
    return equals(all(family));
  }

  public int intervalCount() {
    return v.length / 4;
  }

  static int cmp(long ah, long al, long bh, long bl) {
    return IntervalArrays.cmp(ah, al, bh, bl);
  }

  private void requireSameFamily(IpSet o) {
    if (o.family != family) {
      throw new IllegalArgumentException("mixing IPv" + family + " and IPv" + o.family);
    }
  }

  public IpSet intersect(IpSet o) {
    requireSameFamily(o);
    if (isEmpty() || o.isEmpty()) {
      return empty(family);
    }
    if (o.isAll() || this == o) {
      return this;
    }
    if (isAll()) {
      return o;
    }
    if (o.v.length == 4) {
      return with(IntervalArrays.clip(v, o.v[0], o.v[1], o.v[2], o.v[3]));
    }
    if (v.length == 4) {
      return o.with(IntervalArrays.clip(o.v, v[0], v[1], v[2], v[3]));
    }
    // Often one set lies within the other (a decision's addresses within the published ones).
    if (v.length <= o.v.length ? IntervalArrays.within(v, o.v) : IntervalArrays.within(o.v, v)) {
      return v.length <= o.v.length ? this : o;
    }
    if (v.length * IntervalArrays.FEW < o.v.length) {
      return o.with(IntervalArrays.clipAll(o.v, v));
    }
    if (o.v.length * IntervalArrays.FEW < v.length) {
      return with(IntervalArrays.clipAll(v, o.v));
    }
    return with(IntervalArrays.intersect(v, o.v));
  }

  /** This set when {@code intervals} are its own, else the set of this family they make. */
  private IpSet with(long[] intervals) {
    return intervals == v ? this : new IpSet(family, intervals);
  }

  public boolean intersects(IpSet o) {
    requireSameFamily(o);
    return IntervalArrays.intersects(v, o.v);
  }

  public IpSet complement() {
    return new IpSet(family, IntervalArrays.complement(v, all(family).v));
  }

  public IpSet minus(IpSet o) {
    requireSameFamily(o);
    if (isEmpty() || o.isEmpty()) {
      return this;
    }
    return with(IntervalArrays.minus(v, o.v));
  }

  public IpSet union(IpSet o) {
    requireSameFamily(o);
    if (o.isEmpty()) {
      return this;
    }
    if (isEmpty() || Arrays.equals(v, o.v)) {
      return isEmpty() ? o : this;
    }
    return new IpSet(family, IntervalArrays.union(v, o.v));
  }

  /** The union of any number of sets of the same family, merged pairwise (balanced). */
  public static IpSet unionAll(AddressFamily family, List<IpSet> sets) {
    return unionAll(family.version(), sets);
  }

  /** As above, the family by its version number. */
  public static IpSet unionAll(int family, List<IpSet> sets) {
    for (IpSet s : sets) {
      if (s.family != family) {
        throw new IllegalArgumentException("mixing IPv" + family + " and IPv" + s.family);
      }
    }
    if (sets.isEmpty()) {
      return empty(family);
    }
    // Unions of many sets often repeat the same set (the parts of one decision, say): once each.
    List<IpSet> cur = sets.size() > 2 ? new ArrayList<>(new LinkedHashSet<>(sets)) : sets;
    while (cur.size() > 1) {
      List<IpSet> next = new ArrayList<>((cur.size() + 1) / 2);
      for (int i = 0; i < cur.size(); i += 2) {
        next.add(i + 1 < cur.size() ? cur.get(i).union(cur.get(i + 1)) : cur.get(i));
      }
      cur = next;
    }
    return cur.get(0);
  }

  public boolean containsAll(IpSet o) {
    requireSameFamily(o);
    return IntervalArrays.within(o.v, v);
  }

  /** Receives an interval's bounds as unsigned 128-bit (high, low) pairs. */
  public interface IntervalVisitor {
    void visit(long startHigh, long startLow, long endHigh, long endLow);
  }

  public void forEachInterval(IntervalVisitor v) {
    for (int i = 0; i < this.v.length; i += 4) {
      v.visit(this.v[i], this.v[i + 1], this.v[i + 2], this.v[i + 3]);
    }
  }

  /** Compares two unsigned 128-bit numbers given as (high, low) pairs. */
  public static int compare(long ah, long al, long bh, long bl) {
    return cmp(ah, al, bh, bl);
  }

  /** The first address of the set, or empty. */
  public Optional<InetAddress> first() {
    return isEmpty() ? Optional.empty() : Optional.of(IpText.toInet(family, v[0], v[1]));
  }

  /** The last address of the set, or empty. */
  public Optional<InetAddress> last() {
    return isEmpty()
        ? Optional.empty()
        : Optional.of(IpText.toInet(family, v[v.length - 2], v[v.length - 1]));
  }

  /** The intervals of this set, each as a set of its own. */
  public List<IpSet> intervals() {
    List<IpSet> out = new ArrayList<>(intervalCount());
    for (int i = 0; i < v.length; i += 4) {
      out.add(new IpSet(family, Arrays.copyOfRange(v, i, i + 4)));
    }
    return out;
  }

  /** Number of addresses, saturating at Long.MAX_VALUE. */
  public BigInteger size() {
    BigInteger total = BigInteger.ZERO;
    for (int i = 0; i < v.length; i += 4) {
      total = total.add(big(v[i + 2], v[i + 3]).subtract(big(v[i], v[i + 1])).add(BigInteger.ONE));
    }
    return total;
  }

  private static BigInteger big(long h, long l) {
    return new BigInteger(Long.toUnsignedString(h))
        .shiftLeft(64)
        .or(new BigInteger(Long.toUnsignedString(l)));
  }

  /** The smallest list of CIDR blocks that covers exactly this set, in address order. */
  public List<String> toCidrs() {
    List<String> out = new ArrayList<>();
    if (family == 4) {
      for (int i = 0; i < v.length; i += 4) {
        long start = v[i + 1];
        long end = v[i + 3];
        while (start <= end) {
          int size = start == 0 ? 32 : Math.min(Long.numberOfTrailingZeros(start), 32);
          while (size > 0 && start + (1L << size) - 1 > end) {
            size--;
          }
          out.add(Ipv4Text.cidr(start, 32 - size));
          start += 1L << size;
        }
      }
      return out;
    }
    int bits = 128;
    for (int i = 0; i < v.length; i += 4) {
      BigInteger start = big(v[i], v[i + 1]);
      BigInteger end = big(v[i + 2], v[i + 3]);
      while (start.compareTo(end) <= 0) {
        int size = start.signum() == 0 ? bits : Math.min(start.getLowestSetBit(), bits);
        while (size > 0
            && start.add(BigInteger.ONE.shiftLeft(size)).subtract(BigInteger.ONE).compareTo(end)
                > 0) {
          size--;
        }
        out.add(
            IpText.v6(start.shiftRight(64).longValue(), start.longValue()) + "/" + (bits - size));
        start = start.add(BigInteger.ONE.shiftLeft(size));
      }
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IpSet s && s.family == family && Arrays.equals(s.v, v);
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = 31 * family + Arrays.hashCode(v);
      hash = h;
    }
    return h;
  }

  @Override
  public String toString() {
    if (isEmpty()) {
      return "(none)";
    }
    if (isAll()) {
      return family == 4 ? "0.0.0.0/0" : "::/0";
    }
    return String.join(",", toCidrs());
  }
}
