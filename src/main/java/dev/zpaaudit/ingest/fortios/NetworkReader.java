package dev.zpaaudit.ingest.fortios;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what a VDOM says of its network: its interfaces ({@code system interface} entries whose
 * {@code vdom} is it, and the tunnels its {@code vpn ipsec phase1-interface} entries make), zones
 * and static routes. Policy routes are read by {@link RoutePolicyReader}.
 */
final class NetworkReader {
  /** The type of the interface a {@code vpn ipsec phase1-interface} entry makes. */
  static final String IPSEC = "ipsec-tunnel";

  /** The type of the interface a {@code system gre-tunnel} entry makes. */
  static final String GRE = "gre-tunnel";

  private final Reading r;

  NetworkReader(Reading r) {
    this.r = r;
  }

  List<FortiosInterface> interfaces(VdomNodes v, boolean multiVdom) {
    Map<String, FortiosInterface> out = new LinkedHashMap<>();
    for (ConfigEntry e : v.entries("system interface")) {
      String vdom = e.value("vdom").orElse("root");
      if (!multiVdom || vdom.equals(v.name())) {
        out.put(e.name(), iface(e, vdom));
      }
    }
    for (ConfigEntry e : v.own("vpn ipsec phase1-interface")) {
      tunnel(out, e, v.name(), IPSEC);
    }
    for (ConfigEntry e : v.own("system gre-tunnel")) {
      tunnel(out, e, v.name(), GRE);
    }
    return List.copyOf(out.values());
  }

  /**
   * The interface a tunnel entry makes, of type {@code type}: the {@code system interface} entry of
   * the same name where there is one (for its addresses and MTU), else the tunnel's own.
   */
  private static void tunnel(
      Map<String, FortiosInterface> out, ConfigEntry e, String vdom, String type) {
    FortiosInterface known = out.get(e.name());
    out.put(
        e.name(),
        known != null
            ? new FortiosInterface(
                known.name(),
                known.vdom(),
                type,
                known.addresses(),
                known.mtu(),
                known.vlanId(),
                known.parent(),
                known.line())
            : new FortiosInterface(
                e.name(),
                vdom,
                type,
                List.of(),
                null,
                null,
                e.value("interface").orElse(null),
                e.line()));
  }

  private FortiosInterface iface(ConfigEntry e, String vdom) {
    List<String> addresses = new ArrayList<>();
    address(e, "ip", addresses);
    if (e.is("secondary-IP", "enable")) {
      e.block("secondaryip").ifPresent(b -> b.entries().forEach(s -> address(s, "ip", addresses)));
    }
    e.block("ipv6")
        .ifPresent(
            six -> {
              address(six, "ip6-address", addresses);
              six.block("ip6-extra-addr")
                  .ifPresent(b -> b.entries().forEach(x -> addresses.add(x.name())));
            });
    Integer mtu = null;
    if (e.is("mtu-override", "enable")) {
      mtu = number(e, "mtu", 68, 65535).orElse(1500);
    }
    return new FortiosInterface(
        e.name(),
        vdom,
        e.value("type").orElse("physical"),
        addresses,
        mtu,
        number(e, "vlanid", 0, 4095).orElse(null),
        e.value("interface").orElse(null),
        e.line());
  }

  /** An address setting of an interface, when it is set to one. */
  private void address(ConfigNode n, String key, List<String> out) {
    List<String> words = n.values(key);
    if (words.isEmpty() || Prefixes.isUnset(words)) {
      return;
    }
    Optional<String> p = Prefixes.of(words);
    if (p.isPresent()) {
      out.add(p.get());
    } else {
      r.error(
          n.setting(key).get().line(),
          key
              + " '"
              + String.join(" ", words)
              + "' is not an address with a prefix length or mask");
    }
  }

  private Optional<Integer> number(ConfigNode n, String key, int min, int max) {
    Optional<String> v = n.value(key);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    if (!v.get().matches("\\d{1,10}")
        || Long.parseLong(v.get()) < min
        || Long.parseLong(v.get()) > max) {
      r.error(
          n.setting(key).get().line(),
          key + " '" + v.get() + "' is not a number " + min + " to " + max);
      return Optional.empty();
    }
    return Optional.of(Integer.parseInt(v.get()));
  }

  List<Zone> zones(VdomNodes v) {
    List<Zone> out = new ArrayList<>();
    for (ConfigEntry e : v.own("system zone")) {
      List<String> members = new ArrayList<>(e.values("interface"));
      e.block("interface")
          .ifPresent(
              b ->
                  b.entries()
                      .forEach(m -> members.add(m.value("interface-name").orElse(m.name()))));
      out.add(new Zone(e.name(), members, e.is("intrazone", "allow"), e.line()));
    }
    out.addAll(sdwanZones(v));
    return out;
  }

  /**
   * SD-WAN zones, which policies name as they name zones: those of {@code system sdwan} (FortiOS
   * 6.4 on), each with the members that name it ({@code virtual-wan-link} where a member names
   * none), and the one zone {@code virtual-wan-link} of {@code system virtual-wan-link} (before).
   */
  private static List<Zone> sdwanZones(VdomNodes v) {
    Map<String, List<String>> members = new LinkedHashMap<>();
    Map<String, Integer> lines = new LinkedHashMap<>();
    Optional<ConfigBlock> sdwan = v.block("system sdwan");
    Optional<ConfigBlock> wan = sdwan.isPresent() ? sdwan : v.block("system virtual-wan-link");
    if (wan.isEmpty()) {
      return List.of();
    }
    wan.get()
        .block("zone")
        .ifPresent(b -> b.entries().forEach(z -> lines.putIfAbsent(z.name(), z.line())));
    for (ConfigEntry m : wan.get().block("members").map(ConfigBlock::entries).orElse(List.of())) {
      String zone =
          sdwan.isPresent() ? m.value("zone").orElse("virtual-wan-link") : "virtual-wan-link";
      lines.putIfAbsent(zone, m.line());
      m.value("interface")
          .ifPresent(i -> members.computeIfAbsent(zone, z -> new ArrayList<>()).add(i));
    }
    List<Zone> out = new ArrayList<>();
    lines.forEach(
        (zone, line) ->
            out.add(new Zone(zone, members.getOrDefault(zone, List.of()), false, line)));
    return out;
  }

  List<StaticRoute> routes(VdomNodes v) {
    List<StaticRoute> out = new ArrayList<>();
    for (ConfigEntry e : v.own("router static")) {
      out.add(route(e, "0.0.0.0/0"));
    }
    for (ConfigEntry e : v.own("router static6")) {
      out.add(route(e, "::/0"));
    }
    return out;
  }

  private StaticRoute route(ConfigEntry e, String defaultDst) {
    List<String> unmodelled = new ArrayList<>();
    for (String k : List.of("sdwan", "virtual-wan-link", "dynamic-gateway")) {
      if (e.is(k, "enable")) {
        unmodelled.add(k + " enable");
      }
    }
    for (String k : List.of("sdwan-zone", "internet-service", "internet-service-custom")) {
      if (!e.values(k).isEmpty()) {
        unmodelled.add(k + " " + String.join(",", e.values(k)));
      }
    }
    String dst = defaultDst;
    if (!e.values("dst").isEmpty()) {
      Optional<String> p = Prefixes.of(e.values("dst"));
      if (p.isEmpty()) {
        r.error(
            e.setting("dst").get().line(),
            "static route "
                + e.name()
                + ": dst '"
                + String.join(" ", e.values("dst"))
                + "' is not an address with a prefix length or mask");
      }
      dst = p.orElse(null);
    }
    String gateway =
        e.value("gateway").filter(g -> !g.equals("0.0.0.0") && !g.equals("::")).orElse(null);
    return new StaticRoute(
        e.name(),
        dst,
        e.value("dstaddr").orElse(null),
        gateway,
        e.value("device").orElse(null),
        number(e, "distance", 1, 255).orElse(10),
        number(e, "priority", 0, Integer.MAX_VALUE).orElse(0),
        e.is("blackhole", "enable"),
        !e.is("status", "disable"),
        unmodelled,
        e.line());
  }
}
