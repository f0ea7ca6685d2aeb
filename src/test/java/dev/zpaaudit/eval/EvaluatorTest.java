package dev.zpaaudit.eval;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;

/** First-match semantics, chains and stages, and indeterminate verdicts, on tiny rulesets. */
class EvaluatorTest {
  private static final List<Point> EGRESS = List.of(Point.ORIGINATED, Point.LEAVING);

  static Firewall fw(String rules) throws Exception {
    return new IptablesSaveParser().parse(rules, "t.rules").firewall();
  }

  /** Verdicts for one SYN from 10.0.0.1:40000 to dst:443 leaving eth0. */
  static List<Outcome> syn(Firewall f, String dst) {
    IfaceDomain d = IfaceDomain.forFirewalls(List.of(f), List.of("eth0"));
    Cube c =
        Cube.all(AddressFamily.IPV4, d)
            .withSrc(IpSet.parse("10.0.0.1"))
            .withDst(IpSet.parse(dst))
            .withProto(Bits.of(256, 6))
            .withSport(PortSet.of(40000))
            .withDport(PortSet.of(443))
            .withSession(SessionState.set(SessionState.NEW))
            .withFlags(TcpFlags.syn())
            .withIif(d.exactly(IfaceDomain.NONE))
            .withOif(d.exactly("eth0"));
    return new Evaluator(
            f,
            AddressFamily.IPV4,
            d,
            AddressFacts.of(AddressFamily.IPV4, IpSet.empty(4), IpSet.empty(4)))
        .evaluate(List.of(c), EGRESS);
  }

  static Outcome one(Firewall f, String dst) {
    List<Outcome> o = syn(f, dst);
    assertThat(o).hasSize(1);
    return o.get(0);
  }

  @Test
  void firstMatchWinsAndNamesTheRule() throws Exception {
    Firewall f =
        fw(
            "*filter\n:OUTPUT ACCEPT [0:0]\n-A OUTPUT -d 192.0.2.0/24 -j DROP\n"
                + "-A OUTPUT -p tcp --dport 443 -j ACCEPT\nCOMMIT\n");
    Outcome o = one(f, "192.0.2.7");
    assertThat(o.verdict()).isEqualTo(Verdict.DENY);
    assertThat(o.decidingRule().location().line()).isEqualTo(3);
    assertThat(one(f, "198.51.100.1").decidingRule().location().line()).isEqualTo(4);
  }

  @Test
  void aSetSplitsByWhatDecidesEachPart() throws Exception {
    Firewall f = fw("*filter\n:OUTPUT DROP [0:0]\n-A OUTPUT -d 192.0.2.0/25 -j ACCEPT\nCOMMIT\n");
    List<Outcome> o = syn(f, "192.0.2.0/24");
    assertThat(o).hasSize(2);
    assertThat(o)
        .anySatisfy(
            x -> {
              assertThat(x.verdict()).isEqualTo(Verdict.ALLOW);
              assertThat(x.packets().dst().toCidrs()).containsExactly("192.0.2.0/25");
            });
    assertThat(o)
        .anySatisfy(
            x -> {
              assertThat(x.verdict()).isEqualTo(Verdict.DENY);
              assertThat(x.packets().dst().toCidrs()).containsExactly("192.0.2.128/25");
              assertThat(x.decidingRule().text()).contains("policy of filter/OUTPUT");
              assertThat(x.decidingRule().location().line()).isEqualTo(2);
            });
  }

  @Test
  void jumpReturnAndGotoFollowTheKernel() throws Exception {
    Firewall f =
        fw(
            """
        *filter
        :OUTPUT DROP [0:0]
        :A - [0:0]
        :B - [0:0]
        -A OUTPUT -j A
        -A OUTPUT -d 192.0.2.2 -j ACCEPT
        -A A -d 192.0.2.1 -j RETURN
        -A A -g B
        -A A -j DROP
        -A B -d 192.0.2.2 -j RETURN
        -A B -j ACCEPT
        COMMIT
        """);
    // 192.0.2.1: A returns at once, then OUTPUT's policy drops.
    assertThat(one(f, "192.0.2.1").verdict()).isEqualTo(Verdict.DENY);
    // 192.0.2.2: goto B, B returns to OUTPUT (not to A), then OUTPUT accepts it.
    Outcome two = one(f, "192.0.2.2");
    assertThat(two.verdict()).isEqualTo(Verdict.ALLOW);
    assertThat(two.decidingRule().location().line()).isEqualTo(6);
    // Anything else: B accepts.
    assertThat(one(f, "192.0.2.3").decidingRule().location().line()).isEqualTo(11);
    assertThat(one(f, "192.0.2.3").trace().steps())
        .extracting(s -> s.rule().location().line())
        .containsExactly(5, 8, 11);
  }

  @Test
  void anUnmodelledMatchMakesADisagreeingVerdictIndeterminate() throws Exception {
    Firewall f =
        fw(
            "*filter\n:OUTPUT ACCEPT [0:0]\n"
                + "-A OUTPUT -m recent --name x --rcheck -j DROP\nCOMMIT\n");
    Outcome o = one(f, "192.0.2.1");
    assertThat(o.verdict()).isEqualTo(Verdict.INDETERMINATE);
    assertThat(o.doubts())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.rule().location().line()).isEqualTo(3);
              assertThat(d.verdict()).isEqualTo(Verdict.DENY);
              assertThat(d.reason()).contains("recent");
            });
  }

  @Test
  void anUnmodelledMatchThatCannotChangeTheVerdictLeavesItExact() throws Exception {
    Firewall f =
        fw(
            "*filter\n:OUTPUT DROP [0:0]\n"
                + "-A OUTPUT -m limit --limit 5/min -j LOG\n-A OUTPUT -m recent --name x --rcheck -j DROP\nCOMMIT\n");
    Outcome o = one(f, "192.0.2.1");
    assertThat(o.verdict()).isEqualTo(Verdict.DENY);
    assertThat(o.doubts()).isEmpty();
  }

  @Test
  void everyStageMustAccept() throws Exception {
    Firewall f =
        fw(
            "*mangle\n:OUTPUT ACCEPT [0:0]\n:POSTROUTING ACCEPT [0:0]\n"
                + "-A POSTROUTING -d 192.0.2.9 -j DROP\nCOMMIT\n*filter\n:OUTPUT ACCEPT [0:0]\nCOMMIT\n");
    Outcome o = one(f, "192.0.2.9");
    assertThat(o.verdict()).isEqualTo(Verdict.DENY);
    assertThat(o.trace().steps()).extracting(Trace.Step::stage).contains("mangle/POSTROUTING");
  }

  @Test
  void notrackMakesPacketsUntrackedForLaterStateTests() throws Exception {
    Firewall f =
        fw(
            "*raw\n:PREROUTING ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n"
                + "-A OUTPUT -d 192.0.2.5 -j NOTRACK\nCOMMIT\n*filter\n:OUTPUT DROP [0:0]\n"
                + "-A OUTPUT -m state --state NEW -j ACCEPT\nCOMMIT\n");
    assertThat(one(f, "192.0.2.5").verdict()).isEqualTo(Verdict.DENY);
    assertThat(one(f, "192.0.2.6").verdict()).isEqualTo(Verdict.ALLOW);
  }

  @Test
  void destinationNatIsReportedNotGuessed() throws Exception {
    Firewall f =
        fw(
            "*nat\n:OUTPUT ACCEPT [0:0]\n:POSTROUTING ACCEPT [0:0]\n"
                + "-A OUTPUT -p tcp --dport 443 -j REDIRECT --to-ports 3129\nCOMMIT\n"
                + "*filter\n:OUTPUT ACCEPT [0:0]\nCOMMIT\n");
    Outcome o = one(f, "192.0.2.1");
    assertThat(o.verdict()).isEqualTo(Verdict.INDETERMINATE);
    assertThat(o.reason()).contains("destination NAT");
  }

  @Test
  void interfaceWildcardsAndNegation() throws Exception {
    Firewall f =
        fw(
            "*filter\n:OUTPUT DROP [0:0]\n-A OUTPUT ! -o eth+ -j DROP\n"
                + "-A OUTPUT -o eth0 -j ACCEPT\nCOMMIT\n");
    assertThat(one(f, "192.0.2.1").verdict()).isEqualTo(Verdict.ALLOW);
  }

  @Test
  void anotherFamilyIsNotDescribedByTheExport() throws Exception {
    Firewall f = fw("*filter\n:OUTPUT ACCEPT [0:0]\nCOMMIT\n");
    IfaceDomain d = IfaceDomain.forFirewalls(List.of(f), List.of());
    List<Outcome> o =
        new Evaluator(
                f,
                AddressFamily.IPV6,
                d,
                AddressFacts.of(AddressFamily.IPV6, IpSet.empty(6), IpSet.empty(6)))
            .evaluate(List.of(Cube.all(AddressFamily.IPV6, d)), EGRESS);
    assertThat(o)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.verdict()).isEqualTo(Verdict.INDETERMINATE);
              assertThat(x.reason()).contains("no rules for IPv6");
            });
  }
}
