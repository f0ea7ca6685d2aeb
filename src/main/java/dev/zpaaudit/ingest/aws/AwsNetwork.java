package dev.zpaaudit.ingest.aws;

import dev.zpaaudit.diag.Diagnostic;
import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.Interface;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.Network;
import dev.zpaaudit.model.Route;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the connector's subnet sends traffic: the connector's network interface, on its subnet's
 * blocks, and each target of the subnet's route table as an interface that packets leave by. An
 * internet, egress-only, NAT or carrier gateway is a plain link; a virtual private gateway carries
 * a Site-to-Site VPN, IPsec: a tunnel. What lies behind a transit gateway, a peering connection, an
 * instance or another interface is not in the export: such a target is no interface of the model,
 * so what is routed to it is left open. A route in state blackhole discards; one to a prefix list
 * is one route per block of the list, where the export holds them. What no route matches is
 * dropped: a table without a default route has a discarding one, named for that.
 */
final class AwsNetwork {
  /** The targets that are a plain link, and the one that is a tunnel. */
  private static final Set<VpcRoute.Target> PLAIN =
      Set.of(
          VpcRoute.Target.INTERNET_GATEWAY,
          VpcRoute.Target.EGRESS_ONLY_GATEWAY,
          VpcRoute.Target.NAT_GATEWAY,
          VpcRoute.Target.CARRIER_GATEWAY);

  /** The encapsulation of a Site-to-Site VPN, as rules/encapsulation.yaml names it. */
  static final String VPN_ENCAPSULATION = "ipsec";

  private final Ec2Export export;
  private final List<Diagnostic> diagnostics;

  AwsNetwork(Ec2Export export, List<Diagnostic> diagnostics) {
    this.export = export;
    this.diagnostics = diagnostics;
  }

  Network of(NetworkInterface eni, Subnet subnet, RouteTable table) {
    List<IpSet> networks = subnet != null ? subnet.cidrs() : eni.addresses();
    Map<String, Interface> ifs = new LinkedHashMap<>();
    ifs.put(
        eni.id(), new Interface(eni.id(), null, networks, null, Interface.Kind.PHYSICAL, eni.at()));
    List<Route> routes = new ArrayList<>();
    if (table != null) {
      for (VpcRoute r : table.routes()) {
        for (IpSet dst : destinations(r)) {
          routes.add(route(table, r, dst, eni));
        }
        if (!r.blackhole()) {
          target(r).ifPresent(i -> ifs.putIfAbsent(i.name(), i));
        }
      }
      routes.addAll(noRoute(table, eni, routes));
    }
    return new Network(new ArrayList<>(ifs.values()), routes, List.of());
  }

  /**
   * What no route of a table matches, the VPC drops: for each family the interface has an address
   * of and the table no default route for, a discarding default route named for that.
   */
  private static List<Route> noRoute(RouteTable table, NetworkInterface eni, List<Route> routes) {
    List<Route> out = new ArrayList<>();
    for (AddressFamily fam : AddressFamily.values()) {
      boolean used = eni.addresses().stream().anyMatch(a -> a.family() == fam);
      boolean covered =
          routes.stream().anyMatch(r -> r.prefixLength() == 0 && r.destination().family() == fam);
      if (used && !covered) {
        out.add(
            new Route(
                IpSet.all(fam),
                0,
                null,
                null,
                Integer.MAX_VALUE,
                true,
                "the implicit drop of " + table.label() + ", for what no route matches",
                table.at()));
      }
    }
    return out;
  }

  private List<IpSet> destinations(VpcRoute r) {
    if (r.destination() != null) {
      return List.of(r.destination());
    }
    PrefixList l = export.prefixLists().get(r.destinationText());
    if (l != null && l.known()) {
      return l.entries();
    }
    diagnostics.add(
        new Diagnostic(
            Diagnostic.Severity.WARNING,
            r.at(),
            "route to prefix list "
                + r.destinationText()
                + " not modelled: its entries are not in the export"));
    return List.of();
  }

  private static Route route(RouteTable table, VpcRoute r, IpSet dst, NetworkInterface eni) {
    int len = prefixLength(dst);
    String name =
        "route "
            + (r.destination() != null
                ? r.destinationText()
                : dst + " (" + r.destinationText() + ")")
            + (r.kind() == VpcRoute.Target.LOCAL
                ? " local"
                : " via " + r.kind().words() + " " + r.target())
            + " in "
            + table.label()
            + (r.propagated() ? " (propagated)" : "")
            + (r.blackhole() ? " (blackhole: its target is gone)" : "");
    String out = r.kind() == VpcRoute.Target.LOCAL ? eni.id() : r.target();
    int metric = r.propagated() ? 1 : 0;
    return new Route(
        dst, len, r.blackhole() ? null : out, null, metric, r.blackhole(), name, r.at());
  }

  private static java.util.Optional<Interface> target(VpcRoute r) {
    Interface.Kind kind;
    String encapsulation = null;
    if (PLAIN.contains(r.kind())) {
      kind = Interface.Kind.PHYSICAL;
    } else if (r.kind() == VpcRoute.Target.VPN_GATEWAY) {
      kind = Interface.Kind.TUNNEL;
      encapsulation = VPN_ENCAPSULATION;
    } else {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        new Interface(r.target(), null, List.of(), null, kind, r.at(), encapsulation));
  }

  static int prefixLength(IpSet block) {
    return block.family().bits() - (block.size().bitLength() - 1);
  }
}
