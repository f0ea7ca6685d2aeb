package dev.zpaaudit.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zpaaudit.model.Firewall;
import dev.zpaaudit.model.Point;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A bare "+" matches every interface name and also no interface at all: the kernel compares no
 * characters (iptables-nft loads {@code -i +} as no test and {@code ! -i +} as a test that never
 * holds). Found by the kernel oracle on locally generated packets, which have no input interface.
 */
class InterfaceWildcardTest {
  private static final String RULES =
      """
      *filter
      :INPUT ACCEPT [0:0]
      :FORWARD ACCEPT [0:0]
      :OUTPUT ACCEPT [0:0]
      :edge - [0:0]
      -A OUTPUT -j edge
      -A edge ! -i + -p tcp -m tcp --dport 1001 -j DROP
      -A edge -i + -p tcp -m tcp --dport 1002 -j ACCEPT
      -A edge -p tcp -m tcp --dport 1002 -j DROP
      -A edge ! -i eth+ -p tcp -m tcp --dport 1003 -j DROP
      COMMIT
      """;

  private static Verdict output(int dport) throws Exception {
    Firewall fw = OneFlow.parse(RULES);
    IfaceDomain d = IfaceDomain.forFirewalls(List.of(fw), List.of("eth1"));
    Cube syn = OneFlow.syn(d, "192.0.2.1", "198.51.100.1", dport, IfaceDomain.NONE, "eth1");
    return OneFlow.evaluate(fw, d, OneFlow.noFacts(), syn, Point.ORIGINATED, Point.LEAVING)
        .verdict();
  }

  @Test
  void negatedBarePlusNeverMatchesALocalPacket() throws Exception {
    assertThat(output(1001)).isEqualTo(Verdict.ALLOW);
  }

  @Test
  void barePlusMatchesALocalPacket() throws Exception {
    assertThat(output(1002)).isEqualTo(Verdict.ALLOW);
  }

  @Test
  void negatedPrefixStillMatchesNoInterface() throws Exception {
    assertThat(output(1003)).isEqualTo(Verdict.DENY);
  }

  @Test
  void barePlusMatchesEveryNameAndNone() {
    IfaceDomain d = new IfaceDomain(List.of("eth0"));
    assertThat(d.matching("+")).isEqualTo(d.all());
    assertThat(d.matching("eth+").contains(d.exactly(IfaceDomain.NONE).members()[0])).isFalse();
  }
}
