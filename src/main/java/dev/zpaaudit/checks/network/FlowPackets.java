package dev.zpaaudit.checks.network;

import dev.zpaaudit.eval.Cube;
import dev.zpaaudit.eval.IfaceDomain;
import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.Bits;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.Point;
import dev.zpaaudit.model.PortSet;
import java.util.List;
import java.util.Locale;

/**
 * The packets of one connection that a question is about, built as the audit builds them, with the
 * path they take and the interfaces asked about: the client's first packet ("new") or a later one
 * ("established") from client to server, or the server's reply ("reply") from server to client.
 */
public record FlowPackets(Cube packets, List<Point> path, AskedInterfaces asked) {
  public static final List<String> STATES = List.of("new", "established", "reply");

  /**
   * The packets of {@code state} of a connection from {@code client} (ports {@code clientPorts}) to
   * {@code server}:{@code serverPorts}. On INPUT (the host's inbound side), the connection's first
   * packets arrive by the path replies take.
   */
  public static FlowPackets of(
      Placement pl,
      IfaceDomain d,
      String state,
      int proto,
      IpSet client,
      PortSet clientPorts,
      IpSet server,
      PortSet serverPorts) {
    String st = state.toLowerCase(Locale.ROOT);
    AddressFamily fam = client.family();
    if (st.equals("reply")) {
      Cube c =
          Flows.replies(d, fam, proto, client, clientPorts, server, serverPorts, pl.returnIfaces(d))
              .get(0);
      return new FlowPackets(c, pl.returnPath(), pl.returnAsked(d));
    }
    if (!STATES.contains(st)) {
      throw new IllegalArgumentException("--state must be new, established or reply");
    }
    boolean inbound = pl.at() == Point.DELIVERED;
    Bits[] ifs = inbound ? pl.returnIfaces(d) : pl.egressIfaces(d);
    List<Cube> both = Flows.outbound(d, fam, proto, client, clientPorts, server, serverPorts, ifs);
    return new FlowPackets(
        both.get(st.equals("new") ? 0 : 1),
        inbound ? List.of(Point.ARRIVING, Point.DELIVERED) : pl.egressPath(),
        inbound ? pl.returnAsked(d) : pl.egressAsked(d));
  }
}
