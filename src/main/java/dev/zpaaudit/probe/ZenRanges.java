package dev.zpaaudit.probe;

import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.IpSet;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * The published ZEN ranges the probes judge answers against, with where they came from.
 *
 * @param source provenance label (a file name or the embedded snapshot's name)
 * @param entries how many entries the source listed (before merging)
 */
public record ZenRanges(IpSet v4, IpSet v6, String source, int entries) {
  public ZenRanges {
    Objects.requireNonNull(source, "source");
    v4 = v4 == null ? IpSet.empty(4) : v4;
    v6 = v6 == null ? IpSet.empty(6) : v6;
    if (v4.family() != AddressFamily.IPV4 || v6.family() != AddressFamily.IPV6) {
      throw new IllegalArgumentException("ranges given in the wrong address family");
    }
  }

  /**
   * Whether the address is inside the ranges; empty when that cannot be told (an IPv6 address while
   * no IPv6 ranges are loaded).
   */
  public Optional<Boolean> contains(InetAddress a) {
    IpSet one = IpSet.of(a);
    if (a instanceof Inet4Address) {
      return Optional.of(v4.containsAll(one));
    }
    return v6.isEmpty() ? Optional.empty() : Optional.of(v6.containsAll(one));
  }
}
