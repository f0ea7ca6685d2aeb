package dev.zpaaudit.ingest.nftables;

import static dev.zpaaudit.ingest.nftables.NftFixtures.dport;
import static dev.zpaaudit.ingest.nftables.NftFixtures.dst;
import static dev.zpaaudit.ingest.nftables.NftFixtures.parse;
import static dev.zpaaudit.ingest.nftables.NftFixtures.proto;
import static dev.zpaaudit.ingest.nftables.NftFixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zpaaudit.ingest.ParseResult;
import dev.zpaaudit.model.Action;
import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.Attachment;
import dev.zpaaudit.model.Condition;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.Point;
import dev.zpaaudit.model.PortSet;
import dev.zpaaudit.model.Rule;
import dev.zpaaudit.model.SessionState;
import dev.zpaaudit.model.TcpFlags;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NftablesJsonParserTest {
  static final String BASIC = NftFixtures.DIR + "basic.json";

  @Test
  void acceptsNftJsonOnly() {
    NftablesJsonParser p = new NftablesJsonParser();
    assertThat(p.accepts("{\"nftables\": [{\"metainfo\": {}}]}")).isTrue();
    assertThat(p.accepts("{\n  \"nftables\": [\n")).isTrue();
    assertThat(p.accepts("*filter\n:INPUT ACCEPT [0:0]\nCOMMIT\n")).isFalse();
    assertThat(p.accepts("{\"rules\": []}")).isFalse();
    assertThat(p.accepts("table inet filter {\n}\n")).isFalse();
  }

  @Test
  void baseChainBecomesAStageWithItsPolicy() throws Exception {
    ParseResult r = parse("basic.json");
    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.firewall().format()).isEqualTo("nftables-json");
    assertThat(r.firewall().families())
        .containsExactlyInAnyOrder(AddressFamily.IPV4, AddressFamily.IPV6);
    assertThat(r.firewall().filters().keySet())
        .containsExactlyInAnyOrder("inet filter input", "inet filter checks");
    assertThat(r.firewall().attachments())
        .containsExactly(
            new Attachment(
                Point.DELIVERED,
                Attachment.Kind.FILTER,
                0,
                "inet filter input",
                Set.of(AddressFamily.IPV4, AddressFamily.IPV6),
                "inet filter input"));
    Rule policy = r.firewall().filter("inet filter input").defaultRule();
    assertThat(policy.location().toString()).isEqualTo(BASIC + ":18");
    assertThat(policy.action()).isEqualTo(new Action.Drop());
    assertThat(policy.match()).isEmpty();
    assertThat(r.firewall().filter("inet filter checks").defaultRule()).isNull();
  }

  @Test
  void rulesAreLocatedAtTheirObjectAndRenderedInNftSyntax() throws Exception {
    ParseResult r = parse("basic.json");
    assertThat(NftFixtures.lines(r, "inet filter input"))
        .containsExactly(
            "38 ct state established,related accept # handle 3",
            "65 ct state invalid drop # handle 4",
            "89 iifname \"lo\" accept # handle 5",
            "113 iifname \"eth*\" tcp dport { 22, 8000-8080 } counter accept # handle 7",
            "165 th dport 53 accept # handle 8",
            "190 tcp flags & (syn | ack) == syn log prefix \"syn \" continue # handle 9",
            "228 ct direction reply accept # handle 10",
            "252 ip saddr != 10.0.0.0/8 reject with icmp host-prohibited # handle 11",
            "285 jump checks # handle 12",
            "300 goto checks # handle 13");
  }

  @Test
  void matchesBecomeConditions() throws Exception {
    ParseResult r = parse("basic.json");
    String in = "inet filter input";
    assertThat(rule(r, in, 0).match())
        .containsExactly(
            new Condition.Session(
                SessionState.set(
                    SessionState.ESTABLISHED_ORIGINAL,
                    SessionState.ESTABLISHED_REPLY,
                    SessionState.RELATED_ORIGINAL,
                    SessionState.RELATED_REPLY)));
    assertThat(rule(r, in, 0).action()).isEqualTo(new Action.Accept());
    assertThat(rule(r, in, 1).match())
        .containsExactly(new Condition.Session(SessionState.set(SessionState.INVALID)));
    assertThat(rule(r, in, 1).action()).isEqualTo(new Action.Drop());
    assertThat(rule(r, in, 2).match()).containsExactly(new Condition.InIface(List.of("lo"), false));
    assertThat(rule(r, in, 3).match())
        .containsExactly(
            new Condition.InIface(List.of("eth+"), false),
            proto(6),
            dport(PortSet.of(22).union(PortSet.range(8000, 8080))));
    assertThat(rule(r, in, 4).match())
        .containsExactly(proto(6, 17, 33, 132, 136), dport(PortSet.of(53)));
    assertThat(rule(r, in, 5).match())
        .containsExactly(
            proto(6),
            new Condition.Flags(TcpFlags.masked(TcpFlags.SYN | TcpFlags.ACK, TcpFlags.SYN)));
    assertThat(rule(r, in, 5).action()).isEqualTo(new Action.Continue("continue"));
    assertThat(rule(r, in, 6).match()).containsExactly(new Condition.Session(SessionState.reply()));
    assertThat(rule(r, in, 7).match())
        .containsExactly(new Condition.Src(IpSet.parse("10.0.0.0/8").complement()));
    assertThat(rule(r, in, 7).action()).isEqualTo(new Action.Reject("icmp host-prohibited"));
    assertThat(rule(r, in, 8).action()).isEqualTo(new Action.Jump("inet filter checks"));
    assertThat(rule(r, in, 9).action()).isEqualTo(new Action.Goto("inet filter checks"));
    String checks = "inet filter checks";
    assertThat(rule(r, checks, 0).match()).containsExactly(dst("192.0.2.1"));
    assertThat(rule(r, checks, 0).action()).isEqualTo(new Action.Return());
    assertThat(rule(r, checks, 1).match())
        .containsExactly(proto(17), new Condition.SrcPort(PortSet.of(53).complement()));
    assertThat(rule(r, checks, 2).match())
        .containsExactly(proto(1), new Condition.SrcPort(PortSet.of(8)));
    assertThat(rule(r, checks, 3).match())
        .containsExactly(new Condition.Family(AddressFamily.IPV6));
    assertThat(rule(r, checks, 4).match()).isEmpty();
    assertThat(rule(r, checks, 4).action()).isInstanceOf(Action.Reject.class);
  }

  @Test
  void namedSetsMapsAndConcatenations() throws Exception {
    ParseResult r = parse("sets.json");
    assertThat(r.diagnostics()).isEmpty();
    String out = "inet filter output";
    IpSet zen = IpSet.parse("198.51.100.0/24").union(IpSet.parse("203.0.113.10-203.0.113.20"));
    assertThat(rule(r, out, 0).match())
        .containsExactly(new Condition.Dst(zen), proto(6), dport(PortSet.of(443)));
    assertThat(rule(r, out, 1).match())
        .containsExactly(
            proto(6),
            new Condition.AnyOf(
                List.of(
                    List.of(dst("192.0.2.0/24"), dport(PortSet.of(443))),
                    List.of(dst("192.0.2.53"), dport(PortSet.of(53))))));
    assertThat(rule(r, out, 2).match()).containsExactly(new Condition.Dst(zen.complement()));
    // a verdict map: one rule per verdict, both at the rule's line
    assertThat(rule(r, out, 3).match()).containsExactly(proto(6), dport(PortSet.of(22)));
    assertThat(rule(r, out, 3).action()).isEqualTo(new Action.Accept());
    assertThat(rule(r, out, 4).match()).containsExactly(proto(6), dport(PortSet.of(23)));
    assertThat(rule(r, out, 4).action()).isEqualTo(new Action.Drop());
    assertThat(rule(r, out, 3).location()).isEqualTo(rule(r, out, 4).location());
    assertThat(rule(r, out, 3).text()).isEqualTo("tcp dport vmap @ports # handle 8");
    List<Rule> ct = List.of(rule(r, out, 5), rule(r, out, 6));
    assertThat(ct)
        .extracting(Rule::action)
        .containsExactlyInAnyOrder(new Action.Accept(), new Action.Drop());
    assertThat(ct)
        .extracting(Rule::match)
        .containsExactlyInAnyOrder(
            List.of(
                new Condition.Session(
                    SessionState.set(
                        SessionState.ESTABLISHED_ORIGINAL, SessionState.ESTABLISHED_REPLY))),
            List.of(new Condition.Session(SessionState.set(SessionState.INVALID))));
    assertThat(rule(r, out, 7).match())
        .containsExactly(new Condition.OutIface(List.of("eth0", "wg+"), true));
    // not (daddr 192.0.2.1 and dport 80) = daddr is another, or it is that one and dport another
    assertThat(rule(r, out, 8).match())
        .containsExactly(
            proto(6),
            new Condition.AnyOf(
                List.of(
                    List.of(new Condition.Dst(IpSet.parse("192.0.2.1").complement())),
                    List.of(dst("192.0.2.1"), dport(PortSet.of(80).complement())))));
    assertThat(rule(r, out, 8).location().line()).isEqualTo(296);
  }

  @Test
  void stagesRunInPriorityOrderWithTheirKinds() throws Exception {
    ParseResult r = parse("stages.json");
    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.firewall().attachments())
        .extracting(
            s ->
                s.point()
                    + " "
                    + s.kind()
                    + " "
                    + s.priority()
                    + " "
                    + s.filter()
                    + " "
                    + new java.util.TreeSet<>(s.families()))
        .containsExactly(
            "ARRIVING BEFORE_SESSIONS -300 ip raw prerouting [IPv4]",
            "ARRIVING TRANSLATION -100 ip nat prerouting [IPv4]",
            "FORWARDED FILTER 0 inet filter forward [IPv4, IPv6]",
            "FORWARDED FILTER 10 ip6 extra forward [IPv6]",
            "ORIGINATED TRANSLATION -100 ip nat output [IPv4]",
            "LEAVING TRANSLATION 100 ip nat postrouting [IPv4]");
    assertThat(rule(r, "ip raw prerouting", 0).action()).isEqualTo(new Action.Untrack("notrack"));
    assertThat(rule(r, "ip nat prerouting", 0).action())
        .isEqualTo(new Action.DestNat("dnat to 192.0.2.10:80"));
    assertThat(rule(r, "ip nat postrouting", 0).action())
        .isEqualTo(new Action.SrcNat("masquerade", true, List.of(), null));
    assertThat(rule(r, "ip nat postrouting", 1).action())
        .isEqualTo(
            new Action.SrcNat(
                "snat to 198.51.100.1", false, List.of(IpSet.parse("198.51.100.1")), null));
    assertThat(rule(r, "ip nat output", 0).action())
        .isEqualTo(new Action.DestNat("redirect to :3128"));
    assertThat(r.firewall().filter("ip6 extra forward").defaultRule().action())
        .isEqualTo(new Action.Drop());
  }

  @Test
  void unmodelledConstructsAreWarningsAndUnknowns() throws Exception {
    ParseResult r = parse("unmodelled.json");
    String f = NftFixtures.DIR + "unmodelled.json";
    assertThat(r.diagnostics())
        .extracting(d -> d.format())
        .containsExactly(
            f
                + ":243: warning: table bridge br filters bridged frames, not routed packets; it is not evaluated",
            f + ":55: warning: 'meta mark' is not modelled; the rule is evaluated as may-match",
            f
                + ":79: warning: 'limit rate 10/second' is not modelled; the rule is evaluated as may-match",
            f
                + ":99: warning: set @blocked changes while packets pass (its elements time out or rules add to it);"
                + " its lookup is not modelled; the rule is evaluated as may-match",
            f + ":161: warning: 'ip dscp' is not modelled; the rule is evaluated as may-match",
            f
                + ":206: warning: chain netdev edge ingress filters the ingress of a device the export does not"
                + " name; its rules are evaluated as may-apply");
    String fwd = "inet filter forward";
    assertThat(rule(r, fwd, 0).match())
        .containsExactly(new Condition.Unknown("'meta mark' is not modelled"));
    assertThat(rule(r, fwd, 0).action()).isEqualTo(new Action.Drop());
    assertThat(rule(r, fwd, 1).match())
        .containsExactly(new Condition.Unknown("'limit rate 10/second' is not modelled"));
    assertThat(rule(r, fwd, 2).match()).hasSize(1).first().isInstanceOf(Condition.Unknown.class);
    // adding to a set has no verdict of its own; the rule's drop stands
    assertThat(rule(r, fwd, 3).match()).containsExactly(proto(6), dport(PortSet.of(22)));
    assertThat(rule(r, fwd, 3).action()).isEqualTo(new Action.Drop());
    assertThat(rule(r, fwd, 5).action()).isInstanceOf(Action.Continue.class);
    // the netdev ingress chain runs before everything, on a device that may be any
    Attachment ingress = r.firewall().attachments().get(0);
    assertThat(ingress.point()).isEqualTo(Point.ARRIVING);
    assertThat(ingress.kind()).isEqualTo(Attachment.Kind.BEFORE_SESSIONS);
    assertThat(ingress.filter()).isEqualTo("netdev edge ingress");
    assertThat(rule(r, "netdev edge ingress", 0).match())
        .hasSize(1)
        .first()
        .isInstanceOf(Condition.Unknown.class);
    assertThat(rule(r, "netdev edge ingress", 0).action()).isEqualTo(new Action.Accept());
    assertThat(rule(r, "netdev edge ingress", 1).match())
        .containsExactly(NftFixtures.src("192.0.2.66"));
    assertThat(r.firewall().filters()).doesNotContainKey("bridge br forward");
  }

  @Test
  void oneLineExportsKeepTheHandleInTheText() throws Exception {
    ParseResult r = parse("gateway-oneline.json");
    List<Rule> rules = r.firewall().filter("inet filter forward").rules();
    assertThat(rules).extracting(x -> x.location().line()).containsOnly(1);
    assertThat(rules)
        .extracting(Rule::text)
        .containsExactly(
            "ct state established,related accept # handle 6",
            "ct state invalid drop # handle 7",
            "iifname \"eth1\" oifname \"eth0\" udp dport 53 accept # handle 8",
            "iifname \"eth1\" oifname \"eth0\" ip saddr 10.20.0.0/24 ip daddr @zen tcp dport 443 accept # handle 9",
            "iifname \"eth*\" meta l4proto icmp accept # handle 10",
            "log prefix \"fwd-drop \" # handle 11");
  }

  @Test
  void priorityNamesAreKnown() {
    assertThat(NftConversions.priority(new dev.zpaaudit.io.Tree.Scalar(1, "filter + 10")))
        .isEqualTo(10);
    assertThat(NftConversions.priority(new dev.zpaaudit.io.Tree.Scalar(1, "raw"))).isEqualTo(-300);
    assertThat(NftConversions.priority(new dev.zpaaudit.io.Tree.Scalar(1, "srcnat - 5")))
        .isEqualTo(95);
    assertThat(NftConversions.priority(new dev.zpaaudit.io.Tree.Scalar(1, -150))).isEqualTo(-150);
    assertThat(NftConversions.priority(new dev.zpaaudit.io.Tree.Scalar(1, "soon"))).isNull();
  }
}
