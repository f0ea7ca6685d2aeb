package dev.zpaaudit.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zpaaudit.model.Firewall;
import dev.zpaaudit.oracle.Flow.Hook;
import dev.zpaaudit.oracle.Flow.Kind;
import java.math.BigInteger;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The oracle's flows: reproducible, within the lab's limits, covering every boundary. */
class FlowGeneratorTest {
  private static final List<Hook> ALL = List.of(Hook.FORWARD, Hook.INPUT, Hook.OUTPUT);

  private static List<Flow> flows(OracleCase c) {
    Firewall fw = c.engineFirewall();
    return new FlowGenerator(
            Boundaries.of(fw, c.family()), OracleComparison.zenRanges(c.family()), c.seed())
        .generate(ALL, OracleComparison.MIN_RANDOM, OracleComparison.MIN_FLOWS);
  }

  @Test
  void natRepliesAreAddedWithoutChangingTheOtherFlows() {
    OracleCase c = OracleCase.handWritten("snat-gateway.rules");
    Firewall fw = c.engineFirewall();
    List<Flow> with =
        new FlowGenerator(
                Boundaries.of(fw, c.family()), OracleComparison.zenRanges(c.family()), c.seed())
            .withNatReplies(true)
            .generate(ALL, OracleComparison.MIN_RANDOM, OracleComparison.MIN_FLOWS);
    List<Flow> without = flows(c);
    assertThat(with).containsAll(without);
    List<Flow> nat = with.stream().filter(f -> f.kind() == Kind.NAT_REPLY).toList();
    assertThat(nat.size()).isGreaterThan(FlowGenerator.RANDOM_NAT_REPLIES);
    assertThat(with).hasSize(without.size() + nat.size());
    assertThat(nat).allMatch(f -> f.hook() != Hook.OUTPUT && f.proto() != Flow.ICMPV6);
    assertThat(nat).anyMatch(f -> f.hook() == Hook.INPUT).anyMatch(f -> f.dport() == 443);
  }

  @Test
  void sameSeedSameFlows() {
    OracleCase c = OracleCase.corpus("shorewall-akachan.rules");
    assertThat(flows(c)).isEqualTo(flows(OracleCase.corpus("shorewall-akachan.rules")));
  }

  @Test
  void atLeastFiveThousandUsableFlowsInFewRounds() {
    OracleCase c = OracleCase.corpus("tum-2013.rules");
    List<Flow> flows = flows(c);
    assertThat(flows).hasSizeGreaterThanOrEqualTo(OracleComparison.MIN_FLOWS);
    for (Flow f : flows) {
      assertThat(f.src()).isNotEqualTo(f.dst());
      for (InetAddress a : List.of(f.src(), f.dst())) {
        assertThat(Boundaries.usable(a)).as(f.toString()).isTrue();
      }
      assertThat(f.inIface()).isNotEqualTo("lo");
      assertThat(f.outIface()).isNotEqualTo("lo");
    }
    assertThat(RoundPlanner.plan(flows)).hasSizeLessThanOrEqualTo(FlowGenerator.BATCHES + 2);
  }

  @Test
  void everyBoundaryAddressIsTestedAsNewAndAsReply() {
    OracleCase c = OracleCase.handWritten("edges.rules");
    List<Flow> flows = flows(c);
    Boundaries b = Boundaries.of(c.engineFirewall(), 4);
    assertThat(b.addresses)
        .contains(
            Boundaries.toNumber(ip("10.29.255.255")),
            Boundaries.toNumber(ip("10.30.0.0")),
            Boundaries.toNumber(ip("10.30.255.255")),
            Boundaries.toNumber(ip("10.31.0.0")));
    assertThat(b.ports).contains(1000, 1001, 1002, 1003, 1999, 2000, 2010, 2011);
    assertThat(b.interfaces).contains("eth", "ethz", "eth0", "eth1", "ppp", "pppz");
    for (BigInteger a : b.addresses) {
      for (Kind k : List.of(Kind.NEW, Kind.REPLY)) {
        InetAddress ip = Boundaries.toInet(4, a);
        assertThat(flows)
            .as(ip + " " + k)
            .anyMatch(f -> f.kind() == k && f.src().equals(ip))
            .anyMatch(f -> f.kind() == k && f.dst().equals(ip));
      }
    }
  }

  @Test
  void publishedRangeEdgesAreConnectedTo() {
    List<Flow> flows = flows(OracleCase.handWritten("policies.rules"));
    InetAddress first = ip("104.129.192.0");
    InetAddress last = ip("104.129.207.255");
    for (InetAddress a : List.of(first, last)) {
      for (Kind k : List.of(Kind.NEW, Kind.REPLY)) {
        assertThat(flows)
            .as(a + " " + k)
            .anyMatch(
                f ->
                    f.kind() == k
                        && f.dst().equals(a)
                        && f.dport() == 443
                        && f.proto() == Flow.TCP);
      }
    }
    assertThat(flows).anyMatch(f -> f.dst().equals(ip("104.129.208.0")));
  }

  @Test
  void ipv6FlowsCoverPrefixBoundariesAndIcmpv6Types() {
    OracleCase c = OracleCase.handWritten6("gateway6.rules");
    List<Flow> flows = flows(c);
    assertThat(flows).hasSizeGreaterThanOrEqualTo(OracleComparison.MIN_FLOWS);
    assertThat(flows).allMatch(f -> f.family() == 6);
    for (Flow f : flows) {
      assertThat(Boundaries.usable(f.src())).as(f.toString()).isTrue();
      assertThat(Boundaries.usable(f.dst())).as(f.toString()).isTrue();
    }
    Boundaries b = Boundaries.of(c.engineFirewall(), 6);
    assertThat(b.addresses)
        .contains(
            Boundaries.toNumber(ip("2001:db8:f:ffff:ffff:ffff:ffff:ffff")),
            Boundaries.toNumber(ip("2001:db8:10::")),
            Boundaries.toNumber(ip("2001:db8:10:ffff:ffff:ffff:ffff:ffff")),
            Boundaries.toNumber(ip("2001:db8:11::")));
    for (BigInteger a : b.addresses) {
      InetAddress ip = Boundaries.toInet(6, a);
      for (Kind k : List.of(Kind.NEW, Kind.REPLY)) {
        assertThat(flows)
            .as(ip + " " + k)
            .anyMatch(f -> f.kind() == k && f.src().equals(ip))
            .anyMatch(f -> f.kind() == k && f.dst().equals(ip));
      }
    }
    for (Hook h : ALL) {
      for (Kind k : List.of(Kind.NEW, Kind.REPLY, Kind.ESTABLISHED)) {
        assertThat(flows)
            .as("echo " + h + " " + k)
            .anyMatch(
                f ->
                    f.proto() == Flow.ICMPV6
                        && f.sport() == Flow.ECHO_REQUEST
                        && f.hook() == h
                        && f.kind() == k);
      }
      for (int[] tc : FlowGenerator.ICMPV6_TYPES) {
        assertThat(flows)
            .as("ICMPv6 " + tc[0] + "/" + tc[1] + " " + h)
            .anyMatch(
                f ->
                    f.proto() == Flow.ICMPV6
                        && f.sport() == tc[0]
                        && f.dport() == tc[1]
                        && f.hook() == h);
      }
    }
    assertThat(RoundPlanner.plan(flows)).hasSizeLessThanOrEqualTo(FlowGenerator.BATCHES + 2);
  }

  private static InetAddress ip(String s) {
    return Flow.tcp(s, 1, s.contains(":") ? "2001:db8::1" : "10.0.0.1", 1).src();
  }
}
