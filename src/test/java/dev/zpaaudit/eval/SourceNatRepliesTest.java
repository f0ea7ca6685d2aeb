package dev.zpaaudit.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zpaaudit.model.Action;
import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.Bits;
import dev.zpaaudit.model.Firewall;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.Point;
import dev.zpaaudit.model.PortSet;
import dev.zpaaudit.model.SessionState;
import dev.zpaaudit.model.TcpFlags;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Replies through a gateway that translates the connectors' source: rules before the kernel
 * translates a reply back (raw and mangle PREROUTING) see the translated address, later rules the
 * connector's. A spoof filter on the uplink for the connectors' private range must not deny replies
 * that reach the gateway's public address.
 */
class SourceNatRepliesTest {
  private static final String GATEWAY =
      """
      *raw
      :PREROUTING ACCEPT [0:0]
      :OUTPUT ACCEPT [0:0]
      -A PREROUTING -i wan -d 10.0.0.0/8 -j DROP
      COMMIT
      *nat
      :PREROUTING ACCEPT [0:0]
      :INPUT ACCEPT [0:0]
      :OUTPUT ACCEPT [0:0]
      :POSTROUTING ACCEPT [0:0]
      -A POSTROUTING -o wan -j TARGET
      COMMIT
      *filter
      :INPUT DROP [0:0]
      :FORWARD DROP [0:0]
      :OUTPUT ACCEPT [0:0]
      -A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
      -A FORWARD -i lan -o wan -p tcp --dport 443 -j ACCEPT
      COMMIT
      """;

  private static final List<Point> FORWARD =
      List.of(Point.ARRIVING, Point.FORWARDED, Point.LEAVING);

  private static Outcome reply(String target, IpSet egress) throws Exception {
    List<Outcome> out = replies(target, egress, 40000);
    assertThat(out).hasSize(1);
    return out.get(0);
  }

  private static List<Outcome> replies(String target, IpSet egress, int port) throws Exception {
    Firewall fw = OneFlow.parse(GATEWAY.replace("TARGET", target));
    IfaceDomain d = IfaceDomain.forFirewalls(List.of(fw), List.of("lan", "wan"));
    Cube synAck =
        Cube.all(AddressFamily.IPV4, d)
            .withSrc(IpSet.parse("198.51.100.10"))
            .withDst(IpSet.parse("10.1.0.5"))
            .withProto(Bits.of(256, 6))
            .withSport(PortSet.of(443))
            .withDport(PortSet.of(port))
            .withFlags(TcpFlags.synAck())
            .withIif(d.exactly("wan"))
            .withOif(d.exactly("lan"))
            .withSession(SessionState.set(SessionState.ESTABLISHED_REPLY));
    return new Evaluator(fw, AddressFamily.IPV4, d, OneFlow.noFacts())
        .evaluateReplies(List.of(synAck), FORWARD, FORWARD, egress);
  }

  @Test
  void aPublicTranslatedAddressPassesTheSpoofFilter() throws Exception {
    Outcome o = reply("SNAT --to-source 203.0.113.7", null);
    assertThat(o.verdict()).isEqualTo(Verdict.ALLOW);
    assertThat(o.packets().dst()).isEqualTo(IpSet.parse("10.1.0.5"));
    assertThat(o.decidingRule().location().line()).isEqualTo(17);
  }

  @Test
  void aPrivateTranslatedAddressIsDeniedByIt() throws Exception {
    Outcome o = reply("SNAT --to-source 10.200.0.1", null);
    assertThat(o.verdict()).isEqualTo(Verdict.DENY);
    assertThat(o.decidingRule().location().line()).isEqualTo(4);
  }

  @Test
  void withoutSourceNatTheSpoofFilterSeesTheConnector() throws Exception {
    Outcome o = reply("ACCEPT", null);
    assertThat(o.verdict()).isEqualTo(Verdict.DENY);
    assertThat(o.decidingRule().location().line()).isEqualTo(4);
  }

  @Test
  void masqueradeNeedsTheEgressAddress() throws Exception {
    // Each candidate address is one outcome; none is definite.
    List<Outcome> unknown = replies("MASQUERADE", null, 40000);
    assertThat(unknown).isNotEmpty().allMatch(o -> o.verdict() == Verdict.INDETERMINATE);
    assertThat(unknown)
        .allMatch(
            o -> o.reason().contains("test.rules:11") && o.reason().contains("--egress-address"));
    assertThat(reply("MASQUERADE", IpSet.parse("198.51.100.77")).verdict())
        .isEqualTo(Verdict.ALLOW);
    assertThat(reply("MASQUERADE", IpSet.parse("10.9.9.9")).verdict()).isEqualTo(Verdict.DENY);
  }

  @Test
  void aTranslatedRangeAcrossTheFilterIsIndeterminate() throws Exception {
    List<Outcome> out = replies("SNAT --to-source 9.255.255.254-10.0.0.1", null, 40000);
    assertThat(out).isNotEmpty().allMatch(o -> o.verdict() == Verdict.INDETERMINATE);
    assertThat(out).allMatch(o -> o.reason().contains("test.rules:11"));
  }

  @Test
  void readersKeepWhereSourceNatSendsThePacket() throws Exception {
    Firewall fw =
        OneFlow.parse(
            GATEWAY.replace("TARGET", "SNAT --to-source 203.0.113.7-203.0.113.9:2000-3000"));
    Action.SrcNat nat = (Action.SrcNat) fw.filter("nat/POSTROUTING").rules().get(0).action();
    assertThat(nat.masquerade()).isFalse();
    assertThat(nat.addresses(AddressFamily.IPV4)).contains(IpSet.parse("203.0.113.7-203.0.113.9"));
    assertThat(nat.ports()).isEqualTo(PortSet.range(2000, 3000));
    assertThat(SourceNatReplies.translatedPorts(new Action.SrcNat("x"), PortSet.of(40000)))
        .isEqualTo(PortSet.range(1024, 65535));
    assertThat(SourceNatReplies.translatedPorts(new Action.SrcNat("x"), PortSet.of(520)))
        .isEqualTo(PortSet.of(520).union(PortSet.range(600, 1023)));
  }
}
