package dev.zpaaudit.eval;

import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.IpSet;
import java.util.List;
import java.util.Set;

/**
 * What is known about addresses, for address-type tests (local, unicast, broadcast...). The kernel
 * classifies an address by the host's local routing table: its own addresses are LOCAL, zero and
 * limited broadcast are BROADCAST, 224/4 is MULTICAST, and any address the local table does not
 * hold is UNICAST. Addresses whose class depends on the host's own configuration are unknown.
 */
public record AddressFacts(IpSet local, IpSet unicast) {

  /** Facts for a family: published ranges are UNICAST; {@code hostAddresses} are LOCAL. */
  public static AddressFacts of(AddressFamily family, IpSet knownUnicast, IpSet hostAddresses) {
    IpSet loop = family == AddressFamily.IPV4 ? IpSet.parse("127.0.0.0/8") : IpSet.parse("::1/128");
    IpSet local = loop.union(hostAddresses);
    return new AddressFacts(
        local,
        knownUnicast
            .minus(local)
            .minus(fixed(family, "MULTICAST"))
            .minus(fixed(family, "BROADCAST")));
  }

  static IpSet fixed(AddressFamily family, String type) {
    if (family == AddressFamily.IPV4) {
      return switch (type) {
        case "MULTICAST" -> IpSet.parse("224.0.0.0/4");
        case "BROADCAST" -> IpSet.parse("0.0.0.0/8").union(IpSet.parse("255.255.255.255"));
        default -> IpSet.empty(4);
      };
    }
    return type.equals("MULTICAST") ? IpSet.parse("ff00::/8") : IpSet.empty(6);
  }

  /** Addresses whose type is known, and the set of types each has: [definite set, maybe set]. */
  List<IpSet> classify(AddressFamily family, Set<String> types, boolean negated) {
    IpSet mc = fixed(family, "MULTICAST");
    IpSet bc = fixed(family, "BROADCAST");
    IpSet known = local.union(unicast).union(mc).union(bc);
    IpSet yes = IpSet.empty(family);
    if (types.contains("LOCAL")) {
      yes = yes.union(local);
    }
    if (types.contains("UNICAST")) {
      yes = yes.union(unicast);
    }
    if (types.contains("MULTICAST")) {
      yes = yes.union(mc);
    }
    if (types.contains("BROADCAST")) {
      yes = yes.union(bc);
    }
    IpSet definite = negated ? known.minus(yes) : yes;
    return List.of(definite, known.complement());
  }
}
