package dev.zpaaudit.oracle;

import dev.zpaaudit.oracle.Flow.Hook;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The packets sent for one flow: the opening packets that make conntrack know the connection (sent
 * while only an accept-all ruleset is loaded), and the probe, the tested packet itself.
 *
 * <p>The connection has a client end and a server end. Through {@code FORWARD} both ends are in the
 * peer namespace, behind {@code inIface} and {@code outIface}. For {@code INPUT} and {@code OUTPUT}
 * the ruleset host is one end (see {@link Flow}) and owns that end's address for the round; the
 * peer is the other end.
 */
record FlowScript(
    List<Packet> opening,
    List<Packet> answer,
    List<Packet> natOpening,
    Packet probe,
    String hostAddress,
    List<String> remoteAddresses) {

  /**
   * One packet: its type for the packet helper, its source address and the ends it joins. A type
   * ending in {@value #NAT} is sent to the address and port conntrack translated the client to.
   */
  record Packet(String type, String source, End from, End to) {
    String expectedAt() {
      return (to.host() ? "host:" : "peer:") + to.iface();
    }

    /** The type the helper reports the packet as when it sees it. */
    String seenType() {
      return type.endsWith(NAT) ? type.substring(0, type.length() - NAT.length()) : type;
    }
  }

  static final String NAT = "NAT";

  /** An end of the connection: the ruleset host, or the peer behind one of its interfaces. */
  record End(boolean host, String iface) {}

  static FlowScript of(Flow flow) {
    String src = flow.src().getHostAddress();
    String dst = flow.dst().getHostAddress();
    if (flow.hook() == Hook.FORWARD) {
      End client = new End(false, flow.inIface());
      End server = new End(false, flow.outIface());
      return script(flow, client, server, null, List.of(src, dst));
    }
    if (hostIsServer(flow)) {
      End client = new End(false, flow.inIface());
      return script(flow, client, new End(true, flow.inIface()), dst, List.of(src));
    }
    End server = new End(false, flow.outIface());
    return script(flow, new End(true, flow.outIface()), server, src, List.of(dst));
  }

  private static FlowScript script(
      Flow flow, End client, End server, String hostAddress, List<String> remote) {
    String src = flow.src().getHostAddress();
    String dst = flow.dst().getHostAddress();
    String[] types =
        switch (flow.proto()) {
          case Flow.TCP -> new String[] {"SYN", "SYNACK", "ACK"};
          case Flow.UDP -> new String[] {"UDPO", "UDPR", "UDPO"};
          default ->
              new String[] {
                icmp(flow.sport(), flow.dport()),
                icmp(Flow.ECHO_REPLY, flow.dport()),
                icmp(Flow.ECHO_REQUEST, flow.dport())
              };
        };
    Packet first = new Packet(types[0], src, client, server);
    Packet reply = new Packet(types[1], dst, server, client);
    Packet later = new Packet(types[2], src, client, server);
    List<Packet> none = List.of();
    return switch (flow.kind()) {
      case NEW -> new FlowScript(none, none, none, first, hostAddress, remote);
      case REPLY -> new FlowScript(List.of(first), none, none, reply, hostAddress, remote);
      case ESTABLISHED ->
          new FlowScript(List.of(first), List.of(reply), none, later, hostAddress, remote);
      case NAT_REPLY ->
          new FlowScript(
              none,
              none,
              List.of(first),
              new Packet(reply.type() + NAT, reply.source(), reply.from(), reply.to()),
              hostAddress,
              remote);
    };
  }

  /** The name packets.py knows an ICMPv6 packet by: {@code I<type>.<code>}. */
  private static String icmp(int type, int code) {
    return "I" + type + "." + code;
  }

  private static boolean hostIsServer(Flow flow) {
    return (flow.hook() == Hook.INPUT) == !flow.isReply();
  }

  List<Packet> all() {
    List<Packet> all = new ArrayList<>(opening);
    all.addAll(answer);
    all.addAll(natOpening);
    all.add(probe);
    return all;
  }

  boolean needsConntrack() {
    return !opening.isEmpty();
  }

  /**
   * The {@code iif} routes the packets need: for each interface a packet from the peer arrives on,
   * the interface it must leave by. Packets for the host need none: the host owns their address.
   */
  Map<String, String> incomingRoutes() {
    Map<String, String> routes = new LinkedHashMap<>();
    for (Packet p : all()) {
      if (!p.from().host() && !p.to().host()) {
        routes.put(p.from().iface(), p.to().iface());
      }
    }
    return routes;
  }

  /**
   * The routes back that reverse-path checks ({@code rpfilter}, {@code fib saddr . iif}) look for:
   * the source address of each packet from the peer, and the interface it arrives on.
   */
  Map<String, String> returnRoutes() {
    Map<String, String> routes = new LinkedHashMap<>();
    for (Packet p : all()) {
      if (!p.from().host()) {
        routes.put(p.source(), p.from().iface());
      }
    }
    return routes;
  }

  /** Every interface name the packets use. */
  List<String> interfaces() {
    return all().stream()
        .flatMap(p -> Stream.of(p.from().iface(), p.to().iface()))
        .distinct()
        .toList();
  }
}
