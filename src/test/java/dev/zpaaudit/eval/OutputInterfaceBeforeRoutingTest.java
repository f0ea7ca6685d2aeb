package dev.zpaaudit.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zpaaudit.model.Firewall;
import dev.zpaaudit.model.Point;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Before routing (PREROUTING, INPUT) a packet has no output interface, whichever one it leaves by
 * later: {@code ! -o eth1} in PREROUTING holds for a packet that is forwarded to eth1 (the kernel
 * dropped it), and {@code -o eth1} never holds. Found by the kernel oracle.
 */
class OutputInterfaceBeforeRoutingTest {
  private static final String RULES =
      """
      *mangle
      :PREROUTING ACCEPT [0:0]
      :INPUT ACCEPT [0:0]
      :FORWARD ACCEPT [0:0]
      :OUTPUT ACCEPT [0:0]
      :POSTROUTING ACCEPT [0:0]
      :pre_out - [0:0]
      -A PREROUTING -j pre_out
      -A pre_out -o eth1 -p tcp -m tcp --dport 1020 -j DROP
      -A pre_out ! -o eth1 -p tcp -m tcp --dport 1021 -j DROP
      COMMIT
      """;

  private static Verdict forwardedToEth1(int dport) throws Exception {
    Firewall fw = OneFlow.parse(RULES);
    IfaceDomain d = IfaceDomain.forFirewalls(List.of(fw), List.of("eth0", "eth1"));
    Cube syn = OneFlow.syn(d, "10.0.0.5", "198.51.100.10", dport, "eth0", "eth1");
    return OneFlow.evaluate(
            fw, d, OneFlow.noFacts(), syn, Point.ARRIVING, Point.FORWARDED, Point.LEAVING)
        .verdict();
  }

  @Test
  void negatedTestMayHoldForAPacketLeavingByThatInterface() throws Exception {
    assertThat(forwardedToEth1(1021)).isEqualTo(Verdict.INDETERMINATE);
  }

  @Test
  void positiveTestNeverHoldsBeforeRouting() throws Exception {
    assertThat(forwardedToEth1(1020)).isEqualTo(Verdict.ALLOW);
  }
}
