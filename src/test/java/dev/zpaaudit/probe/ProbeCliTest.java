package dev.zpaaudit.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zpaaudit.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * zpa-audit probe end to end through the command line, every probe pointed at loopback: learn the
 * pins from the real (test) cloud, verify them, then meet the intercepting proxy.
 */
@Timeout(60)
class ProbeCliTest {
  static TestZpa zpa;
  static TestDnsServer dns;
  static TestNtpServer ntp;
  @TempDir static Path dir;
  static Path ranges;

  /** What one run printed, and its exit code. */
  record Run(int code, String out, String err) {}

  @BeforeAll
  static void start() throws Exception {
    zpa = new TestZpa();
    dns =
        new TestDnsServer()
            .cname("co2br.prod.zpath.net", "co2br.geo.prod.zpath.net")
            .a("co2br.geo.prod.zpath.net", "127.0.0.1")
            .a("broker1a.sjc8.prod.zpath.net", "127.0.0.1")
            .a("api.private.zscaler.com", "127.0.0.1")
            .a("yum.private.zscaler.com", "127.0.0.1")
            .a("dist.private.zscaler.com", "127.0.0.1");
    ntp = new TestNtpServer(0, 2);
    ranges = dir.resolve("ranges.txt");
    Files.writeString(ranges, "# test ranges: loopback only\n127.0.0.0/30\n");
  }

  @AfterAll
  static void stop() throws Exception {
    zpa.close();
    dns.close();
    ntp.close();
  }

  static Run probe(int port, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "probe",
                "--resolver",
                Endpoint.format(dns.address()),
                "--ranges",
                ranges.toString(),
                "--port",
                Integer.toString(port),
                "--ntp-server",
                "127.0.0.1:" + ntp.port(),
                "--timeout",
                "1500"));
    args.addAll(List.of(more));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args.toArray(new String[0]), new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void learnsPinsThenVerifiesThemThenCatchesTheInterceptor() throws Exception {
    Path pins = dir.resolve("pins.yaml");
    Run learn = probe(zpa.cloud.port(), "--learn-pins", pins.toString());
    assertThat(learn.err()).isEmpty();
    assertThat(learn.code()).as(learn.out()).isEqualTo(0);
    assertThat(flat(learn.out()))
        .startsWith("zpa-audit probe: PASS (3 pass, 0 fail, 0 indeterminate," + " 1 skipped)")
        .contains("learning mode: pins for 5 of 5 names written to " + pins);
    String written = Files.readString(pins);
    assertThat(written)
        .contains(
            "  \"co2br.prod.zpath.net\":\n    spki-sha256:\n"
                + "      # CN=Test ZPA Issuing CA,O=Zscaler Test\n")
        .contains(
            "    client-certificate-requested: true\n"
                + "    client-certificate-issuers:\n"
                + "      - \"CN=Test ZPA Client CA,O=Zscaler Test\"\n");

    Run verify = probe(zpa.cloud.port(), "--pins", pins.toString());
    assertThat(verify.err()).isEmpty();
    assertThat(verify.code()).as(verify.out()).isEqualTo(0);
    assertThat(flat(verify.out()))
        .startsWith("zpa-audit probe: PASS (4 pass, 0 fail, 0 indeterminate)")
        .contains("all 5 handshakes present chains that verify against the pins (" + pins + ")");

    Run intercepted = probe(zpa.interceptor.port(), "--pins", pins.toString());
    assertThat(intercepted.code()).isEqualTo(1);
    assertThat(flat(intercepted.out()))
        .startsWith("zpa-audit probe: FAIL (3 pass, 1 fail,")
        .contains(
            "FAIL probe-tls critical 5 of 5 handshakes fail; first:"
                + " co2br.prod.zpath.net at 127.0.0.1:"
                + zpa.interceptor.port()
                + " (SNI co2br.prod.zpath.net): TLS interception, issued by "
                + TestZpa.INSPECTION_CA)
        .contains("no client certificate was requested, though the real server asks for one")
        .contains(
            " - fail by "
                + pins
                + ":"
                + entryLine(written, "co2br.prod.zpath.net")
                + ": co2br.prod.zpath.net at 127.0.0.1:");
  }

  /** The text report with its lines joined and runs of spaces made one, as it reads unwrapped. */
  static String flat(String text) {
    return text.replaceAll("\\s+", " ");
  }

  /** The line of a name's entry in a pins file: its first key, below the name. */
  static int entryLine(String pinsFile, String name) {
    List<String> lines = pinsFile.lines().toList();
    return lines.indexOf("  \"" + name + "\":") + 2;
  }

  @Test
  void writesTheSameReportAsJson() throws Exception {
    Run run = probe(zpa.cloud.port(), "--format", "json", "--name", "co2br.prod.zpath.net");
    JsonNode root = new ObjectMapper().readTree(run.out());
    assertThat(root.path("command").asText()).isEqualTo("probe");
    List<String> ids = new ArrayList<>();
    root.path("checks")
        .forEach(c -> ids.add(c.path("id").asText() + "=" + c.path("status").asText()));
    assertThat(ids)
        .containsExactly(
            "probe-dns=pass", "probe-tcp=pass", "probe-tls=indeterminate", "probe-ntp=pass");
    JsonNode dnsEvidence = root.path("checks").get(0).path("evidence").get(0).path("data");
    assertThat(dnsEvidence.path("chain").toString())
        .isEqualTo("[\"co2br.prod.zpath.net\",\"co2br.geo.prod.zpath.net\"]");
    assertThat(run.code()).isEqualTo(1);
    assertThat(
            probe(
                    zpa.cloud.port(),
                    "--format",
                    "json",
                    "--name",
                    "co2br.prod.zpath.net",
                    "--allow-indeterminate")
                .code())
        .isEqualTo(0);
  }

  @Test
  void anUnreachableProxyExitsThreeWithNothingProbed() throws Exception {
    int closed = ProbeTcpTest.closedPort();
    Run run = probe(zpa.cloud.port(), "--proxy", "127.0.0.1:" + closed);
    assertThat(run.code()).isEqualTo(3);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("zpa-audit: cannot reach the proxy 127.0.0.1:" + closed);
  }

  @Test
  void probesThroughTheProxy() throws Exception {
    try (TestProxy proxy = new TestProxy(java.util.Set.of())) {
      Run run =
          probe(
              zpa.cloud.port(),
              "--proxy",
              Endpoint.format(proxy.address()),
              "--name",
              "co2br.prod.zpath.net");
      assertThat(run.out())
          .contains("connection: HTTP CONNECT proxy " + Endpoint.format(proxy.address()))
          .contains("PASS          probe-tcp");
    }
  }

  @Test
  void aBadPinsFileIsAnInputErrorAtItsLine() throws Exception {
    Path bad = dir.resolve("bad-pins.yaml");
    Files.writeString(bad, "version: 1\nnames:\n  \"*\":\n    spki-sha256: [\"abc\"]\n");
    Run run = probe(zpa.cloud.port(), "--pins", bad.toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo(bad + ":4: error: not a base64 SHA-256 pin: 'abc'\n");
  }

  @Test
  void anUnwritableOutputIsAUsageErrorBeforeAnythingIsProbed() throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-directory"), "x\n");
    int before = dns.udpQueries.get() + dns.tcpQueries.get();
    Run output = probe(zpa.cloud.port(), "--output", file.toString());
    assertThat(output.err())
        .isEqualTo("zpa-audit: --output " + file + ": is a file, not a directory\n");
    assertThat(output.code()).isEqualTo(2);
    assertThat(output.out()).isEmpty();
    Path pins = file.resolve("pins.yaml");
    Run learn = probe(zpa.cloud.port(), "--learn-pins", pins.toString());
    assertThat(learn.err())
        .isEqualTo(
            "zpa-audit: --learn-pins "
                + pins
                + ": "
                + file.toAbsolutePath()
                + " is a file, not a directory\n");
    assertThat(learn.code()).isEqualTo(2);
    assertThat(dns.udpQueries.get() + dns.tcpQueries.get())
        .as("DNS queries sent")
        .isEqualTo(before);
  }

  @Test
  void pinsAndLearnPinsExcludeEachOther() {
    Run run = probe(zpa.cloud.port(), "--pins", "a.yaml", "--learn-pins", "b.yaml");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("zpa-audit: --pins and --learn-pins exclude each other\n");
  }
}
