package dev.zpaaudit.ingest.panos;

import static dev.zpaaudit.ingest.panos.PanosFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zpaaudit.eval.AddressFacts;
import dev.zpaaudit.eval.Cube;
import dev.zpaaudit.eval.Evaluator;
import dev.zpaaudit.eval.IfaceDomain;
import dev.zpaaudit.eval.Outcome;
import dev.zpaaudit.eval.Verdict;
import dev.zpaaudit.ingest.ExportScope;
import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.Bits;
import dev.zpaaudit.model.Firewall;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.Point;
import dev.zpaaudit.model.PortSet;
import dev.zpaaudit.model.SessionState;
import dev.zpaaudit.model.TcpFlags;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Packets through a converted PAN-OS security policy: a stateful stage judges a session's first
 * packet by zones, first match wins, the defaults decide the rest, and a test the export does not
 * settle makes a verdict it could change indeterminate.
 */
class PanosVerdictsTest {
  private static final List<Point> FORWARD =
      List.of(Point.ARRIVING, Point.FORWARDED, Point.LEAVING);
  private static Firewall fw;
  private static IfaceDomain zones;

  @BeforeAll
  static void convert() throws Exception {
    fw =
        PanosConversions.convert(
                read("convert-session.xml"), ExportScope.ALL, Applications.embedded())
            .firewall();
    zones = IfaceDomain.forFirewalls(List.of(fw), List.of());
  }

  /** TCP packets from {@code src}:40000 to {@code dst}:443 in one connection state. */
  static Outcome tcp(String inZone, String outZone, String src, String dst, SessionState state) {
    Cube c =
        Cube.all(AddressFamily.IPV4, zones)
            .withSrc(IpSet.parse(src))
            .withDst(IpSet.parse(dst))
            .withProto(Bits.of(256, 6))
            .withSport(PortSet.of(40000))
            .withDport(PortSet.of(443))
            .withSession(SessionState.set(state))
            .withFlags(state == SessionState.NEW ? TcpFlags.syn() : Bits.all(256))
            .withIif(zones.exactly(inZone))
            .withOif(zones.exactly(outZone));
    List<Outcome> o =
        new Evaluator(
                fw,
                AddressFamily.IPV4,
                zones,
                AddressFacts.of(AddressFamily.IPV4, IpSet.empty(4), IpSet.empty(4)))
            .evaluate(List.of(c), FORWARD);
    assertThat(o).hasSize(1);
    return o.get(0);
  }

  static Outcome syn(String inZone, String outZone, String dst) {
    return tcp(inZone, outZone, "10.20.0.5", dst, SessionState.NEW);
  }

  @Test
  void theFirstRuleThatMatchesDecidesAndIsNamed() {
    Outcome o = syn("trust", "untrust", "192.0.2.5");
    assertThat(o.verdict()).isEqualTo(Verdict.ALLOW);
    assertThat(o.decidingRule().location().line()).isEqualTo(33);
    assertThat(o.decidingRule().text()).startsWith("security rule 'https-out'");
  }

  @Test
  void aNegationWithAnUnknownMemberIsIndeterminateNotAPass() {
    Outcome o = syn("trust", "untrust", "203.0.113.5");
    assertThat(o.verdict()).isEqualTo(Verdict.INDETERMINATE);
    assertThat(o.doubts())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.rule().location().line()).isEqualTo(25);
              assertThat(d.verdict()).isEqualTo(Verdict.DENY);
              assertThat(d.reason()).contains("'web' (the FQDN www.example.com");
            });
  }

  @Test
  void repliesOfASessionPassTheStatefulPolicyWithoutARule() {
    Outcome o = tcp("untrust", "trust", "203.0.113.5", "10.20.0.5", SessionState.ESTABLISHED_REPLY);
    assertThat(o.verdict()).isEqualTo(Verdict.ALLOW);
    assertThat(o.decidingRule()).isNull();
    assertThat(o.doubts()).isEmpty();
  }

  @Test
  void aNewSessionTheOtherWayMeetsTheInterzoneDefault() {
    Outcome o = syn("untrust", "trust", "10.20.0.6");
    assertThat(o.verdict()).isEqualTo(Verdict.DENY);
    assertThat(o.decidingRule().text()).startsWith("default rule 'interzone-default'");
  }

  @Test
  void anIntrazoneRuleOfAnyZoneCoversTheZonesOnlyRulesName() {
    // 'lab' is defined by no zone entry; the intrazone rule above the one naming it still drops.
    Outcome o = syn("lab", "lab", "10.30.0.5");
    assertThat(o.verdict()).isEqualTo(Verdict.DENY);
    assertThat(o.decidingRule().location().line()).isEqualTo(40);
    assertThat(syn("trust", "trust", "10.20.0.6").decidingRule().location().line()).isEqualTo(40);
  }
}
