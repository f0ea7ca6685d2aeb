package dev.zpaaudit.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.Bits;
import dev.zpaaudit.model.Condition;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.PortSet;
import dev.zpaaudit.model.SessionState;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which rules are passed over without compiling: those whose own test admits none of the pieces.
 */
class PieceBoundsTest {
  private static final IfaceDomain D = IfaceDomain.forFirewalls(List.of(), List.of());

  private static PieceBounds bounds() {
    Cube base =
        Cube.all(AddressFamily.IPV4, D)
            .withProto(Bits.of(256, 6))
            .withSession(SessionState.set(SessionState.NEW));
    return new PieceBounds(
        List.of(
            Piece.of(base.withDst(IpSet.parse("192.0.2.0/24")).withDport(PortSet.of(443))),
            Piece.of(base.withDst(IpSet.parse("198.51.100.7")).withDport(PortSet.of(8443)))),
        AddressFamily.IPV4);
  }

  private static boolean missed(Condition... match) {
    return bounds().missedBy(List.of(match));
  }

  @Test
  void aRuleTestingOtherAddressesProtocolsPortsOrStatesMissesThePieces() {
    assertThat(missed(new Condition.Dst(IpSet.parse("10.0.0.0/8")))).isTrue();
    assertThat(missed(new Condition.Dst(IpSet.parse("2001:db8::/32")))).isTrue();
    assertThat(missed(new Condition.Src(IpSet.parse("2001:db8::/32")))).isTrue();
    assertThat(missed(new Condition.Proto(Bits.of(256, 17)))).isTrue();
    assertThat(missed(new Condition.DstPort(PortSet.of(22)))).isTrue();
    assertThat(missed(new Condition.Session(SessionState.set(SessionState.ESTABLISHED_REPLY))))
        .isTrue();
    assertThat(
            missed(
                new Condition.Proto(Bits.of(256, 6)),
                new Condition.Dst(IpSet.parse("198.51.100.8"))))
        .isTrue();
  }

  @Test
  void aRuleThatMayMatchSomePieceIsEvaluated() {
    assertThat(missed()).isFalse();
    assertThat(missed(new Condition.Dst(IpSet.parse("198.51.100.0/29")))).isFalse();
    assertThat(missed(new Condition.Src(IpSet.parse("10.0.0.0/8")))).isFalse();
    assertThat(missed(new Condition.DstPort(PortSet.range(8000, 9000)))).isFalse();
    assertThat(missed(new Condition.Unknown("match 'limit'"))).isFalse();
    // the address of one piece and the port of another: only compiling tells
    assertThat(
            missed(
                new Condition.Dst(IpSet.parse("198.51.100.7")),
                new Condition.DstPort(PortSet.of(443))))
        .isFalse();
  }
}
