package dev.zpaaudit.ingest.asa;

import dev.zpaaudit.model.Condition;
import dev.zpaaudit.model.Interface;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.Network;
import dev.zpaaudit.model.PolicyRoute;
import dev.zpaaudit.model.Route;
import dev.zpaaudit.model.SourceLocation;
import java.util.ArrayList;
import java.util.List;

/**
 * The ASA's interfaces (by {@code nameif}, with their networks and MTU, 1500 unless {@code mtu}
 * says), static routes, and crypto maps: the traffic a crypto map's ACL permits leaves the
 * interface it is applied to inside IPsec, a policy route into a tunnel of its own carried over
 * that interface (the ASA's filters see it leave that interface).
 */
final class AsaNetwork {
  /** The MTU of an interface without an {@code mtu} command. */
  static final int DEFAULT_MTU = 1500;

  private AsaNetwork() {}

  static Network of(AsaConfig c, AsaMatches matches) {
    List<Interface> ifs = new ArrayList<>();
    for (AsaInterface i : c.interfaces()) {
      if (i.nameif() == null) {
        continue;
      }
      List<IpSet> nets = new ArrayList<>();
      i.addresses().forEach(a -> IpSet.tryParse(a).ifPresent(nets::add));
      ifs.add(
          new Interface(
              i.nameif(),
              null,
              nets,
              c.mtus().getOrDefault(i.nameif(), DEFAULT_MTU),
              i.tunnel() ? Interface.Kind.TUNNEL : Interface.Kind.PHYSICAL,
              new SourceLocation(c.file(), i.line()),
              i.tunnel() ? "ipsec" : null));
    }
    List<Route> routes = new ArrayList<>();
    for (AsaConfig.StaticRoute r : c.routes()) {
      routes.add(
          new Route(
              r.destination(),
              r.length(),
              r.nameif(),
              r.gateway(),
              r.distance(),
              false,
              "route " + r.nameif() + " " + r.destination(),
              new SourceLocation(c.file(), r.line())));
    }
    List<PolicyRoute> policy = new ArrayList<>();
    for (AsaConfig.CryptoMap m : c.cryptoMaps()) {
      if (m.nameif() == null) {
        continue;
      }
      String tunnel = "crypto map " + m.name() + " " + m.sequence();
      ifs.add(
          new Interface(
              tunnel,
              null,
              List.of(),
              null,
              Interface.Kind.TUNNEL,
              new SourceLocation(c.file(), m.line()),
              "ipsec",
              m.nameif()));
      policy.add(
          new PolicyRoute(
              new SourceLocation(c.file(), m.line()),
              tunnel + " (access-list " + m.acl() + ", on " + m.nameif() + ")",
              List.of(chosen(c, m, matches)),
              PolicyRoute.Kind.FORWARD,
              tunnel,
              null));
    }
    return new Network(ifs, routes, policy);
  }

  /** The traffic a crypto map's ACL chooses: its permit lines; a deny line leaves it unknown. */
  private static Condition chosen(AsaConfig c, AsaConfig.CryptoMap m, AsaMatches matches) {
    List<List<Condition>> alts = new ArrayList<>();
    for (AclEntry e : c.acls().getOrDefault(m.acl(), List.of())) {
      if (e.inactive()) {
        continue;
      }
      if (!e.permit()) {
        return new Condition.Unknown(
            "crypto map "
                + m.name()
                + ": access-list "
                + m.acl()
                + " has deny lines, not modelled");
      }
      alts.add(matches.entry(e));
    }
    return new Condition.AnyOf(alts);
  }
}
