package dev.zpaaudit.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zpaaudit.checks.CheckResult;
import dev.zpaaudit.checks.Evidence;
import dev.zpaaudit.checks.Status;
import dev.zpaaudit.checks.probe.TlsCheck;
import dev.zpaaudit.checks.probe.TlsLearn;
import dev.zpaaudit.diag.InputException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** TLS probe, pins and the interception verdict against TLS servers on loopback. */
@Timeout(30)
class ProbeTlsTest {
  static TestZpa zpa;
  static final ProbeRules RULES = TestRules.fast();
  static final ZenRanges RANGES = TestRules.ranges("127.0.0.0/8");
  final TlsProbe probe = new TlsProbe(new LoopbackOnly(Sockets.direct()), System::nanoTime, 2000);

  @BeforeAll
  static void start() throws Exception {
    zpa = new TestZpa();
  }

  @AfterAll
  static void stop() throws Exception {
    zpa.close();
  }

  static Target at(TestTlsServer s) {
    return Target.resolved(TestZpa.NAME, TestDnsServer.LOOPBACK, s.port());
  }

  TlsResult cloud() {
    return probe.handshake(at(zpa.cloud), TestZpa.NAME);
  }

  TlsResult intercepted() {
    return probe.handshake(at(zpa.interceptor), TestZpa.NAME);
  }

  static Pins learnt(TlsResult r) throws InputException {
    TlsLearn.Outcome o = TlsLearn.learn(List.of(r), RANGES, RULES, "pins.yaml");
    assertThat(o.learnt()).hasSize(1);
    return PinsFile.parse(PinsFile.render(o.learnt()), "pins.yaml");
  }

  static Evidence only(CheckResult c) {
    assertThat(c.evidence()).hasSize(1);
    return c.evidence().get(0);
  }

  @Test
  void capturesTheChainAndTheClientCertificateRequestWithSni() {
    TlsResult r = cloud();
    assertThat(r.chain())
        .extracting(Certificates::subject)
        .containsExactly(
            "CN=co2br.prod.zpath.net,O=Zscaler Test", "CN=Test ZPA Issuing CA,O=Zscaler Test");
    assertThat(r.clientCertRequested()).isTrue();
    assertThat(r.acceptedIssuers()).containsExactly("CN=Test ZPA Client CA,O=Zscaler Test");
    assertThat(r.handshake()).isEqualTo(TlsResult.Handshake.ENDED_BY_SERVER);
    assertThat(zpa.cloud.sni).contains(TestZpa.NAME);
  }

  @Test
  void theInterceptorAsksForNoClientCertificate() {
    TlsResult r = intercepted();
    assertThat(r.clientCertRequested()).isFalse();
    assertThat(r.handshake()).isEqualTo(TlsResult.Handshake.COMPLETED);
    assertThat(r.chain()).extracting(Certificates::issuer).first().isEqualTo(TestZpa.INSPECTION_CA);
  }

  @Test
  void learntPinsVerifyTheRealChain() throws Exception {
    Pins pins = learnt(cloud());
    Pins.Entry e = pins.forName(TestZpa.NAME).orElseThrow();
    assertThat(e.spkiSha256()).containsExactly(Certificates.spkiSha256(zpa.issuing.cert()));
    assertThat(e.clientCertRequested()).isTrue();
    assertThat(e.clientIssuers()).containsExactly("CN=Test ZPA Client CA,O=Zscaler Test");
    CheckResult c = TlsCheck.check(List.of(cloud()), pins, RULES);
    assertThat(c.status()).isEqualTo(Status.PASS);
    assertThat(only(c).message())
        .contains(
            "the chain verifies (SPKI pin of CN=Test ZPA Issuing"
                + " CA,O=Zscaler Test); a client certificate is requested");
    assertThat(only(c).file()).isEqualTo("pins.yaml");
  }

  @Test
  void interceptionFailsAndNamesTheInterceptorsIssuer() throws Exception {
    CheckResult c = TlsCheck.check(List.of(intercepted()), learnt(cloud()), RULES);
    assertThat(c.status()).isEqualTo(Status.FAIL);
    assertThat(c.id()).isEqualTo("probe-tls");
    assertThat(c.requirements()).containsExactly("R14");
    Evidence e = only(c);
    assertThat(e.message())
        .contains("TLS interception, issued by " + TestZpa.INSPECTION_CA)
        .contains("the chain does not verify against the pins")
        .contains("no client certificate was requested, though the real server asks for one");
    assertThat(e.data()).containsEntry("issuer", TestZpa.INSPECTION_CA);
  }

  @Test
  void aPinnedCaCertificateVerifiesAChainThatOmitsIt() throws Exception {
    String pem = Certificates.toPem(zpa.root.cert());
    StringBuilder yaml =
        new StringBuilder("version: 1\nnames:\n  \"*\":\n    ca-certificates:\n" + "      - |\n");
    pem.lines().forEach(l -> yaml.append("        ").append(l).append('\n'));
    Pins pins = PinsFile.parse(yaml.toString(), "cas.yaml");
    assertThat(TlsCheck.check(List.of(cloud()), pins, RULES).status()).isEqualTo(Status.PASS);
    CheckResult bad = TlsCheck.check(List.of(intercepted()), pins, RULES);
    assertThat(bad.status()).isEqualTo(Status.FAIL);
    assertThat(only(bad).message()).contains("CN=" + TestZpa.NAME + " <- " + TestZpa.INSPECTION_CA);
  }

  @Test
  void withoutPinsTheChainIsNotJudgedButAMissingRequestStillFails() {
    CheckResult real = TlsCheck.check(List.of(cloud()), null, RULES);
    assertThat(real.status()).isEqualTo(Status.INDETERMINATE);
    assertThat(real.summary()).contains("no pins for co2br.prod.zpath.net");
    CheckResult fake = TlsCheck.check(List.of(intercepted()), null, RULES);
    assertThat(fake.status()).isEqualTo(Status.FAIL);
    assertThat(only(fake).message()).contains("issued by " + TestZpa.INSPECTION_CA);
  }

  @Test
  void learningRefusesAnInterceptedNameAndAnAddressOutsideTheRanges() {
    TlsLearn.Outcome o = TlsLearn.learn(List.of(intercepted()), RANGES, RULES, "pins.yaml");
    assertThat(o.learnt()).isEmpty();
    assertThat(o.check().status()).isEqualTo(Status.FAIL);
    assertThat(o.check().summary())
        .contains("pins.yaml was not written")
        .contains("not learnt: no client certificate was requested");
    TlsLearn.Outcome outside =
        TlsLearn.learn(List.of(cloud()), TestRules.ranges("192.0.2.0/24"), RULES, "pins.yaml");
    assertThat(outside.learnt()).isEmpty();
    assertThat(outside.check().summary()).contains("127.0.0.1 is outside the ranges");
  }

  @Test
  void tlsThroughTheProxyCapturesTheSameChain() throws Exception {
    try (TestProxy proxy = new TestProxy(Set.of())) {
      TlsProbe viaProxy =
          new TlsProbe(
              new LoopbackOnly(new HttpConnectSockets(proxy.address())), System::nanoTime, 2000);
      TlsResult r = viaProxy.handshake(at(zpa.cloud), TestZpa.NAME);
      assertThat(r.clientCertRequested()).isTrue();
      assertThat(r.chain()).hasSize(2);
    }
  }

  @Test
  void aConnectionFailureIsIndeterminateForTls() throws Exception {
    int port = ProbeTcpTest.closedPort();
    TlsResult r =
        probe.handshake(Target.resolved(TestZpa.NAME, TestDnsServer.LOOPBACK, port), TestZpa.NAME);
    assertThat(r.handshake()).isEqualTo(TlsResult.Handshake.NO_CONNECTION);
    assertThat(TlsCheck.check(List.of(r), null, RULES).status()).isEqualTo(Status.INDETERMINATE);
  }

  @Test
  void aBadPinIsAnErrorAtItsLine() {
    String yaml =
        "version: 1\nnames:\n  co2br.prod.zpath.net:\n    spki-sha256:\n"
            + "      - \"not-a-pin\"\n";
    assertThatThrownBy(() -> PinsFile.parse(yaml, "pins.yaml"))
        .isInstanceOf(InputException.class)
        .hasMessage("pins.yaml:5: error: not a base64 SHA-256 pin: 'not-a-pin'");
  }
}
