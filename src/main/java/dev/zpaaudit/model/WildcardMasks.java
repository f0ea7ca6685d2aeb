package dev.zpaaudit.model;

import java.util.Optional;

/**
 * IPv4 addresses given as an address and a wildcard mask: the addresses that agree with the address
 * on every bit the mask does not leave free. Expanded into prefixes: the free bits below the lowest
 * fixed bit are a prefix's host part, and each setting of the free bits above it is one prefix.
 */
public final class WildcardMasks {
  private WildcardMasks() {}

  /**
   * The addresses of {@code address} (32 bits) with the bits set in {@code free} left free, or
   * empty when that takes more than {@code maxBlocks} prefixes.
   */
  public static Optional<IpSet> expand(long address, long free, int maxBlocks) {
    free &= 0xFFFFFFFFL;
    int trailing = Math.min(32, Long.numberOfTrailingZeros(~free));
    long scattered = trailing >= 32 ? 0 : free & (0xFFFFFFFFL << trailing) & 0xFFFFFFFFL;
    int k = Long.bitCount(scattered);
    if ((1L << k) > maxBlocks) {
      return Optional.empty();
    }
    int[] bits = new int[k];
    int n = 0;
    for (int b = 0; b < 32; b++) {
      if ((scattered >> b & 1) == 1) {
        bits[n++] = b;
      }
    }
    long base = address & ~free & 0xFFFFFFFFL;
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
