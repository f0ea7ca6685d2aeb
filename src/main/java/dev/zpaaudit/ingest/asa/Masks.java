package dev.zpaaudit.ingest.asa;

import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.WildcardMasks;
import java.util.Optional;

/**
 * An IPv4 address and netmask: a prefix, or for a mask that is not contiguous the addresses it
 * matches.
 */
final class Masks {
  /** Non-contiguous masks that would take more prefixes than this are not expanded. */
  static final int MAX_BLOCKS = 4096;

  private Masks() {}

  static Optional<IpSet> of(String address, String mask) {
    Optional<Long> a = v4(address);
    Optional<Long> m = v4(mask);
    if (a.isEmpty() || m.isEmpty()) {
      return Optional.empty();
    }
    long bits = m.get();
    int len = Long.bitCount(bits);
    long contiguous = len == 0 ? 0 : (0xFFFFFFFFL << (32 - len)) & 0xFFFFFFFFL;
    if (bits == contiguous) {
      long net = a.get() & bits;
      return IpSet.tryParse(dotted(net) + "/" + len);
    }
    return WildcardMasks.expand(a.get(), ~bits & 0xFFFFFFFFL, MAX_BLOCKS);
  }

  /** The prefix length of a contiguous mask, or -1. */
  static int length(String mask) {
    Optional<Long> m = v4(mask);
    if (m.isEmpty()) {
      return -1;
    }
    int len = Long.bitCount(m.get());
    long contiguous = len == 0 ? 0 : (0xFFFFFFFFL << (32 - len)) & 0xFFFFFFFFL;
    return m.get() == contiguous ? len : -1;
  }

  static Optional<Long> v4(String s) {
    String[] p = s.split("\\.", -1);
    if (p.length != 4) {
      return Optional.empty();
    }
    long v = 0;
    for (String x : p) {
      if (!x.matches("\\d{1,3}") || Integer.parseInt(x) > 255) {
        return Optional.empty();
      }
      v = v << 8 | Integer.parseInt(x);
    }
    return Optional.of(v);
  }

  static String dotted(long a) {
    return ((a >> 24) & 255) + "." + ((a >> 16) & 255) + "." + ((a >> 8) & 255) + "." + (a & 255);
  }
}
