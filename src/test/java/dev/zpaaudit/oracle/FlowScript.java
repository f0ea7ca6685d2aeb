package dev.zpaaudit.oracle;

import dev.zpaaudit.oracle.Flow.Hook;
import dev.zpaaudit.oracle.Flow.Kind;
import dev.zpaaudit.oracle.Topology.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The packets sent for one flow: the opening packets that make conntrack know the connection (sent
 * while only an accept-all ruleset is loaded), and the probe, the tested packet itself.
 *
 * <p>The connection has a client end and a server end. Through {@code FORWARD} both ends are in
 * the peer namespace, behind {@code inIface} and {@code outIface}. For {@code INPUT} and {@code
 * OUTPUT} the ruleset host is one end (see {@link Flow}) and the peer is the other.
 */
record FlowScript(List<Packet> opening, List<Packet> answer, Packet probe) {

  /** One packet: its type for the packet helper and the ends it goes between. */
  record Packet(String type, End from, End to) {
    String expectedAt() {
      return (to.host() ? "host:" : "peer:") + to.iface();
    }
  }

  /** An end of the connection: the ruleset host, or the peer behind one of its interfaces. */
  record End(boolean host, String iface) {}

  static FlowScript of(Flow flow) {
    End client;
    End server;
    if (flow.hook() == Hook.FORWARD) {
      client = new End(false, flow.inIface());
      server = new End(false, flow.outIface());
    } else if (hostIsServer(flow)) {
      client = new End(false, flow.inIface());
      server = new End(true, flow.inIface());
    } else {
      client = new End(true, flow.outIface());
      server = new End(false, flow.outIface());
    }
    boolean tcp = flow.proto() == Flow.TCP;
    Packet first = new Packet(tcp ? "SYN" : "UDPO", client, server);
    Packet reply = new Packet(tcp ? "SYNACK" : "UDPR", server, client);
    Packet later = new Packet(tcp ? "ACK" : "UDPO", client, server);
    return switch (flow.kind()) {
      case NEW -> new FlowScript(List.of(), List.of(), first);
      case REPLY -> new FlowScript(List.of(first), List.of(), reply);
      case ESTABLISHED -> new FlowScript(List.of(first), List.of(reply), later);
    };
  }

  private static boolean hostIsServer(Flow flow) {
    return (flow.hook() == Hook.INPUT) == (flow.kind() != Kind.REPLY);
  }

  List<Packet> all() {
    List<Packet> all = new ArrayList<>(opening);
    all.addAll(answer);
    all.add(probe);
    return all;
  }

  boolean needsConntrack() {
    return !opening.isEmpty();
  }

  /** The {@code iif} routes the packets need: interface they arrive on, and where they go. */
  Map<String, Target> incomingRoutes() {
    Map<String, Target> routes = new LinkedHashMap<>();
    for (Packet p : all()) {
      if (!p.from().host()) {
        routes.put(p.from().iface(), p.to().host() ? Target.LOCAL : new Target(p.to().iface()));
      }
    }
    return routes;
  }

  /** Every interface name the packets use. */
  List<String> interfaces() {
    return all().stream()
        .flatMap(p -> java.util.stream.Stream.of(p.from().iface(), p.to().iface()))
        .distinct()
        .toList();
  }
}
