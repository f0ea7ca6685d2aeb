package dev.zpaaudit.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zpaaudit.checks.CheckResult;
import dev.zpaaudit.checks.Evidence;
import dev.zpaaudit.checks.Status;
import dev.zpaaudit.checks.probe.TcpCheck;
import dev.zpaaudit.probe.TcpResult.Outcome;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** TCP probe and probe-tcp findings against loopback ports, directly and through a proxy. */
@Timeout(20)
class ProbeTcpTest {
  static final ProbeRules RULES = TestRules.fast();
  static final InetAddress LO = TestDnsServer.LOOPBACK;
  final TcpProbe direct = new TcpProbe(new LoopbackOnly(Sockets.direct()), System::nanoTime, 1000);

  /** A loopback port nothing listens on: the kernel answers a connect with a reset. */
  static int closedPort() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 1, LO)) {
      return s.getLocalPort();
    }
  }

  static Evidence judge(TcpResult r) {
    CheckResult c = TcpCheck.check(List.of(r), RULES, "direct");
    return c.evidence().get(0);
  }

  @Test
  void connectsAndTimesAListeningPort() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 50, LO)) {
      TcpResult r = direct.connect(Target.resolved("co2br.prod.zpath.net", LO, s.getLocalPort()));
      assertThat(r.outcome()).isEqualTo(Outcome.CONNECTED);
      Evidence e = judge(r);
      assertThat(e.verdict()).isEqualTo("pass");
      assertThat(e.message())
          .startsWith("co2br.prod.zpath.net at 127.0.0.1:" + s.getLocalPort() + ": connected in ");
      assertThat(e.data()).containsKey("elapsed_ms").containsEntry("outcome", "connected");
    }
  }

  @Test
  void aResetWithinMillisecondsPointsAtALocalFirewall() throws Exception {
    int port = closedPort();
    TcpResult r = direct.connect(Target.resolved("co2br.prod.zpath.net", LO, port));
    assertThat(r.outcome()).isEqualTo(Outcome.RESET);
    assertThat(r.micros()).isLessThan(3000);
    Evidence e = judge(r);
    assertThat(e.verdict()).isEqualTo("fail");
    assertThat(e.message())
        .contains("127.0.0.1:" + port + ": reset in ")
        .contains("a local firewall (this host or its first hop) rejects the connection");
    CheckResult c = TcpCheck.check(List.of(r), RULES, "direct");
    assertThat(c.status()).isEqualTo(Status.FAIL);
    assertThat(c.requirements()).containsExactly("R8", "R12");
  }

  @Test
  void aSlowResetOfASampleCannotBeJudged() {
    Target t = Target.sampled("127.0.0.0/30", LO, 443);
    TcpResult r = new TcpResult(t, Outcome.RESET, 40_000, "Connection refused");
    Evidence e = judge(r);
    assertThat(e.verdict()).isEqualTo("indeterminate");
    assertThat(e.message()).contains("reset after 40.0 ms").contains("may hold no service");
  }

  /**
   * A real connect timeout on loopback: a listener that never accepts, its accept queue filled, so
   * the kernel drops further SYNs and the probe hears nothing.
   */
  @Test
  void aListenerThatNeverAnswersTimesOut() throws Exception {
    List<java.net.Socket> queued = new java.util.ArrayList<>();
    try (ServerSocket s = new ServerSocket(0, 1, LO)) {
      boolean full = false;
      for (int i = 0; i < 16 && !full; i++) {
        java.net.Socket c = new java.net.Socket();
        try {
          c.connect(new java.net.InetSocketAddress(LO, s.getLocalPort()), 300);
          queued.add(c);
        } catch (java.net.SocketTimeoutException e) {
          full = true;
          c.close();
        }
      }
      assertThat(full).as("the accept queue fills up").isTrue();
      TcpResult r = direct.connect(Target.resolved("co2br.prod.zpath.net", LO, s.getLocalPort()));
      assertThat(r.outcome()).isEqualTo(Outcome.TIMEOUT);
      assertThat(r.micros()).isGreaterThanOrEqualTo(900_000);
      Evidence e = judge(r);
      assertThat(e.verdict()).isEqualTo("fail");
      assertThat(e.message()).contains("no answer within").contains("dropped on the path");
    } finally {
      for (java.net.Socket c : queued) {
        c.close();
      }
    }
  }

  @Test
  void silenceAtAResolvedAddressFails() {
    Target t = Target.resolved("co2br.prod.zpath.net", LO, 443);
    Evidence e = judge(new TcpResult(t, Outcome.TIMEOUT, 1_000_000, "connect timed out"));
    assertThat(e.verdict()).isEqualTo("fail");
    assertThat(e.message()).contains("no answer within 1000.0 ms: dropped on the path");
  }

  @Test
  void connectsThroughTheProxy() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 50, LO);
        TestProxy proxy = new TestProxy(Set.of())) {
      TcpProbe viaProxy =
          new TcpProbe(
              new LoopbackOnly(new HttpConnectSockets(proxy.address())), System::nanoTime, 1000);
      TcpResult r = viaProxy.connect(Target.resolved("co2br.prod.zpath.net", LO, s.getLocalPort()));
      assertThat(r.outcome()).isEqualTo(Outcome.CONNECTED);
      assertThat(r.detail())
          .isEqualTo("connected via HTTP CONNECT proxy " + Endpoint.format(proxy.address()));
    }
  }

  @Test
  void aProxyRefusalIsNamed() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 50, LO);
        TestProxy proxy = new TestProxy(Set.of(s.getLocalPort()))) {
      TcpProbe viaProxy =
          new TcpProbe(
              new LoopbackOnly(new HttpConnectSockets(proxy.address())), System::nanoTime, 1000);
      TcpResult r = viaProxy.connect(Target.resolved("co2br.prod.zpath.net", LO, s.getLocalPort()));
      assertThat(r.outcome()).isEqualTo(Outcome.PROXY_REFUSED);
      Evidence e = judge(r);
      assertThat(e.verdict()).isEqualTo("fail");
      assertThat(e.message())
          .contains(
              "the proxy refused CONNECT 127.0.0.1:"
                  + s.getLocalPort()
                  + ": HTTP/1.1 403 Forbidden");
    }
  }

  @Test
  void anUnreachableProxyStopsTheRunBeforeAnyProbe() throws Exception {
    int port = closedPort();
    Sockets viaProxy = new HttpConnectSockets(new java.net.InetSocketAddress(LO, port));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Prober.checkProxy(viaProxy, 1000))
        .isInstanceOf(ProbeFailedException.class)
        .hasMessageContaining("cannot reach the proxy 127.0.0.1:" + port);
  }

  @Test
  void samplesTheFirstHostsOfEachBlockWithinTheCap() {
    ZenRanges ranges = TestRules.ranges("127.0.0.0/30", "127.0.1.5/32", "127.0.2.0/24");
    List<Target> all = Sampler.sample(ranges, 2, 64, 443);
    assertThat(all)
        .extracting(t -> t.address().getHostAddress())
        .containsExactly("127.0.0.1", "127.0.0.2", "127.0.1.5", "127.0.2.1", "127.0.2.2");
    assertThat(all.get(0).sampleOf()).isEqualTo("127.0.0.0/30");
    assertThat(Sampler.sample(ranges, 1, 2, 443))
        .extracting(Target::sampleOf)
        .containsExactly("127.0.0.0/30", "127.0.1.5/32");
    assertThat(Sampler.sample(ranges, 0, 64, 443)).isEmpty();
  }
}
