package dev.zpaaudit.ingest.panos;

import static dev.zpaaudit.ingest.panos.Elements.entries;
import static dev.zpaaudit.ingest.panos.Elements.members;
import static dev.zpaaudit.ingest.panos.Elements.name;
import static dev.zpaaudit.ingest.panos.Elements.text;
import static dev.zpaaudit.ingest.panos.Elements.yes;

import dev.zpaaudit.io.XmlElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads virtual routers: interfaces and static routes; says which dynamic routing is enabled. */
final class RoutingReader {
  private final Reading r;

  RoutingReader(Reading r) {
    this.r = r;
  }

  List<VirtualRouter> read(XmlElement network) {
    List<VirtualRouter> routers = new ArrayList<>();
    for (XmlElement vr : entries(r, network, "virtual-router")) {
      routers.add(virtualRouter(vr));
    }
    return routers;
  }

  private VirtualRouter virtualRouter(XmlElement vr) {
    String subject = "virtual router '" + name(vr) + "'";
    vr.child("protocol").ifPresent(p -> protocols(p, subject));
    vr.child("ecmp")
        .filter(e -> yes(r, e, "enable", subject))
        .ifPresent(e -> r.unmodelled(e, "ecmp", subject + " spreads flows over equal routes"));
    List<StaticRoute> routes = new ArrayList<>();
    Optional<XmlElement> table = vr.child("routing-table");
    table.flatMap(t -> t.child("ip")).ifPresent(ip -> routes(ip, StaticRoute.Family.IPV4, routes));
    table
        .flatMap(t -> t.child("ipv6"))
        .ifPresent(ip -> routes(ip, StaticRoute.Family.IPV6, routes));
    return new VirtualRouter(name(vr), members(vr, "interface"), routes, vr.line());
  }

  /** A routing protocol that is enabled learns routes this reader does not know. */
  private void protocols(XmlElement protocol, String subject) {
    for (XmlElement p : protocol.children()) {
      if (p.child("enable").isPresent() && yes(r, p, "enable", subject)) {
        r.unmodelled(p, p.name(), subject + " learns routes from it");
      }
    }
  }

  private void routes(XmlElement family, StaticRoute.Family f, List<StaticRoute> into) {
    for (XmlElement e : entries(r, family, "static-route")) {
      route(e, f).ifPresent(into::add);
    }
  }

  private Optional<StaticRoute> route(XmlElement e, StaticRoute.Family family) {
    String subject = "static route '" + name(e) + "'";
    Optional<String> destination = text(e, "destination");
    if (destination.isEmpty()) {
      r.error(e, subject + " has no destination");
      return Optional.empty();
    }
    checkInstalled(e, subject);
    e.child("path-monitor")
        .filter(p -> yes(r, p, "enable", subject))
        .ifPresent(
            p ->
                r.unmodelled(
                    p,
                    "path-monitor",
                    subject + " is withdrawn when its" + " monitored destinations fail"));
    e.child("bfd")
        .flatMap(b -> text(b, "profile"))
        .filter(p -> !p.equals("None"))
        .ifPresent(
            p ->
                r.unmodelled(
                    e.child("bfd").orElseThrow(), "bfd", subject + " is withdrawn when BFD fails"));
    return Optional.of(
        new StaticRoute(
            name(e),
            family,
            destination.get(),
            nextHop(e),
            text(e, "interface"),
            Elements.integer(r, e, "metric", 1, 65535, subject),
            Elements.integer(r, e, "admin-dist", 10, 240, subject),
            e.line()));
  }

  private static NextHop nextHop(XmlElement route) {
    Optional<XmlElement> nh = route.child("nexthop").flatMap(Elements::firstChild);
    if (nh.isEmpty()) {
      return new NextHop.None();
    }
    XmlElement n = nh.get();
    return switch (n.name()) {
      case "ip-address", "ipv6-address" ->
          n.value().isEmpty() ? new NextHop.None() : new NextHop.Address(n.value());
      case "next-vr" -> n.value().isEmpty() ? new NextHop.None() : new NextHop.NextVr(n.value());
      case "discard" -> new NextHop.Discard();
      default -> new NextHop.None(); // fqdn: reported as not modelled by the support check
    };
  }

  /**
   * {@code <route-table>}: a route for multicast only, or not installed, is not a unicast route.
   */
  private void checkInstalled(XmlElement e, String subject) {
    Optional<XmlElement> table = e.child("route-table").flatMap(Elements::firstChild);
    if (table.isPresent() && !List.of("unicast", "both").contains(table.get().name())) {
      r.unmodelled(
          e.child("route-table").orElseThrow(),
          "route-table",
          subject + " is for " + table.get().name() + ", not unicast; read as installed");
    }
  }
}
