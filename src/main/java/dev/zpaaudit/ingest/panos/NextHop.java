package dev.zpaaudit.ingest.panos;

/** A static route's {@code <nexthop>}. */
public sealed interface NextHop {
  /** {@code <ip-address>} or {@code <ipv6-address>}: an address or an address object name. */
  record Address(String address) implements NextHop {
    public Address {
      Checks.name(address, "next hop address");
    }
  }

  /** {@code <next-vr>}: look the destination up in another virtual router. */
  record NextVr(String virtualRouter) implements NextHop {
    public NextVr {
      Checks.name(virtualRouter, "next virtual router");
    }
  }

  /** {@code <discard>}: drop what the route matches. */
  record Discard() implements NextHop {}

  /** No next hop: the destination is reached directly out of the route's interface. */
  record None() implements NextHop {}
}
