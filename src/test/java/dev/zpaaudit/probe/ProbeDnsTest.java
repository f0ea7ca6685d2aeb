package dev.zpaaudit.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zpaaudit.checks.CheckResult;
import dev.zpaaudit.checks.Evidence;
import dev.zpaaudit.checks.Status;
import dev.zpaaudit.checks.probe.DnsCheck;
import dev.zpaaudit.probe.DnsResult.Dnssec;
import dev.zpaaudit.probe.DnsResult.Outcome;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** DNS probe and probe-dns findings against a real DNS server on loopback. */
@Timeout(20)
class ProbeDnsTest {
  // Answers are data only here: nothing connects to them (the addresses are never dialled).
  static TestDnsServer dns;
  static final ZenRanges RANGES = TestRules.ranges("165.225.0.0/17", "185.46.212.0/22");
  static final ProbeRules RULES = TestRules.fast();
  final DnsProbe probe = new DnsProbe(400, 8, System::nanoTime);

  @BeforeAll
  static void start() throws Exception {
    dns =
        new TestDnsServer()
            .cname("co2br.prod.zpath.net", "co2br.geo.prod.zpath.net")
            .cname("co2br.geo.prod.zpath.net", "pse.sjc4.prod.zpath.net")
            .a("pse.sjc4.prod.zpath.net", "165.225.10.1", "165.225.10.2")
            .cnameOnly("api.private.zscaler.com", "api.edge.private.zscaler.com")
            .a("api.edge.private.zscaler.com", "185.46.212.7")
            .a("yum.private.zscaler.com", "10.20.30.40")
            .a("dist.private.zscaler.com", "0.0.0.0")
            .cname("broker1a.sjc8.prod.zpath.net", "block.filter.example.net")
            .a("block.filter.example.net", "203.0.113.7")
            .a("broker2.sjc8.prod.zpath.net", "198.51.100.9")
            .nxdomain("gone.prod.zpath.net")
            .servfail("broken.prod.zpath.net")
            .silent("slow.prod.zpath.net")
            .truncated("big.prod.zpath.net")
            .a("big.prod.zpath.net", "165.225.20.1")
            .authenticated("signed.prod.zpath.net")
            .a("signed.prod.zpath.net", "165.225.30.1")
            .cname("loop1.prod.zpath.net", "loop2.prod.zpath.net")
            .cname("loop2.prod.zpath.net", "loop1.prod.zpath.net");
  }

  @AfterAll
  static void stop() throws Exception {
    dns.close();
  }

  DnsResult lookup(String name) {
    return probe.lookup(name, "A", dns.address());
  }

  static Evidence judge(DnsResult r) {
    CheckResult c = DnsCheck.check(List.of(r), RANGES, RULES);
    assertThat(c.evidence()).hasSize(1);
    return c.evidence().get(0);
  }

  static List<String> ips(DnsResult r) {
    return r.addresses().stream().map(InetAddress::getHostAddress).toList();
  }

  @Test
  void followsCnameChainToAddressesInsideTheRanges() {
    DnsResult r = lookup("co2br.prod.zpath.net");
    assertThat(r.outcome()).isEqualTo(Outcome.ANSWER);
    assertThat(r.chain())
        .containsExactly(
            "co2br.prod.zpath.net", "co2br.geo.prod.zpath.net", "pse.sjc4.prod.zpath.net");
    assertThat(ips(r)).containsExactly("165.225.10.1", "165.225.10.2");
    Evidence e = judge(r);
    assertThat(e.verdict()).isEqualTo("pass");
    assertThat(e.message())
        .contains(
            "co2br.prod.zpath.net -> co2br.geo.prod.zpath.net"
                + " -> pse.sjc4.prod.zpath.net -> 165.225.10.1, 165.225.10.2, inside the ranges from"
                + " test-ranges");
    assertThat(e.file()).isEqualTo("embedded:rules/probe.yaml");
    assertThat(e.line()).isPositive();
  }

  @Test
  void asksAgainForACnameTargetTheAnswerLeftOut() {
    DnsResult r = lookup("api.private.zscaler.com");
    assertThat(r.outcome()).isEqualTo(Outcome.ANSWER);
    assertThat(r.chain())
        .containsExactly("api.private.zscaler.com", "api.edge.private.zscaler.com");
    assertThat(ips(r)).containsExactly("185.46.212.7");
  }

  @Test
  void privateAnswerIsASplitHorizonMistake() {
    Evidence e = judge(lookup("yum.private.zscaler.com"));
    assertThat(e.verdict()).isEqualTo("fail");
    assertThat(e.message())
        .contains("10.20.30.40 is outside the ranges from test-ranges")
        .contains("split-horizon mistake");
  }

  @Test
  void nullAnswerIsASinkholeHijack() {
    Evidence e = judge(lookup("dist.private.zscaler.com"));
    assertThat(e.verdict()).isEqualTo("fail");
    assertThat(e.message())
        .contains("0.0.0.0 is outside")
        .contains("DNS hijack")
        .contains("sinkholes");
  }

  @Test
  void chainLeavingTheVendorDomainsIsAHijack() {
    DnsResult r = lookup("broker1a.sjc8.prod.zpath.net");
    Evidence e = judge(r);
    assertThat(e.verdict()).isEqualTo("fail");
    assertThat(e.message())
        .contains("203.0.113.7 is outside")
        .contains(
            "DNS hijack: the CNAME chain leaves the vendor's domains at"
                + " block.filter.example.net");
    assertThat(e.destinations()).containsExactly("203.0.113.7");
  }

  @Test
  void publicAnswerOnTheVendorChainPointsAtAStaleList() {
    Evidence e = judge(lookup("broker2.sjc8.prod.zpath.net"));
    assertThat(e.verdict()).isEqualTo("fail");
    assertThat(e.message()).contains("198.51.100.9 is outside").contains("stale range list");
  }

  @Test
  void nxdomainIsTyped() {
    DnsResult r = lookup("gone.prod.zpath.net");
    assertThat(r.outcome()).isEqualTo(Outcome.NXDOMAIN);
    Evidence e = judge(r);
    assertThat(e.verdict()).isEqualTo("fail");
    assertThat(e.message())
        .startsWith("gone.prod.zpath.net A via " + Endpoint.format(dns.address()) + ": NXDOMAIN");
  }

  @Test
  void servfailIsTyped() {
    DnsResult r = lookup("broken.prod.zpath.net");
    assertThat(r.outcome()).isEqualTo(Outcome.SERVFAIL);
    assertThat(judge(r).message()).contains("SERVFAIL");
  }

  @Test
  void silenceIsATimeout() {
    DnsResult r = lookup("slow.prod.zpath.net");
    assertThat(r.outcome()).as(r.detail()).isEqualTo(Outcome.TIMEOUT);
    assertThat(r.dnssec()).isEqualTo(Dnssec.UNKNOWN);
    Evidence e = judge(r);
    assertThat(e.verdict()).isEqualTo("fail");
    assertThat(e.message()).contains("timeout: no answer within 400 ms");
  }

  @Test
  void truncatedAnswerIsRetriedOverTcp() {
    int before = dns.tcpQueries.get();
    DnsResult r = lookup("big.prod.zpath.net");
    assertThat(r.outcome()).isEqualTo(Outcome.ANSWER);
    assertThat(r.truncated()).isTrue();
    assertThat(ips(r)).containsExactly("165.225.20.1");
    assertThat(dns.tcpQueries.get()).isGreaterThan(before);
    assertThat(judge(r).message()).contains("the UDP answer was truncated and retried over TCP");
  }

  @Test
  void dnssecStatusComesFromTheAdFlag() {
    assertThat(lookup("signed.prod.zpath.net").dnssec()).isEqualTo(Dnssec.VALIDATED);
    DnsResult plain = lookup("co2br.prod.zpath.net");
    assertThat(plain.dnssec()).isEqualTo(Dnssec.NOT_VALIDATED);
    assertThat(judge(plain).data()).containsEntry("dnssec", "not-validated");
  }

  @Test
  void cnameLoopIsCaught() {
    DnsResult r = lookup("loop1.prod.zpath.net");
    assertThat(r.outcome()).isEqualTo(Outcome.CNAME_LOOP);
    assertThat(judge(r).verdict()).isEqualTo("fail");
  }

  @Test
  void withoutRangesAnAnswerIsIndeterminateNeverAPass() {
    CheckResult c = DnsCheck.check(List.of(lookup("co2br.prod.zpath.net")), null, RULES);
    assertThat(c.status()).isEqualTo(Status.INDETERMINATE);
    assertThat(c.summary()).contains("no published ranges loaded");
  }

  @Test
  void checkFailsWhenAnyLookupFailsAndSaysWhichFirst() {
    CheckResult c =
        DnsCheck.check(
            List.of(lookup("co2br.prod.zpath.net"), lookup("yum.private.zscaler.com")),
            RANGES,
            RULES);
    assertThat(c.status()).isEqualTo(Status.FAIL);
    assertThat(c.id()).isEqualTo("probe-dns");
    assertThat(c.requirements()).containsExactly("R16");
    assertThat(c.summary()).startsWith("1 of 2 lookups fail; first: yum.private.zscaler.com");
  }

  @Test
  void aResolverPortWithNothingListeningIsRefusedNotALocalError() throws Exception {
    int port;
    try (java.net.DatagramSocket d =
        new java.net.DatagramSocket(new java.net.InetSocketAddress(TestDnsServer.LOOPBACK, 0))) {
      port = d.getLocalPort();
    }
    DnsResult r =
        probe.lookup(
            "co2br.prod.zpath.net",
            "A",
            new java.net.InetSocketAddress(TestDnsServer.LOOPBACK, port));
    assertThat(r.outcome()).as(r.detail()).isEqualTo(Outcome.REFUSED);
    assertThat(judge(r).message()).contains("nothing serves DNS at 127.0.0.1:" + port);
  }
}
