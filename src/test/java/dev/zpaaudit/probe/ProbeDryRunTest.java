package dev.zpaaudit.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zpaaudit.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code probe --dry-run} lists every target and sends nothing: loopback sockets stand where the
 * resolver, the NTP server, the proxy and the sampled endpoints would be, and none of them receives
 * a datagram or a connection. A datagram or connection sent on loopback is queued at the receiving
 * socket before the send returns, so checking the queues after the run, without waiting, is exact.
 */
@Timeout(60)
class ProbeDryRunTest {
  @TempDir Path dir;
  DatagramChannel resolver;
  DatagramChannel ntp;
  ServerSocketChannel proxy;
  ServerSocketChannel endpoint1;
  ServerSocketChannel endpoint2;
  Path ranges;

  record Run(int code, String out, String err) {}

  @BeforeEach
  void listen() throws IOException {
    resolver = udp();
    ntp = udp();
    proxy = tcp("127.0.0.1", 0);
    endpoint1 = tcp("127.0.0.1", 0);
    endpoint2 = tcp("127.0.1.1", port(endpoint1));
    ranges = dir.resolve("ranges.txt");
    Files.writeString(ranges, "127.0.0.0/30\n127.0.1.0/24\n");
  }

  @AfterEach
  void close() throws IOException {
    for (var c : List.of(resolver, ntp, proxy, endpoint1, endpoint2)) {
      c.close();
    }
  }

  static DatagramChannel udp() throws IOException {
    DatagramChannel c = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
    c.configureBlocking(false);
    return c;
  }

  static ServerSocketChannel tcp(String address, int port) throws IOException {
    ServerSocketChannel c = ServerSocketChannel.open().bind(new InetSocketAddress(address, port));
    c.configureBlocking(false);
    return c;
  }

  static int port(ServerSocketChannel c) throws IOException {
    return ((InetSocketAddress) c.getLocalAddress()).getPort();
  }

  static int port(DatagramChannel c) throws IOException {
    return ((InetSocketAddress) c.getLocalAddress()).getPort();
  }

  Run dryRun(String... more) throws IOException {
    List<String> args =
        new ArrayList<>(
            List.of(
                "probe",
                "--dry-run",
                "--resolver",
                "127.0.0.1:" + port(resolver),
                "--ranges",
                ranges.toString(),
                "--port",
                Integer.toString(port(endpoint1)),
                "--ntp-server",
                "127.0.0.1:" + port(ntp),
                "--name",
                "co2br.prod.zpath.net",
                "--name",
                "probe.example.net"));
    args.addAll(List.of(more));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args.toArray(new String[0]), new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  void assertNothingWasSent() throws IOException {
    ByteBuffer b = ByteBuffer.allocate(1500);
    assertThat(resolver.receive(b)).as("a DNS query").isNull();
    assertThat(ntp.receive(b)).as("an NTP request").isNull();
    assertThat(proxy.accept()).as("a connection to the proxy").isNull();
    assertThat(endpoint1.accept()).as("a connection to 127.0.0.1").isNull();
    assertThat(endpoint2.accept()).as("a connection to 127.0.1.1").isNull();
  }

  @Test
  void listsEveryTargetAndSendsNothing() throws Exception {
    Run r = dryRun();
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    int p = port(endpoint1);
    assertThat(r.out())
        .isEqualTo(
            "zpa-audit probe --dry-run: nothing was sent; a run would contact:\n"
                + "dns: A records of each name below, asked of each resolver below over UDP (and"
                + " TCP after a truncated answer)\n"
                + "  resolver 127.0.0.1:"
                + port(resolver)
                + "\n"
                + "  name co2br.prod.zpath.net: locates Public Service Edges (CNAME chain to A"
                + " records)\n"
                + "  name probe.example.net\n"
                + "tcp: port "
                + p
                + " of every address the names resolve to, and these addresses sampled from the"
                + " published ranges ("
                + ranges
                + "):\n"
                + "  127.0.0.1:"
                + p
                + " (sampled from 127.0.0.0/30)\n"
                + "  127.0.1.1:"
                + p
                + " (sampled from 127.0.1.0/24)\n"
                + "tls: a handshake with SNI on port "
                + p
                + " to up to 2 of the addresses each name below resolves to\n"
                + "  name co2br.prod.zpath.net\n"
                + "  name probe.example.net\n"
                + "ntp: an SNTP request over UDP to each server below (a name is first asked of"
                + " the resolvers)\n"
                + "  server 127.0.0.1:"
                + port(ntp)
                + "\n"
                + "connection: direct\n");
    assertNothingWasSent();
  }

  @Test
  void namesTheProxyWithoutContactingIt() throws Exception {
    Run r =
        dryRun("--proxy", "127.0.0.1:" + port(proxy), "--pins", "none.yaml", "--format", "json");
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("none.yaml: error: no such file\n");

    r = dryRun("--proxy", "127.0.0.1:" + port(proxy), "--format", "json", "--fail-on", "high");
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .endsWith(
            "connection: the TCP and TLS probes go through the HTTP CONNECT proxy 127.0.0.1:"
                + port(proxy)
                + "; DNS and NTP do not\n"
                + "  a run first opens one connection to it to check that it answers\n");
    assertNothingWasSent();
  }

  @Test
  void withoutSamplingListsNoSampledAddress() throws Exception {
    Run r = dryRun("--sample", "0");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains(
            " of every address the names resolve to, and no address sampled from the published"
                + " ranges ("
                + ranges
                + ")\ntls: ");
    assertNothingWasSent();
  }

  /** What docs/probe.md says a bare probe contacts. */
  @Test
  void aBareProbeAsksTheSystemsResolversForFiveNamesAndSamplesTheEmbeddedRanges() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(new String[] {"probe", "--dry-run"}, new PrintWriter(out), new PrintWriter(err));
    assertThat(code).as(err.toString()).isZero();
    List<String> lines = out.toString().lines().toList();
    assertThat(lines.stream().filter(l -> l.startsWith("  name ")))
        .containsExactly(
            "  name co2br.prod.zpath.net: locates Public Service Edges (CNAME chain to A records)",
            "  name broker1a.sjc8.prod.zpath.net: a broker (Public Service Edge)",
            "  name api.private.zscaler.com: enrollment",
            "  name yum.private.zscaler.com: software packages",
            "  name dist.private.zscaler.com: images",
            "  name co2br.prod.zpath.net",
            "  name broker1a.sjc8.prod.zpath.net",
            "  name api.private.zscaler.com",
            "  name yum.private.zscaler.com",
            "  name dist.private.zscaler.com");
    assertThat(lines.stream().filter(l -> l.contains(" (sampled from "))).hasSize(64);
    assertThat(lines)
        .contains(
            "tcp: port 443 of every address the names resolve to, and these addresses sampled"
                + " from the published ranges (embedded snapshot of the private.zscaler.com"
                + " connector ranges (hove-io/m365-edl 0c1c2a88)):",
            "ntp: none (no --ntp-server, and the rule pack lists none)",
            "connection: direct");
    assertThat(
            lines.stream()
                .filter(l -> l.startsWith("  resolver ") || l.startsWith("  no resolver"))
                .allMatch(l -> l.endsWith(" (system)") || l.contains("exit code 3")))
        .isTrue();
  }
}
