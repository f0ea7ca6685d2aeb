package dev.zpaaudit.oracle;

import dev.zpaaudit.model.Condition;
import dev.zpaaudit.model.Filter;
import dev.zpaaudit.model.Firewall;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.PortSet;
import dev.zpaaudit.model.Rule;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The values where a ruleset's verdicts may change: the first and last address of every address set
 * a rule tests and the addresses just outside, the same for port ranges, and the interface names
 * the rules mention (a wildcard {@code eth+} gives two names it matches, {@code eth} and {@code
 * ethz}).
 *
 * <p>Addresses are of one family, as unsigned numbers (32 or 128 bits).
 */
final class Boundaries {
  private static final Pattern IFACE_NAME = Pattern.compile("[^\\s/:]{1,15}");

  /** The IPv6 prefixes flows may use: global unicast and unique local addresses. */
  static final List<String> USABLE6 = List.of("2000::/3", "fc00::/7");

  private static final BigInteger[][] USABLE6_RANGES = {range("2000::", 3), range("fc00::", 7)};

  final int family;
  final TreeSet<BigInteger> addresses = new TreeSet<>();
  final TreeSet<Integer> ports = new TreeSet<>();

  /** Address intervals [first, last] that rules test, to draw addresses inside them. */
  final List<BigInteger[]> intervals = new ArrayList<>();

  final Set<String> interfaces = new LinkedHashSet<>();

  /** Input/output interface pairs that one rule tests together. */
  final Set<List<String>> pairs = new LinkedHashSet<>();

  private Boundaries(int family) {
    this.family = family;
  }

  /** The boundaries of the firewall's rules for one address family (4 or 6). */
  static Boundaries of(Firewall fw, int family) {
    Boundaries b = new Boundaries(family);
    // chains by name: the model's map has no stable order, and the flows must not depend on it
    for (Filter c : new TreeMap<>(fw.filters()).values()) {
      for (Rule r : c.rules()) {
        b.collect(r.match());
      }
    }
    return b;
  }

  private void collect(List<Condition> conds) {
    String in = null;
    String out = null;
    for (Condition c : conds) {
      if (c instanceof Condition.Src x) {
        add(x.set());
      } else if (c instanceof Condition.Dst x) {
        add(x.set());
      } else if (c instanceof Condition.SessionAddr x) {
        add(x.set());
      } else if (c instanceof Condition.SrcPort x) {
        add(x.ports());
      } else if (c instanceof Condition.DstPort x) {
        add(x.ports());
      } else if (c instanceof Condition.EitherPort x) {
        add(x.ports());
      } else if (c instanceof Condition.SessionPort x) {
        add(x.ports());
      } else if (c instanceof Condition.InIface x) {
        in = names(x.patterns());
      } else if (c instanceof Condition.OutIface x) {
        out = names(x.patterns());
      } else if (c instanceof Condition.AnyOf x) {
        x.alternatives().forEach(this::collect);
      }
    }
    if (in != null && out != null && !in.equals(out)) {
      pairs.add(List.of(in, out));
    }
  }

  private void add(IpSet set) {
    if (set.family().version() != family) {
      return;
    }
    for (IpSet iv : set.intervals()) {
      BigInteger first = toNumber(iv.first().orElseThrow());
      BigInteger last = toNumber(iv.last().orElseThrow());
      intervals.add(new BigInteger[] {first, last});
      for (BigInteger a :
          List.of(first.subtract(BigInteger.ONE), first, last, last.add(BigInteger.ONE))) {
        if (usable(family, a)) {
          addresses.add(a);
        }
      }
    }
  }

  private void add(PortSet set) {
    for (int[] r : set.ranges()) {
      for (int p : new int[] {r[0] - 1, r[0], r[1], r[1] + 1}) {
        if (p >= 1 && p <= 65535) {
          ports.add(p);
        }
      }
    }
  }

  /** The interface names standing for the patterns; returns the first, or null. */
  private String names(List<String> patterns) {
    String first = null;
    for (String p : patterns) {
      List<String> names =
          p.endsWith("+") ? wildcardNames(p.substring(0, p.length() - 1)) : List.of(p);
      for (String name : names) {
        if (usableIface(name)) {
          interfaces.add(name);
          first = first == null ? name : first;
        }
      }
    }
    return first;
  }

  /** Names that the wildcard {@code prefix+} matches: the prefix itself and a longer one. */
  private static List<String> wildcardNames(String prefix) {
    if (prefix.isEmpty()) {
      return List.of(); // "+" matches every name: the unmentioned name covers it
    }
    return prefix.length() < 15 ? List.of(prefix, prefix + "z") : List.of(prefix);
  }

  static boolean usableIface(String name) {
    return IFACE_NAME.matcher(name).matches()
        && !name.equals("lo")
        && !name.equals(".")
        && !name.equals("..");
  }

  /**
   * Whether the kernel lab can use the address as an end of a flow. IPv4: not 0/8, 127/8 or 224/3
   * (the kernel treats them as martians) nor 198.18/16 (the lab's own interface addresses). IPv6:
   * only global unicast (2000::/3) and unique local (fc00::/7) addresses; so no unspecified,
   * loopback, IPv4-mapped, link-local or multicast address.
   */
  static boolean usable(int family, BigInteger a) {
    if (family == 4) {
      return a.signum() >= 0 && a.bitLength() <= 32 && usable(a.longValueExact());
    }
    if (a.signum() < 0 || a.bitLength() > 128) {
      return false;
    }
    return Arrays.stream(USABLE6_RANGES).anyMatch(r -> within(a, r));
  }

  static boolean usable(InetAddress a) {
    return usable(a.getAddress().length == 4 ? 4 : 6, toNumber(a));
  }

  private static boolean within(BigInteger a, BigInteger[] range) {
    return a.compareTo(range[0]) >= 0 && a.compareTo(range[1]) <= 0;
  }

  private static BigInteger[] range(String address, int prefix) {
    try {
      BigInteger first = toNumber(InetAddress.getByName(address));
      BigInteger size = BigInteger.ONE.shiftLeft(128 - prefix);
      return new BigInteger[] {first, first.add(size).subtract(BigInteger.ONE)};
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static boolean usable(long a) {
    if (a < 0 || a > 0xFFFFFFFFL) {
      return false;
    }
    long first = a >>> 24;
    long second = (a >>> 16) & 0xFF;
    return first != 0 && first != 127 && first < 224 && !(first == 198 && second == 18);
  }

  /** The address as an unsigned number. */
  static BigInteger toNumber(InetAddress a) {
    return new BigInteger(1, a.getAddress());
  }

  /** The address of the family with this number. */
  static InetAddress toInet(int family, BigInteger a) {
    int bytes = family == 4 ? 4 : 16;
    byte[] raw = a.toByteArray();
    byte[] b = new byte[bytes];
    int n = Math.min(raw.length, bytes);
    System.arraycopy(raw, raw.length - n, b, bytes - n, n);
    try {
      return InetAddress.getByAddress(b);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
