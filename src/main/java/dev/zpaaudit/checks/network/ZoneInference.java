package dev.zpaaudit.checks.network;

import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.Condition;
import dev.zpaaudit.model.Filter;
import dev.zpaaudit.model.Firewall;
import dev.zpaaudit.model.Interface;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.PolicyRoute;
import dev.zpaaudit.model.Rule;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Where the connectors' traffic crosses a zoned firewall, inferred from its interfaces and routes:
 * the zone of the interface whose network holds the connectors, and the zone of the interface the
 * routes send the published ranges out of. What cannot be inferred stays open (any zone), and the
 * notes say why, so that a verdict depending on it says which option settles it.
 */
public final class ZoneInference {
  /** The zones found (null: not inferred) and how each was found or why not. */
  public record Result(String from, String to, List<String> notes) {
    public Result {
      notes = List.copyOf(notes);
    }
  }

  private ZoneInference() {}

  /**
   * The zone of a named interface of the firewall, if it has one; for a firewall without zones, the
   * interface itself, if it has it.
   */
  public static Optional<String> zoneOf(Firewall fw, String iface) {
    return fw.interfaces().stream()
        .filter(i -> i.name().equals(iface) && side(fw, i) != null)
        .map(i -> side(fw, i))
        .findFirst();
  }

  /**
   * What a firewall's filters tell traffic apart by, for an interface: its zone on a zoned firewall
   * (null if it is in none), else its name.
   */
  static String side(Firewall fw, Interface i) {
    return fw.zoned() ? i.zone() : i.name();
  }

  /**
   * The zones a zoned firewall knows (or the interfaces of one without zones): those of its
   * interfaces and those its rules name (the names its interface tests hold), sorted.
   */
  public static SortedSet<String> zones(Firewall fw) {
    SortedSet<String> out = new TreeSet<>();
    fw.interfaces().stream().map(i -> side(fw, i)).filter(z -> z != null).forEach(out::add);
    for (Filter f : fw.filters().values()) {
      for (Rule r : f.rules()) {
        collect(r.match(), out);
      }
    }
    return out;
  }

  private static void collect(List<Condition> conds, Set<String> out) {
    for (Condition c : conds) {
      if (c instanceof Condition.InIface i) {
        out.addAll(i.patterns());
      } else if (c instanceof Condition.OutIface o) {
        out.addAll(o.patterns());
      } else if (c instanceof Condition.AnyOf any) {
        any.alternatives().forEach(alt -> collect(alt, out));
      } else if (c instanceof Condition.Not not) {
        collect(not.of(), out);
      }
    }
  }

  public static Result infer(
      Firewall fw, List<IpSet> connectors, Map<AddressFamily, IpSet> published) {
    List<String> notes = new ArrayList<>();
    String from = from(fw, connectors, notes);
    String to = to(fw, published, notes);
    return new Result(from, to, notes);
  }

  private static String from(Firewall fw, List<IpSet> connectors, List<String> notes) {
    if (connectors.isEmpty()) {
      notes.add(
          "any (no --connector to infer it from; give --connector or " + flag(fw, true) + ")");
      return null;
    }
    String zone = null;
    List<String> how = new ArrayList<>();
    for (IpSet c : connectors) {
      Optional<Interface> on =
          fw.interfaces().stream().filter(i -> side(fw, i) != null && i.reaches(c)).findFirst();
      if (on.isEmpty()) {
        notes.add(
            "any (connector "
                + c
                + (fw.zoned()
                    ? " is on no zoned interface's network in "
                    : " is on no interface's network in ")
                + fw.source()
                + "; give "
                + flag(fw, true)
                + ")");
        return null;
      }
      if (zone != null && !zone.equals(side(fw, on.get()))) {
        notes.add(
            "any (the connectors are "
                + (fw.zoned() ? "in zones " : "on interfaces ")
                + zone
                + " and "
                + side(fw, on.get())
                + "; audit each with its --connector, or give "
                + flag(fw, true)
                + ")");
        return null;
      }
      zone = side(fw, on.get());
      how.add(c + " on " + on.get().name() + " (" + on.get().location() + ")");
    }
    notes.add(zone + " (inferred: connector " + String.join(", ", how) + ")");
    return zone;
  }

  /** The option that names the side the inference would find. */
  private static String flag(Firewall fw, boolean from) {
    return fw.zoned()
        ? (from ? "--from-zone" : "--to-zone")
        : (from ? "--in-interface" : "--out-interface");
  }

  /**
   * The side of the interface that a policy route's tunnel is carried over (a policy-based VPN,
   * which takes only traffic the routes send out of that interface), or null for any other policy
   * route, which may send traffic elsewhere than the routes.
   */
  private static String carrier(Firewall fw, PolicyRoute p) {
    Interface tunnel = Routing.carriedTunnel(fw, p);
    Interface over = tunnel == null ? null : Routing.iface(fw, tunnel.over());
    return over == null ? null : side(fw, over);
  }

  /** "TUNNEL-ROUTE (file:line) carries its traffic", or how many policy routes do. */
  private static String tunnels(List<PolicyRoute> pbf) {
    return pbf.size() == 1
        ? pbf.get(0).text() + " (" + pbf.get(0).location() + ") carries its traffic"
        : pbf.size() + " policy routes into tunnels carry their traffic";
  }

  /** One interval of destinations and where the routes send it. */
  private record Leg(IpSet part, String zone, String how) {}

  private static String to(Firewall fw, Map<AddressFamily, IpSet> published, List<String> notes) {
    List<PolicyRoute> pbf =
        fw.network().policyRoutes().stream()
            .filter(p -> p.kind() != PolicyRoute.Kind.ROUTE)
            .toList();
    List<PolicyRoute> elsewhere = pbf.stream().filter(p -> carrier(fw, p) == null).toList();
    if (!elsewhere.isEmpty()) {
      notes.add(
          "any (policy-based forwarding may send the traffic elsewhere than the routes say: "
              + elsewhere.get(0).text()
              + " ("
              + elsewhere.get(0).location()
              + ")"
              + (elsewhere.size() > 1 ? " and " + (elsewhere.size() - 1) + " more" : "")
              + "; give "
              + flag(fw, false)
              + ")");
      return null;
    }
    List<Leg> legs = new ArrayList<>();
    for (IpSet zen : published.values()) {
      legs.addAll(legs(fw, zen));
    }
    Map<String, List<Leg>> byZone = new LinkedHashMap<>();
    for (Leg l : legs) {
      byZone.computeIfAbsent(l.zone() == null ? "" : l.zone(), k -> new ArrayList<>()).add(l);
    }
    if (byZone.size() == 1 && !byZone.containsKey("")) {
      String zone = byZone.keySet().iterator().next();
      List<String> how = byZone.get(zone).stream().map(Leg::how).distinct().toList();
      // A tunnel carried over an interface takes only what the routes send out of it, and the
      // filters see that leave the interface: the side stays the routes'.
      List<PolicyRoute> over = pbf.stream().filter(p -> zone.equals(carrier(fw, p))).toList();
      notes.add(
          zone
              + " (inferred: the published ranges are routed by "
              + String.join("; ", how)
              + (over.isEmpty() ? "" : "; " + tunnels(over) + " over " + zone + " as well")
              + ")");
      return zone;
    }
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, List<Leg>> e : byZone.entrySet()) {
      parts.add(
          (e.getKey().isEmpty()
                  ? (fw.zoned() ? "no zone" : "no interface")
                  : (fw.zoned() ? "zone " : "interface ") + e.getKey())
              + " for "
              + count(e.getValue())
              + " ("
              + e.getValue().get(0).how()
              + ")");
    }
    notes.add(
        "any ("
            + (legs.isEmpty()
                ? "no route in " + fw.source() + " covers the published ranges"
                : "routes send the published ranges to " + String.join(", ", parts))
            + "; give "
            + flag(fw, false)
            + ")");
    return null;
  }

  private static String count(List<Leg> legs) {
    BigInteger n = BigInteger.ZERO;
    for (Leg l : legs) {
      n = n.add(l.part().size());
    }
    return n + " addresses";
  }

  /** How the routes send the published addresses, as zones (or interfaces). */
  private static List<Leg> legs(Firewall fw, IpSet zen) {
    List<Leg> out = new ArrayList<>();
    for (Routing.Egress e : Routing.lookup(fw, zen)) {
      String zone = e.iface() == null ? null : zoneOf(fw, e.iface()).orElse(null);
      out.add(new Leg(e.part(), zone, e.how()));
    }
    return out;
  }
}
