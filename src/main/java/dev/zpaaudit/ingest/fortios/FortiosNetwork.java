package dev.zpaaudit.ingest.fortios;

import dev.zpaaudit.diag.Diagnostic;
import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.Interface;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.Route;
import dev.zpaaudit.model.SourceLocation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A VDOM's network lowered into the neutral model: its interfaces with their zones, networks, MTU
 * ({@code mtu} where {@code mtu-override} is on, else 1500; a tunnel's is not said) and kind; its
 * static routes, preferred by {@code distance}. A route that cannot be lowered exactly (SD-WAN, a
 * destination object that is not a prefix) is left out with a warning, so that what is inferred
 * from the routes is said to be partial.
 */
record FortiosNetwork(
    List<Interface> interfaces, List<Route> routes, List<Diagnostic> diagnostics) {
  /** The MTU of a FortiOS interface without {@code mtu-override}. */
  static final int DEFAULT_MTU = 1500;

  static FortiosNetwork of(String file, Vdom v, AddressResolver resolver) {
    Map<String, String> zoneOf = new HashMap<>();
    for (Zone z : v.zones()) {
      z.interfaces().forEach(i -> zoneOf.putIfAbsent(i, z.name()));
    }
    List<Interface> ifs = new ArrayList<>();
    for (FortiosInterface i : v.interfaces()) {
      List<IpSet> nets = new ArrayList<>();
      i.addresses().forEach(a -> IpSet.tryParse(a).ifPresent(nets::add));
      Interface.Kind kind = kind(i);
      Integer mtu = i.mtu() != null ? i.mtu() : kind == Interface.Kind.TUNNEL ? null : DEFAULT_MTU;
      SourceLocation at = new SourceLocation(file, i.line());
      ifs.add(new Interface(i.name(), zoneOf.get(i.name()), nets, mtu, kind, at, encapsulation(i)));
    }
    List<Route> routes = new ArrayList<>();
    List<Diagnostic> diags = new ArrayList<>();
    for (StaticRoute r : v.routes()) {
      route(file, r, resolver, diags).ifPresent(routes::add);
    }
    return new FortiosNetwork(ifs, routes, diags);
  }

  static Interface.Kind kind(FortiosInterface i) {
    return switch (i.type()) {
      case "tunnel", NetworkReader.IPSEC, NetworkReader.GRE -> Interface.Kind.TUNNEL;
      case "loopback" -> Interface.Kind.LOOPBACK;
      case "aggregate", "redundant" -> Interface.Kind.AGGREGATE;
      case "vlan" -> Interface.Kind.SUBINTERFACE;
      default -> i.vlanId() != null ? Interface.Kind.SUBINTERFACE : Interface.Kind.PHYSICAL;
    };
  }

  /** The encapsulation, by its name in rules/encapsulation.yaml, where the export says it. */
  static String encapsulation(FortiosInterface i) {
    return switch (i.type()) {
      case NetworkReader.IPSEC -> "ipsec";
      case NetworkReader.GRE -> "gre";
      default -> null;
    };
  }

  private static Optional<Route> route(
      String file, StaticRoute r, AddressResolver resolver, List<Diagnostic> diags) {
    SourceLocation at = new SourceLocation(file, r.line());
    String name = "static route " + r.id();
    if (!r.enabled()) {
      return Optional.empty();
    }
    if (!r.unmodelled().isEmpty()) {
      diags.add(
          warning(
              at,
              name
                  + " ("
                  + String.join(", ", r.unmodelled())
                  + ") is not modelled; routes inferred leave it out"));
      return Optional.empty();
    }
    Optional<String> prefix = destination(r, resolver);
    if (prefix.isEmpty()) {
      diags.add(
          warning(
              at,
              name
                  + ": dstaddr '"
                  + r.destinationObject()
                  + "' is not one prefix; routes inferred leave it out"));
      return Optional.empty();
    }
    IpSet dst = IpSet.parse(prefix.get());
    int len = Integer.parseInt(prefix.get().substring(prefix.get().indexOf('/') + 1));
    IpSet hop = r.gateway() == null ? null : IpSet.tryParse(r.gateway()).orElse(null);
    return Optional.of(
        new Route(
            dst,
            len,
            r.blackhole() ? null : r.device(),
            r.blackhole() ? null : hop,
            r.distance(),
            r.blackhole(),
            name,
            at));
  }

  /** The destination prefix, written or the one of its address object. */
  private static Optional<String> destination(StaticRoute r, AddressResolver resolver) {
    if (r.destinationObject() == null) {
      return Optional.ofNullable(r.destination());
    }
    AddressResolver.Resolved a =
        resolver.resolve(List.of(r.destinationObject()), AddressFamily.IPV4);
    if (!a.unknown().isEmpty()) {
      return Optional.empty();
    }
    List<String> cidrs = a.known().toCidrs();
    return cidrs.size() == 1 ? Optional.of(cidrs.get(0)) : Optional.empty();
  }

  private static Diagnostic warning(SourceLocation at, String message) {
    return new Diagnostic(Diagnostic.Severity.WARNING, at, message);
  }
}
