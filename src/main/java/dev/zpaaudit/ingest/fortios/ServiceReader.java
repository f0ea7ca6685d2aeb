package dev.zpaaudit.ingest.fortios;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a {@code firewall service custom} entry. A setting of one protocol that was set before the
 * entry's {@code protocol} was last set is cleared by it, as FortiOS clears it; what is left of
 * another protocol than the entry's does not count.
 */
final class ServiceReader {
  private final Reading r;

  ServiceReader(Reading r) {
    this.r = r;
  }

  Service service(ConfigEntry e) {
    String p = e.value("protocol").orElse("TCP/UDP/SCTP");
    Service.Protocol protocol =
        switch (p) {
          case "TCP/UDP/SCTP" -> Service.Protocol.TCP_UDP_SCTP;
          case "ICMP" -> Service.Protocol.ICMP;
          case "ICMP6" -> Service.Protocol.ICMP6;
          case "IP" -> Service.Protocol.IP;
          default -> Service.Protocol.PROXY;
        };
    if (e.is("proxy", "enable")) {
      protocol = Service.Protocol.PROXY;
    }
    int since = e.setting("protocol").map(Setting::line).orElse(0);
    boolean ports = protocol == Service.Protocol.TCP_UDP_SCTP;
    boolean icmp = protocol == Service.Protocol.ICMP || protocol == Service.Protocol.ICMP6;
    return new Service(
        e.name(),
        protocol,
        ports ? ranges(e, "tcp-portrange", since) : List.of(),
        ports ? ranges(e, "udp-portrange", since) : List.of(),
        ports ? ranges(e, "sctp-portrange", since) : List.of(),
        icmp ? number(e, "icmptype", since, 255).orElse(null) : null,
        icmp ? number(e, "icmpcode", since, 255).orElse(null) : null,
        protocol == Service.Protocol.IP ? number(e, "protocol-number", since, 255).orElse(0) : 0,
        current(e, "iprange", since).map(s -> s.values().get(0)).orElse(null),
        current(e, "fqdn", since).map(s -> s.values().get(0)).orElse(null),
        e.line());
  }

  /** A setting set after the protocol was, with a value. */
  private static Optional<Setting> current(ConfigEntry e, String key, int since) {
    return e.setting(key).filter(s -> s.line() >= since && !s.values().isEmpty());
  }

  private List<PortRange> ranges(ConfigEntry e, String key, int since) {
    Optional<Setting> s = current(e, key, since);
    List<PortRange> out = new ArrayList<>();
    if (s.isEmpty()) {
      return out;
    }
    for (String v : s.get().values()) {
      Optional<PortRange> range = PortRange.parse(v);
      if (range.isPresent()) {
        out.add(range.get());
      } else {
        r.error(
            s.get().line(),
            "service '"
                + e.name()
                + "': "
                + key
                + " '"
                + v
                + "' is not DST[-DST][:SRC[-SRC]] with ports 0 to 65535");
      }
    }
    return out;
  }

  private Optional<Integer> number(ConfigEntry e, String key, int since, int max) {
    Optional<Setting> s = current(e, key, since);
    if (s.isEmpty()) {
      return Optional.empty();
    }
    String v = s.get().values().get(0);
    if (!v.matches("\\d{1,3}") || Integer.parseInt(v) > max) {
      r.error(
          s.get().line(),
          "service '" + e.name() + "': " + key + " '" + v + "' is not a number 0 to " + max);
      return Optional.empty();
    }
    return Optional.of(Integer.parseInt(v));
  }
}
