package dev.zpaaudit.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An immutable set of numbers 0..65535 (ports; for ICMP the type or code), as sorted, disjoint,
 * non-adjacent closed intervals.
 */
public final class PortSet {
  public static final int MAX = 65535;
  private static final PortSet EMPTY = new PortSet(new int[0]);
  private static final PortSet ALL = new PortSet(new int[] {0, MAX});

  private final int[] v;

  private PortSet(int[] v) {
    this.v = v;
  }

  public static PortSet empty() {
    return EMPTY;
  }

  public static PortSet all() {
    return ALL;
  }

  public static PortSet of(int port) {
    return range(port, port);
  }

  public static PortSet range(int from, int to) {
    if (from < 0 || to > MAX || from > to) {
      throw new IllegalArgumentException("not a port range: " + from + "-" + to);
    }
    return from == 0 && to == MAX ? ALL : new PortSet(new int[] {from, to});
  }

  public boolean isEmpty() {
    return v.length == 0;
  }

  public boolean isAll() {
    return v.length == 2 && v[0] == 0 && v[1] == MAX;
  }

  public boolean contains(int p) {
    for (int i = 0; i < v.length; i += 2) {
      if (p >= v[i] && p <= v[i + 1]) {
        return true;
      }
    }
    return false;
  }

  public PortSet intersect(PortSet o) {
    if (o.isAll() || o == this) {
      return this;
    }
    if (isAll()) {
      return o;
    }
    int[] out = new int[v.length + o.v.length];
    int n = 0;
    int i = 0;
    int j = 0;
    while (i < v.length && j < o.v.length) {
      int s = Math.max(v[i], o.v[j]);
      int e = Math.min(v[i + 1], o.v[j + 1]);
      if (s <= e) {
        out[n++] = s;
        out[n++] = e;
      }
      if (v[i + 1] <= o.v[j + 1]) {
        i += 2;
      } else {
        j += 2;
      }
    }
    return n == 0 ? EMPTY : new PortSet(Arrays.copyOf(out, n));
  }

  public PortSet complement() {
    int[] out = new int[v.length + 2];
    int n = 0;
    int c = 0;
    for (int i = 0; i < v.length; i += 2) {
      if (c < v[i]) {
        out[n++] = c;
        out[n++] = v[i] - 1;
      }
      c = v[i + 1] + 1;
    }
    if (c <= MAX) {
      out[n++] = c;
      out[n++] = MAX;
    }
    return n == 0 ? EMPTY : new PortSet(Arrays.copyOf(out, n));
  }

  public PortSet minus(PortSet o) {
    return o.isEmpty() ? this : intersect(o.complement());
  }

  public PortSet union(PortSet o) {
    return complement().intersect(o.complement()).complement();
  }

  public List<int[]> ranges() {
    List<int[]> out = new ArrayList<>();
    for (int i = 0; i < v.length; i += 2) {
      out.add(new int[] {v[i], v[i + 1]});
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PortSet p && Arrays.equals(p.v, v);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(v);
  }

  @Override
  public String toString() {
    if (isAll()) {
      return "any";
    }
    if (isEmpty()) {
      return "(none)";
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < v.length; i += 2) {
      if (sb.length() > 0) {
        sb.append(',');
      }
      sb.append(v[i]);
      if (v[i + 1] != v[i]) {
        sb.append('-').append(v[i + 1]);
      }
    }
    return sb.toString();
  }
}
