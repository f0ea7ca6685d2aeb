package dev.zpaaudit.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zpaaudit.checks.CheckResult;
import dev.zpaaudit.checks.Status;
import dev.zpaaudit.checks.probe.NtpCheck;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** NTP probe and probe-ntp findings against NTP responders on loopback. */
@Timeout(20)
class ProbeNtpTest {
  static final ProbeRules RULES = TestRules.fast();
  final NtpProbe probe = new NtpProbe(500);

  NtpResult measure(TestNtpServer s) {
    return probe.measure(
        "127.0.0.1:" + s.port(), new InetSocketAddress(TestDnsServer.LOOPBACK, s.port()));
  }

  @Test
  void aSkewedClockIsAFinding() throws Exception {
    try (TestNtpServer s = new TestNtpServer(300_000, 2)) {
      NtpResult r = measure(s);
      assertThat(r.outcome()).isEqualTo(NtpResult.Outcome.MEASURED);
      assertThat(r.offsetMs()).isBetween(299_000L, 301_000L);
      CheckResult c = NtpCheck.check(List.of(r), RULES);
      assertThat(c.status()).isEqualTo(Status.FAIL);
      assertThat(c.requirements()).containsExactly("R14", "R8");
      assertThat(c.evidence().get(0).message())
          .contains(" ms behind 127.0.0.1:" + s.port() + " (stratum 2")
          .contains("more than 60000 ms: certificate validity checks fail");
    }
  }

  @Test
  void aClockAheadIsNamedAsAhead() throws Exception {
    try (TestNtpServer s = new TestNtpServer(-120_000, 2)) {
      CheckResult c = NtpCheck.check(List.of(measure(s)), RULES);
      assertThat(c.status()).isEqualTo(Status.FAIL);
      assertThat(c.summary()).contains(" ms ahead of 127.0.0.1:" + s.port());
    }
  }

  @Test
  void aCloseClockPasses() throws Exception {
    try (TestNtpServer s = new TestNtpServer(0, 2)) {
      NtpResult r = measure(s);
      assertThat(Math.abs(r.offsetMs())).isLessThan(1000);
      assertThat(NtpCheck.check(List.of(r), RULES).status()).isEqualTo(Status.PASS);
    }
  }

  @Test
  void anUnsynchronizedServerCannotJudgeTheClock() throws Exception {
    try (TestNtpServer s = new TestNtpServer(0, 16)) {
      NtpResult r = measure(s);
      assertThat(r.outcome()).isEqualTo(NtpResult.Outcome.UNSYNCHRONIZED);
      CheckResult c = NtpCheck.check(List.of(r), RULES);
      assertThat(c.status()).isEqualTo(Status.INDETERMINATE);
      assertThat(c.summary()).contains("not synchronized (stratum 16");
    }
  }

  @Test
  void aSilentServerIsATimeoutAndIndeterminate() throws Exception {
    InetSocketAddress any = new InetSocketAddress(TestDnsServer.LOOPBACK, 0);
    try (DatagramSocket quiet = new DatagramSocket(any)) {
      NtpResult r =
          probe.measure(
              "quiet", new InetSocketAddress(TestDnsServer.LOOPBACK, quiet.getLocalPort()));
      assertThat(r.outcome()).isEqualTo(NtpResult.Outcome.TIMEOUT);
      CheckResult c = NtpCheck.check(List.of(r), RULES);
      assertThat(c.status()).isEqualTo(Status.INDETERMINATE);
      assertThat(c.summary()).isEqualTo("quiet: offset not measured: no answer within 500 ms");
    }
  }

  @Test
  void noServerMeansSkippedNotPassed() {
    assertThat(NtpCheck.check(List.of(), RULES).status()).isEqualTo(Status.SKIPPED);
  }
}
