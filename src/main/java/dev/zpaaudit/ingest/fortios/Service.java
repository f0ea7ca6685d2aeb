package dev.zpaaudit.ingest.fortios;

import java.util.List;
import java.util.Objects;

/**
 * A {@code firewall service custom}: its protocol and what it matches of it. For {@code
 * TCP/UDP/SCTP} (the default) the port ranges of each; for {@code ICMP} and {@code ICMP6} a type
 * and code (null: any); for {@code IP} a protocol number (0: every protocol). {@code iprange}
 * narrows the destinations; an FQDN or an explicit-proxy service is not settled by the export.
 */
record Service(
    String name,
    Protocol protocol,
    List<PortRange> tcp,
    List<PortRange> udp,
    List<PortRange> sctp,
    Integer icmpType,
    Integer icmpCode,
    int protocolNumber,
    String iprange,
    String fqdn,
    int line) {
  /** The {@code protocol} of a custom service. */
  enum Protocol {
    TCP_UDP_SCTP("TCP/UDP/SCTP"),
    ICMP("ICMP"),
    ICMP6("ICMP6"),
    IP("IP"),
    /** An explicit web proxy's service ({@code ALL}, {@code CONNECT}, {@code HTTP}...). */
    PROXY("proxy");

    private final String text;

    Protocol(String text) {
      this.text = text;
    }

    String text() {
      return text;
    }
  }

  Service {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(protocol, "protocol");
    tcp = List.copyOf(tcp);
    udp = List.copyOf(udp);
    sctp = List.copyOf(sctp);
  }

  /** A TCP/UDP/SCTP service of these ranges, as the built-in table and the tests write them. */
  static Service ports(String name, List<PortRange> tcp, List<PortRange> udp) {
    return new Service(
        name, Protocol.TCP_UDP_SCTP, tcp, udp, List.of(), null, null, 0, null, null, 0);
  }
}
