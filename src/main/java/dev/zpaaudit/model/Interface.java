package dev.zpaaudit.model;

import java.util.List;
import java.util.Objects;

/**
 * An interface of a device: its name, the zone it belongs to (null where the device has no zones),
 * the networks its addresses are on, its MTU (null when the export does not say), what kind of link
 * it is, and for a tunnel its encapsulation as the export names it ("vxlan", "gre"; null when it
 * does not say). A tunnel carried over another interface names it in {@code over}: a policy-based
 * VPN, which takes only traffic that the routes send out of that interface, encrypted on its way
 * out (the device's filters see it leave that interface); null for any other interface.
 */
public record Interface(
    String name,
    String zone,
    List<IpSet> networks,
    Integer mtu,
    Kind kind,
    SourceLocation location,
    String encapsulation,
    String over) {
  /** An interface that no other carries as the filters see it. */
  public Interface(
      String name,
      String zone,
      List<IpSet> networks,
      Integer mtu,
      Kind kind,
      SourceLocation location,
      String encapsulation) {
    this(name, zone, networks, mtu, kind, location, encapsulation, null);
  }

  /** An interface whose encapsulation the export does not name. */
  public Interface(
      String name,
      String zone,
      List<IpSet> networks,
      Integer mtu,
      Kind kind,
      SourceLocation location) {
    this(name, zone, networks, mtu, kind, location, null, null);
  }

  /** What carries the interface's packets. */
  public enum Kind {
    PHYSICAL,
    SUBINTERFACE,
    AGGREGATE,
    TUNNEL,
    LOOPBACK
  }

  public Interface {
    Objects.requireNonNull(name, "name");
    networks = List.copyOf(networks);
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(location, "location");
    if (over != null && kind != Kind.TUNNEL) {
      throw new IllegalArgumentException("only a tunnel is carried over another interface");
    }
  }

  /** Whether an address of {@code family} in {@code set} is on one of this interface's networks. */
  public boolean reaches(IpSet set) {
    return networks.stream().anyMatch(n -> n.family() == set.family() && n.containsAll(set));
  }
}
