package dev.zpaaudit.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zpaaudit.diag.InputException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The probe rule pack, the plain ranges reader, and when a run counts as not having run. */
class ProbeRulesTest {
  @Test
  void theEmbeddedRulePackNamesTheConnectorsNames() {
    ProbeRules r = TestRules.embedded();
    assertThat(r.port()).isEqualTo(443);
    assertThat(r.names())
        .extracting(ProbeRules.NameRule::name)
        .containsExactly(
            "co2br.prod.zpath.net",
            "broker1a.sjc8.prod.zpath.net",
            "api.private.zscaler.com",
            "yum.private.zscaler.com",
            "dist.private.zscaler.com");
    assertThat(r.rule("co2br.prod.zpath.net").orElseThrow().clientCert())
        .isEqualTo(ProbeRules.ClientCert.EXPECTED);
    assertThat(r.ntp().servers()).isEmpty();
    assertThat(r.isVendorName("pse.sjc4.prod.zpath.net.")).isTrue();
    assertThat(r.isVendorName("evilzpath.net")).isFalse();
  }

  @Test
  void aBadRulePackValueIsAnErrorAtItsLine() throws Exception {
    String text =
        new String(
            ProbeRulesTest.class.getResourceAsStream(ProbeRulesReader.EMBEDDED).readAllBytes(),
            java.nio.charset.StandardCharsets.UTF_8);
    String bad =
        text.replaceFirst("\n    client-certificate: expected", "\n    client-certificate: maybe");
    int line = bad.substring(0, bad.indexOf("maybe")).split("\n", -1).length;
    assertThatThrownBy(() -> ProbeRulesReader.parse(bad, "probe.yaml"))
        .isInstanceOf(InputException.class)
        .hasMessage(
            "probe.yaml:"
                + line
                + ": error: client-certificate must be expected,"
                + " not-expected or unknown");
  }

  @Test
  void anUnknownRulePackKeyIsAnError() {
    assertThatThrownBy(() -> ProbeRulesReader.parse("version: 1\nprot: 443\n", "probe.yaml"))
        .hasMessage("probe.yaml:2: error: unknown key 'prot'");
  }

  @Test
  void aRunCountsAsNotRunOnlyWhenNoProbeReachedTheNetwork() {
    Target t = Target.resolved("co2br.prod.zpath.net", TestDnsServer.LOOPBACK, 443);
    DnsResult local =
        new DnsResult(
            "a",
            "A",
            "127.0.0.1:53",
            DnsResult.Outcome.ERROR,
            List.of("a"),
            List.of(),
            false,
            DnsResult.Dnssec.UNKNOWN,
            0,
            "Network is unreachable");
    TcpResult noRoute = new TcpResult(t, TcpResult.Outcome.UNREACHABLE, 0, "No route to host");
    assertThat(
            new ProbeResults(List.of(local), List.of(noRoute), List.of(), List.of()).anyMeasured())
        .isFalse();
    TcpResult silent = new TcpResult(t, TcpResult.Outcome.TIMEOUT, 1000, "timed out");
    assertThat(
            new ProbeResults(List.of(local), List.of(silent), List.of(), List.of()).anyMeasured())
        .isTrue();
  }
}
