package dev.zpaaudit.ingest.fortios;

import dev.zpaaudit.model.IpSet;
import java.util.Optional;

/**
 * A FortiOS wildcard address: an IPv4 address and a mask whose 1 bits must match it ({@code
 * 10.0.0.1 255.255.0.255} is 10.0.x.1). Expanded into prefixes, one for each setting of the bits
 * the mask leaves free above its trailing run of free bits, up to {@link #MAX_BLOCKS}.
 */
final class Wildcards {
  /** Masks that leave more scattered bits free than this many prefixes are not expanded. */
  static final int MAX_BLOCKS = 4096;

  private Wildcards() {}

  static Optional<IpSet> expand(String address, String mask) {
    long addr = Prefixes.ipv4(address).orElseThrow();
    long free = ~Prefixes.ipv4(mask).orElseThrow() & 0xFFFFFFFFL;
    int trailing = Math.min(32, Long.numberOfTrailingZeros(~free));
    long scattered = trailing >= 32 ? 0 : free & (0xFFFFFFFFL << trailing) & 0xFFFFFFFFL;
    int k = Long.bitCount(scattered);
    if ((1L << k) > MAX_BLOCKS) {
      return Optional.empty();
    }
    int[] bits = new int[k];
    int n = 0;
    for (int b = 0; b < 32; b++) {
      if ((scattered >> b & 1) == 1) {
        bits[n++] = b;
      }
    }
    long base = addr & ~free & 0xFFFFFFFFL;
    IpSet out = IpSet.empty(4);
    for (long combo = 0; combo < (1L << k); combo++) {
      long a = base;
      for (int i = 0; i < k; i++) {
        if ((combo >> i & 1) == 1) {
          a |= 1L << bits[i];
        }
      }
      out = out.union(IpSet.parse(dotted(a) + "/" + (32 - trailing)));
    }
    return Optional.of(out);
  }

  private static String dotted(long a) {
    return ((a >> 24) & 255) + "." + ((a >> 16) & 255) + "." + ((a >> 8) & 255) + "." + (a & 255);
  }
}
