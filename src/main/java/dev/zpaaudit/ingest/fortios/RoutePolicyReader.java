package dev.zpaaudit.ingest.fortios;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a VDOM's policy routes ({@code router policy} and {@code router policy6}) in order. Ports
 * default to 1-65535 and the protocol to 0 (any), as FortiOS has them.
 */
final class RoutePolicyReader {
  private final Reading r;

  RoutePolicyReader(Reading r) {
    this.r = r;
  }

  List<RoutePolicy> read(VdomNodes v) {
    List<RoutePolicy> out = new ArrayList<>();
    for (String path : List.of("router policy", "router policy6")) {
      for (ConfigEntry e : v.own(path)) {
        out.add(policy(e, path.endsWith("6")));
      }
    }
    return out;
  }

  private RoutePolicy policy(ConfigEntry e, boolean ipv6) {
    List<String> unmodelled = new ArrayList<>();
    String tos = e.value("tos-mask").orElse("0x00");
    if (!tos.matches("0x0*|0")) {
      unmodelled.add("tos " + e.value("tos").orElse("0x00") + " mask " + tos);
    }
    for (String k : List.of("internet-service-id", "internet-service-custom")) {
      if (!e.values(k).isEmpty()) {
        unmodelled.add(k + " " + String.join(",", e.values(k)));
      }
    }
    int dFrom = number(e, "start-port", 1);
    int dTo = number(e, "end-port", 65535);
    int sFrom = number(e, "start-source-port", 1);
    int sTo = number(e, "end-source-port", 65535);
    PortRange ports =
        dFrom <= dTo && sFrom <= sTo
            ? new PortRange(dFrom, dTo, sFrom, sTo)
            : new PortRange(1, 65535, 1, 65535);
    if (dFrom > dTo || sFrom > sTo) {
      r.error(e.line(), "policy route " + e.name() + ": a start port above its end port");
    }
    return new RoutePolicy(
        e.name(),
        e.values("input-device"),
        ends(e, "src", "srcaddr", "src-negate"),
        ends(e, "dst", "dstaddr", "dst-negate"),
        number(e, "protocol", 0),
        ports,
        e.value("gateway").filter(g -> !g.equals("0.0.0.0") && !g.equals("::")).orElse(null),
        e.value("output-device").orElse(null),
        !e.is("action", "deny"),
        !e.is("status", "disable"),
        ipv6,
        unmodelled,
        e.line());
  }

  private RoutePolicy.Ends ends(ConfigEntry e, String key, String objects, String negate) {
    List<String> prefixes = new ArrayList<>();
    for (String w : e.values(key)) {
      Optional<String> p = Prefixes.of(List.of(w));
      if (p.isPresent()) {
        if (!Prefixes.isUnset(List.of(w))) {
          prefixes.add(p.get());
        }
      } else {
        r.error(
            e.setting(key).get().line(),
            "policy route " + e.name() + ": " + key + " '" + w + "' is not an address with a mask");
      }
    }
    return new RoutePolicy.Ends(prefixes, e.values(objects), e.is(negate, "enable"));
  }

  private int number(ConfigEntry e, String key, int unset) {
    Optional<String> v = e.value(key);
    if (v.isEmpty()) {
      return unset;
    }
    if (!v.get().matches("\\d{1,5}") || Integer.parseInt(v.get()) > 65535) {
      r.error(
          e.setting(key).get().line(),
          "policy route " + e.name() + ": " + key + " '" + v.get() + "' is not a number");
      return unset;
    }
    return Integer.parseInt(v.get());
  }
}
