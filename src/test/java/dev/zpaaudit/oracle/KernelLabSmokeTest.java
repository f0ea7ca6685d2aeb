package dev.zpaaudit.oracle;

import static dev.zpaaudit.oracle.Verdict.DELIVERED;
import static dev.zpaaudit.oracle.Verdict.DROPPED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.zpaaudit.oracle.Flow.Hook;
import dev.zpaaudit.oracle.Flow.Kind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KernelLabSmokeTest {
  private static final String IPTABLES =
      """
      *filter
      :INPUT DROP [0:0]
      :FORWARD DROP [0:0]
      :OUTPUT DROP [0:0]
      -A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
      -A INPUT -i eth0 -p tcp -m tcp --dport 22 -j ACCEPT
      -A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
      -A FORWARD -d 198.51.100.0/24 -o eth1 -p tcp -m tcp --dport 443 -j ACCEPT
      -A FORWARD -d 198.51.100.53/32 -o eth1 -p udp -m udp --dport 53 -j ACCEPT
      -A FORWARD -i ppp0 -o eth1.1011 -p udp -m udp --dport 1194 -j ACCEPT
      -A OUTPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
      -A OUTPUT -d 198.51.100.0/24 -o eth1 -p tcp -m tcp --dport 443 -j ACCEPT
      COMMIT
      """;

  private static final String NFT =
      """
      table inet filter {
        chain forward {
          type filter hook forward priority 0; policy drop;
          oifname "eth1" ip daddr 198.51.100.0/24 tcp dport 443 accept
        }
        chain input {
          type filter hook input priority 0; policy drop;
          ct state established,related accept
          iifname "eth0" tcp dport 22 ct state new accept
        }
        chain output {
          type filter hook output priority 0; policy accept;
          tcp dport 25 drop
        }
      }
      """;

  private static final String IP6TABLES =
      """
      *filter
      :INPUT DROP [0:0]
      :FORWARD DROP [0:0]
      :OUTPUT DROP [0:0]
      -A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
      -A INPUT -p ipv6-icmp -m icmp6 --icmpv6-type neighbour-solicitation -j ACCEPT
      -A INPUT -i eth0 -p tcp -m tcp --dport 22 -j ACCEPT
      -A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
      -A FORWARD -d 2001:db8:100::/48 -o eth1 -p tcp -m tcp --dport 443 -j ACCEPT
      -A FORWARD -d 2001:db8:100::53/128 -o eth1 -p udp -m udp --dport 53 -j ACCEPT
      -A FORWARD -p ipv6-icmp -m icmp6 --icmpv6-type echo-request -j ACCEPT
      -A OUTPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
      -A OUTPUT -d 2001:db8:100::/48 -o eth1 -p tcp -m tcp --dport 443 -j ACCEPT
      COMMIT
      """;

  private static KernelLab lab;

  @BeforeEach
  void startLab() {
    String reason = KernelLab.unavailableReason().orElse(null);
    assumeTrue(reason == null, () -> "kernel lab unavailable: " + reason);
    if (lab == null) {
      lab = new KernelLab();
    }
  }

  @AfterAll
  static void stopLab() {
    if (lab != null) {
      lab.close();
      lab = null;
    }
  }

  @Test
  void iptablesForwardFollowsRulesAndConntrack() {
    lab.loadIptablesSave(IPTABLES);
    Flow https = Flow.tcp("10.0.0.5", 40001, "198.51.100.10", 443);
    Flow dns = Flow.udp("10.0.0.5", 40002, "198.51.100.53", 53);
    Map<Flow, Verdict> expected = new LinkedHashMap<>();
    expected.put(https, DELIVERED);
    expected.put(https.withKind(Kind.REPLY), DELIVERED);
    expected.put(https.withKind(Kind.ESTABLISHED), DELIVERED);
    expected.put(Flow.tcp("10.0.0.5", 40003, "198.51.100.10", 80), DROPPED);
    expected.put(Flow.tcp("10.0.0.5", 40004, "203.0.113.10", 443), DROPPED);
    expected.put(Flow.tcp("10.0.0.5", 40005, "198.51.100.10", 443).via("eth0", "eth2"), DROPPED);
    expected.put(dns, DELIVERED);
    expected.put(dns.withKind(Kind.REPLY), DELIVERED);
    expected.put(Flow.udp("10.0.0.5", 40006, "198.51.100.53", 123), DROPPED);
    expected.put(Flow.udp("10.9.0.1", 1194, "10.8.0.1", 1194).via("ppp0", "eth1.1011"), DELIVERED);
    expected.put(Flow.udp("10.9.0.1", 1194, "10.8.0.1", 1194).via("ppp0", "eth1"), DROPPED);
    assertThat(lab.run(List.copyOf(expected.keySet()))).isEqualTo(expected);
  }

  @Test
  void iptablesInputAndOutput() {
    lab.loadIptablesSave(IPTABLES);
    Flow ssh = Flow.tcp("203.0.113.7", 50000, "192.0.2.1", 22).withHook(Hook.INPUT);
    Flow web = Flow.tcp("192.0.2.1", 41000, "198.51.100.10", 443).withHook(Hook.OUTPUT);
    Map<Flow, Verdict> expected = new LinkedHashMap<>();
    expected.put(ssh.via("eth0", null), DELIVERED);
    expected.put(ssh.via("eth0", null).withKind(Kind.ESTABLISHED), DELIVERED);
    expected.put(ssh.via("eth1", null), DROPPED);
    expected.put(Flow.tcp("203.0.113.7", 50001, "192.0.2.1", 23).withHook(Hook.INPUT), DROPPED);
    expected.put(web.via(null, "eth1"), DELIVERED);
    expected.put(web.via(null, "eth1").withKind(Kind.ESTABLISHED), DELIVERED);
    expected.put(web.via(null, "eth0"), DROPPED);
    expected.put(Flow.tcp("192.0.2.1", 41001, "198.51.100.10", 80).withHook(Hook.OUTPUT), DROPPED);
    // The host as client: its SYN left by eth1, the SYN+ACK comes back through INPUT.
    expected.put(web.withHook(Hook.INPUT).withKind(Kind.REPLY).via(null, "eth1"), DELIVERED);
    // The host as server: the SYN came in by eth0, its SYN+ACK leaves through OUTPUT.
    expected.put(ssh.withHook(Hook.OUTPUT).withKind(Kind.REPLY).via("eth0", null), DELIVERED);
    assertThat(lab.run(List.copyOf(expected.keySet()))).isEqualTo(expected);
  }

  @Test
  void ip6tablesWithDropPoliciesNeedsNoNeighbourDiscovery() {
    String reason = KernelLab.ipv6UnavailableReason().orElse(null);
    assumeTrue(reason == null, () -> "kernel lab unavailable for IPv6: " + reason);
    lab.loadIp6tablesSave(IP6TABLES);
    Flow https = Flow.tcp("2001:db8:1::5", 40001, "2001:db8:100::10", 443);
    Flow dns = Flow.udp("2001:db8:1::5", 40002, "2001:db8:100::53", 53);
    Flow ping = Flow.icmpv6("2001:db8:1::5", "2001:db8:200::1", Flow.ECHO_REQUEST, 0);
    Flow ssh = Flow.tcp("2001:db8:7::7", 50000, "2001:db8:1::1", 22).withHook(Hook.INPUT);
    Flow web = Flow.tcp("2001:db8:1::1", 41000, "2001:db8:100::10", 443).withHook(Hook.OUTPUT);
    Map<Flow, Verdict> expected = new LinkedHashMap<>();
    expected.put(https, DELIVERED);
    expected.put(https.withKind(Kind.REPLY), DELIVERED);
    expected.put(https.withKind(Kind.ESTABLISHED), DELIVERED);
    expected.put(Flow.tcp("2001:db8:1::5", 40003, "2001:db8:100::10", 80), DROPPED);
    expected.put(Flow.tcp("2001:db8:1::5", 40004, "2001:db8:200::10", 443), DROPPED);
    expected.put(dns, DELIVERED);
    expected.put(dns.withKind(Kind.REPLY), DELIVERED);
    expected.put(Flow.udp("2001:db8:1::5", 40005, "2001:db8:100::53", 123), DROPPED);
    expected.put(ping, DELIVERED);
    expected.put(ping.withKind(Kind.REPLY), DELIVERED);
    expected.put(ping.withKind(Kind.ESTABLISHED), DELIVERED);
    // An error about no known connection is INVALID: no rule accepts it.
    expected.put(Flow.icmpv6("2001:db8:1::5", "2001:db8:200::1", 1, 4), DROPPED);
    Flow toHost = Flow.icmpv6("2001:db8:7::7", "2001:db8:1::1", 135, 0).withHook(Hook.INPUT);
    expected.put(toHost.via("eth0", null), DELIVERED);
    expected.put(
        Flow.icmpv6("2001:db8:7::8", "2001:db8:1::1", 136, 0).withHook(Hook.INPUT), DROPPED);
    expected.put(ssh.via("eth0", null), DELIVERED);
    expected.put(ssh.via("eth0", null).withKind(Kind.ESTABLISHED), DELIVERED);
    expected.put(ssh.via("eth1", null), DROPPED);
    expected.put(web.via(null, "eth1"), DELIVERED);
    expected.put(web.via(null, "eth1").withKind(Kind.ESTABLISHED), DELIVERED);
    expected.put(web.via(null, "eth0"), DROPPED);
    expected.put(
        Flow.icmpv6("2001:db8:1::1", "2001:db8:100::9", Flow.ECHO_REQUEST, 0)
            .withHook(Hook.OUTPUT)
            .via(null, "eth1"),
        DROPPED);
    assertThat(lab.run(List.copyOf(expected.keySet()))).isEqualTo(expected);
  }

  @Test
  void nftStatelessForwardDropsReplies() {
    lab.loadNft(NFT);
    Flow https = Flow.tcp("10.0.0.5", 40001, "198.51.100.10", 443);
    Flow ssh = Flow.tcp("203.0.113.7", 50000, "192.0.2.1", 22).withHook(Hook.INPUT);
    Map<Flow, Verdict> expected = new LinkedHashMap<>();
    expected.put(https, DELIVERED);
    expected.put(https.withKind(Kind.REPLY), DROPPED);
    expected.put(https.withKind(Kind.ESTABLISHED), DELIVERED);
    expected.put(Flow.udp("10.0.0.5", 40002, "198.51.100.53", 53), DROPPED);
    expected.put(ssh, DELIVERED);
    expected.put(ssh.withKind(Kind.ESTABLISHED), DELIVERED);
    expected.put(ssh.via("eth1", "eth0"), DROPPED);
    expected.put(Flow.tcp("192.0.2.1", 41000, "198.51.100.9", 25).withHook(Hook.OUTPUT), DROPPED);
    expected.put(Flow.udp("192.0.2.1", 41000, "198.51.100.9", 25).withHook(Hook.OUTPUT), DELIVERED);
    assertThat(lab.run(List.copyOf(expected.keySet()))).isEqualTo(expected);
  }

  @Test
  void hostOwnsItsEndOfInputAndOutputFlows() {
    lab.loadIptablesSave(
        """
        *filter
        :INPUT DROP [0:0]
        :FORWARD DROP [0:0]
        :OUTPUT DROP [0:0]
        -A INPUT -p tcp -m addrtype --dst-type LOCAL -m tcp --dport 22 -j ACCEPT
        -A FORWARD -p tcp -m addrtype --dst-type UNICAST -m tcp --dport 22 -j ACCEPT
        -A OUTPUT -m addrtype --src-type LOCAL -j ACCEPT
        COMMIT
        """);
    Flow toHost = Flow.tcp("203.0.113.7", 50000, "192.0.2.1", 22).withHook(Hook.INPUT);
    Flow throughHost = Flow.tcp("203.0.113.7", 50001, "192.0.2.1", 22);
    Flow fromHost = Flow.tcp("192.0.2.1", 41000, "203.0.113.7", 22).withHook(Hook.OUTPUT);
    Map<Flow, Verdict> expected = new LinkedHashMap<>();
    expected.put(toHost, DELIVERED);
    expected.put(throughHost, DELIVERED);
    expected.put(fromHost, DELIVERED);
    assertThat(lab.run(List.copyOf(expected.keySet()))).isEqualTo(expected);
  }

  @Test
  void translatedPacketsAreStillRecognised() {
    lab.loadIptablesSave(
        """
        *nat
        :PREROUTING ACCEPT [0:0]
        :INPUT ACCEPT [0:0]
        :OUTPUT ACCEPT [0:0]
        :POSTROUTING ACCEPT [0:0]
        -A PREROUTING -i eth0 -p tcp -m tcp --dport 8443 -j DNAT --to-destination 198.51.100.20:443
        -A POSTROUTING -o eth1 -j MASQUERADE
        COMMIT
        *filter
        :INPUT ACCEPT [0:0]
        :FORWARD DROP [0:0]
        :OUTPUT ACCEPT [0:0]
        -A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
        -A FORWARD -d 198.51.100.20/32 -p tcp -m tcp --dport 443 -j ACCEPT
        COMMIT
        """);
    Flow viaDnat = Flow.tcp("10.0.0.5", 40001, "203.0.113.1", 8443);
    Map<Flow, Verdict> expected = new LinkedHashMap<>();
    expected.put(viaDnat, DELIVERED);
    expected.put(Flow.tcp("10.0.0.5", 40002, "198.51.100.20", 443), DELIVERED);
    expected.put(Flow.tcp("10.0.0.5", 40003, "203.0.113.1", 443), DROPPED);
    expected.put(Flow.udp("10.0.0.5", 40004, "198.51.100.20", 443), DROPPED);
    assertThat(lab.run(List.copyOf(expected.keySet()))).isEqualTo(expected);
  }

  @Test
  void reversePathChecksFindARouteBack() {
    String rpfilter =
        """
        *raw
        :PREROUTING ACCEPT [0:0]
        :OUTPUT ACCEPT [0:0]
        -A PREROUTING -m rpfilter --invert -j DROP
        COMMIT
        """;
    String fib =
        """
        table inet rp {
          chain pre {
            type filter hook prerouting priority raw; policy accept;
            fib saddr . iif oif missing drop
          }
        }
        """;
    Flow https = Flow.tcp("10.0.0.5", 40001, "198.51.100.10", 443);
    Flow ssh = Flow.tcp("203.0.113.7", 50000, "192.0.2.1", 22).withHook(Hook.INPUT);
    List<Flow> flows = List.of(https, https.withKind(Kind.REPLY), ssh, ssh.withKind(Kind.REPLY));
    lab.loadIptablesSave(rpfilter);
    assertThat(lab.run(flows)).containsOnlyKeys(flows).doesNotContainValue(DROPPED);
    lab.loadNft(fib);
    assertThat(lab.run(flows)).containsOnlyKeys(flows).doesNotContainValue(DROPPED);
  }

  @Test
  void duplicateFlowsAreReportedOnce() {
    lab.loadIptablesSave(IPTABLES);
    Flow https = Flow.tcp("10.0.0.5", 40001, "198.51.100.10", 443);
    Map<Flow, Verdict> verdicts = lab.run(List.of(https, https, https.withKind(Kind.REPLY)));
    assertThat(verdicts)
        .containsExactly(
            Map.entry(https, DELIVERED), Map.entry(https.withKind(Kind.REPLY), DELIVERED));
  }

  @Test
  void refusedRulesetNamesTheLine() {
    String broken = IPTABLES.replace("--dport 22", "--dport twenty-two");
    assertThatThrownBy(() -> lab.loadIptablesSave(broken))
        .isInstanceOfSatisfying(
            RulesetLoadException.class,
            e -> {
              assertThat(e.tool()).isEqualTo("iptables-restore");
              assertThat(e.line()).isEqualTo(6);
              assertThat(e.lineText()).contains("twenty-two");
            });
    assertThatThrownBy(() -> lab.loadNft(NFT.replace("tcp dport 25 drop", "tcp dport 25 dorp")))
        .isInstanceOfSatisfying(
            RulesetLoadException.class, e -> assertThat(e.line()).isEqualTo(13));
  }
}
