package dev.zpaaudit.ingest.fortios;

import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.WildcardMasks;
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
    return WildcardMasks.expand(addr, free, MAX_BLOCKS);
  }
}
