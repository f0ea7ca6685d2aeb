package dev.zpaaudit.ingest.fortios;

import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.Bits;
import dev.zpaaudit.model.Condition;
import dev.zpaaudit.model.Interface;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.PolicyRoute;
import dev.zpaaudit.model.PortSet;
import dev.zpaaudit.model.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lowers a VDOM's policy routes ({@code router policy}) into the neutral model. Judging them is for
 * the checks of the path.
 */
final class FortiosPolicies {
  private final String file;
  private final FortiosMatches matches;

  FortiosPolicies(String file, FortiosMatches matches) {
    this.file = file;
    this.matches = matches;
  }

  List<PolicyRoute> policyRoutes(Vdom v, List<Interface> interfaces) {
    List<PolicyRoute> out = new ArrayList<>();
    for (RoutePolicy r : v.routePolicies()) {
      if (r.enabled()) {
        out.add(policyRoute(r, interfaces));
      }
    }
    return out;
  }

  private PolicyRoute policyRoute(RoutePolicy r, List<Interface> interfaces) {
    List<Condition> match = new ArrayList<>();
    if (!r.inputDevices().isEmpty()) {
      match.add(new Condition.InIface(r.inputDevices(), false));
    }
    AddressFamily family = r.ipv6() ? AddressFamily.IPV6 : AddressFamily.IPV4;
    match.addAll(ends(r.source(), true, family));
    match.addAll(ends(r.destination(), false, family));
    if (r.protocol() != 0) {
      match.add(new Condition.Proto(Bits.of(256, r.protocol())));
    }
    if (r.protocol() == 6 || r.protocol() == 17 || r.protocol() == 132) {
      PortRange p = r.ports();
      if (p.from() != 1 || p.to() != 65535) {
        match.add(new Condition.DstPort(PortSet.range(p.from(), p.to())));
      }
      if (p.sourceFrom() != 1 || p.sourceTo() != 65535) {
        match.add(new Condition.SrcPort(PortSet.range(p.sourceFrom(), p.sourceTo())));
      }
    }
    r.unmodelled().forEach(u -> match.add(new Condition.Unknown(u + " is not modelled")));
    SourceLocation at = new SourceLocation(file, r.line());
    String text = "policy route " + r.id();
    IpSet hop = r.gateway() == null ? null : IpSet.tryParse(r.gateway()).orElse(null);
    if (!r.permit()) {
      return new PolicyRoute(
          at, text + " (action deny)", match, PolicyRoute.Kind.ROUTE, null, null);
    }
    Optional<String> out =
        Optional.ofNullable(r.outputDevice()).or(() -> reaching(hop, interfaces));
    if (out.isEmpty()) {
      match.add(
          new Condition.Unknown(
              text + " names no output-device, and no interface's network holds its gateway"));
      return new PolicyRoute(at, text, match, PolicyRoute.Kind.ROUTE, null, null);
    }
    return new PolicyRoute(at, text, match, PolicyRoute.Kind.FORWARD, out.get(), hop);
  }

  /** The interface whose network holds the gateway, if one does. */
  private static Optional<String> reaching(IpSet hop, List<Interface> interfaces) {
    if (hop == null) {
      return Optional.empty();
    }
    return interfaces.stream().filter(i -> i.reaches(hop)).map(Interface::name).findFirst();
  }

  /** One end's prefixes and objects of the route's family; any address when it names neither. */
  private List<Condition> ends(RoutePolicy.Ends e, boolean source, AddressFamily family) {
    if (e.prefixes().isEmpty() && e.objects().isEmpty()) {
      return List.of();
    }
    AddressResolver.Resolved objects = matches.resolver().resolve(e.objects(), family);
    IpSet known = objects.known();
    List<String> unknown = new ArrayList<>(objects.unknown());
    for (String p : e.prefixes()) {
      IpSet s = IpSet.parse(p);
      if (s.family() == family) {
        known = known.union(s);
      } else {
        unknown.add("'" + p + "' (an address of the other family)");
      }
    }
    return FortiosMatches.side(new AddressResolver.Resolved(known, unknown), e.negate(), source);
  }
}
