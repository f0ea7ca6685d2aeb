package dev.zpaaudit.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zpaaudit.model.Firewall;
import dev.zpaaudit.model.Point;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * NAT chains run only while connection tracking is on. A nat chain with a DROP policy and nothing
 * in the ruleset that turns tracking on (no conntrack or state match, no NAT or CT target) never
 * sees a packet: the kernel delivered the UDP packets such a chain would drop. Found by the kernel
 * oracle.
 */
class UntrackedNatTest {
  private static final String NAT_ONLY =
      """
      *nat
      :PREROUTING ACCEPT [0:0]
      :INPUT ACCEPT [0:0]
      :OUTPUT ACCEPT [0:0]
      :POSTROUTING DROP [0:0]
      -A POSTROUTING -p tcp -j ACCEPT
      COMMIT
      """;

  private static Outcome udpThroughGateway(String rules) throws Exception {
    Firewall fw = OneFlow.parse(rules);
    IfaceDomain d = IfaceDomain.forFirewalls(List.of(fw), List.of("eth0", "eth1"));
    Cube udp =
        OneFlow.syn(d, "10.0.0.5", "198.51.100.10", 53, "eth0", "eth1")
            .withProto(dev.zpaaudit.model.Bits.of(256, 17))
            .withFlags(dev.zpaaudit.model.Bits.of(256, 0));
    return OneFlow.evaluate(
        fw, d, OneFlow.noFacts(), udp, Point.ARRIVING, Point.FORWARDED, Point.LEAVING);
  }

  @Test
  void natPolicyWithoutTrackingIsNotADenial() throws Exception {
    Outcome o = udpThroughGateway(NAT_ONLY);
    assertThat(o.verdict()).isEqualTo(Verdict.INDETERMINATE);
    assertThat(o.reason()).contains("connection tracking");
  }

  @Test
  void natPolicyDropsOnceTrackingIsOn() throws Exception {
    String rules =
        NAT_ONLY
            + """
        *filter
        :INPUT ACCEPT [0:0]
        :FORWARD ACCEPT [0:0]
        :OUTPUT ACCEPT [0:0]
        -A FORWARD -m conntrack --ctstate INVALID -j DROP
        COMMIT
        """;
    assertThat(udpThroughGateway(rules).verdict()).isEqualTo(Verdict.DENY);
  }

  @Test
  void aLaterDenialStaysDefinite() throws Exception {
    String rules =
        """
        *nat
        :PREROUTING DROP [0:0]
        :INPUT ACCEPT [0:0]
        :OUTPUT ACCEPT [0:0]
        :POSTROUTING ACCEPT [0:0]
        -A PREROUTING -p tcp -j ACCEPT
        COMMIT
        *filter
        :INPUT ACCEPT [0:0]
        :FORWARD DROP [0:0]
        :OUTPUT ACCEPT [0:0]
        COMMIT
        """;
    Outcome o = udpThroughGateway(rules);
    assertThat(o.verdict()).isEqualTo(Verdict.DENY);
    assertThat(o.decidingRule().text()).contains("FORWARD DROP");
  }
}
