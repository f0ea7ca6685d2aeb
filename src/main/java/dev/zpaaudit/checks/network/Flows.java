package dev.zpaaudit.checks.network;

import dev.zpaaudit.eval.Cube;
import dev.zpaaudit.eval.IfaceDomain;
import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.Bits;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.PortSet;
import dev.zpaaudit.model.SessionState;
import dev.zpaaudit.model.TcpFlags;
import java.util.List;

/** The packet sets that a connection needs to pass, in each direction. */
final class Flows {
  static final int TCP = 6;
  static final int UDP = 17;

  private Flows() {}

  /** Client packets of connections from src:sport to dst:dport: the first packet and the rest. */
  static List<Cube> outbound(
      IfaceDomain d,
      AddressFamily family,
      int proto,
      IpSet src,
      PortSet sport,
      IpSet dst,
      PortSet dport,
      Bits[] ifaces) {
    Cube base =
        Cube.all(family, d)
            .withSrc(src)
            .withDst(dst)
            .withProto(Bits.of(256, proto))
            .withSport(sport)
            .withDport(dport)
            .withIif(ifaces[0])
            .withOif(ifaces[1]);
    if (proto == TCP) {
      return List.of(
          base.withSession(SessionState.set(SessionState.NEW)).withFlags(TcpFlags.syn()),
          base.withSession(SessionState.set(SessionState.ESTABLISHED_ORIGINAL))
              .withFlags(TcpFlags.established()));
    }
    Bits none = Bits.of(256, 0);
    return List.of(
        base.withSession(SessionState.set(SessionState.NEW)).withFlags(none),
        base.withSession(SessionState.set(SessionState.ESTABLISHED_ORIGINAL)).withFlags(none));
  }

  /** Server packets answering those connections: from dst:dport back to src:sport. */
  static List<Cube> replies(
      IfaceDomain d,
      AddressFamily family,
      int proto,
      IpSet src,
      PortSet sport,
      IpSet dst,
      PortSet dport,
      Bits[] ifaces) {
    Cube base =
        Cube.all(family, d)
            .withSrc(dst)
            .withDst(src)
            .withProto(Bits.of(256, proto))
            .withSport(dport)
            .withDport(sport)
            .withIif(ifaces[0])
            .withOif(ifaces[1])
            .withSession(SessionState.set(SessionState.ESTABLISHED_REPLY));
    if (proto == TCP) {
      return List.of(base.withFlags(TcpFlags.synAck().union(TcpFlags.established())));
    }
    return List.of(base.withFlags(Bits.of(256, 0)));
  }

  /** A readable name for the kind of packets in a cube. */
  static String kind(Cube c) {
    Bits state = c.session();
    if (state.contains(SessionState.NEW.ordinal())) {
      return "new";
    }
    if (state.contains(SessionState.ESTABLISHED_REPLY.ordinal())) {
      return "reply";
    }
    if (state.contains(SessionState.ESTABLISHED_ORIGINAL.ordinal())) {
      return "established";
    }
    return "other";
  }
}
