package dev.zpaaudit.eval;

import dev.zpaaudit.ingest.iptables.IptablesSaveParser;
import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.Bits;
import dev.zpaaudit.model.Firewall;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.Point;
import dev.zpaaudit.model.PortSet;
import dev.zpaaudit.model.SessionState;
import dev.zpaaudit.model.TcpFlags;
import java.util.List;

/** Evaluates one TCP packet against a tiny iptables-save ruleset, for focused engine tests. */
final class OneFlow {
  private OneFlow() {}

  static Firewall parse(String rules) throws Exception {
    return new IptablesSaveParser().parse(rules, "test.rules").firewall();
  }

  /** A TCP SYN of a new connection from src:40000 to dst:dport with the given interfaces. */
  static Cube syn(IfaceDomain d, String src, String dst, int dport, String in, String out) {
    return Cube.all(AddressFamily.IPV4, d)
        .withSrc(IpSet.parse(src))
        .withDst(IpSet.parse(dst))
        .withProto(Bits.of(256, 6))
        .withSport(PortSet.of(40000))
        .withDport(PortSet.of(dport))
        .withFlags(TcpFlags.syn())
        .withIif(d.exactly(in))
        .withOif(d.exactly(out))
        .withSession(SessionState.set(SessionState.NEW));
  }

  static Outcome evaluate(
      Firewall fw, IfaceDomain d, AddressFacts facts, Cube packet, Point... path) {
    List<Outcome> out =
        new Evaluator(fw, AddressFamily.IPV4, d, facts).evaluate(List.of(packet), List.of(path));
    if (out.size() != 1) {
      throw new AssertionError("one packet gave " + out.size() + " outcomes: " + out);
    }
    return out.get(0);
  }

  static AddressFacts noFacts() {
    return AddressFacts.of(AddressFamily.IPV4, IpSet.empty(4), IpSet.empty(4));
  }
}
