package dev.zpaaudit.ingest.iptables;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zpaaudit.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unusable input through the command line: exit code 2, exactly the located errors on standard
 * error, nothing on standard output and no report written.
 */
class BadInputCliTest {
  static final Path BAD = Path.of("src/test/resources/iptables/bad");
  @TempDir Path tmp;

  record Run(int code, String out, String err) {}

  Run audit(String... extra) {
    String[] args =
        Stream.concat(Stream.of("audit", "--output", out().toString()), Stream.of(extra))
            .toArray(String[]::new);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  Path out() {
    return tmp.resolve("out");
  }

  boolean nothingWritten() throws IOException {
    if (!Files.exists(out())) {
      return true;
    }
    try (Stream<Path> s = Files.list(out())) {
      return s.findAny().isEmpty();
    }
  }

  void assertRejected(Path config, String... errors) throws IOException {
    Run r = audit("--config", config.toString());
    assertThat(r.err()).as(config.toString()).isEqualTo(String.join("\n", errors) + "\n");
    assertThat(r.code()).as(config.toString()).isEqualTo(2);
    assertThat(r.out()).as(config.toString()).isEmpty();
    assertThat(nothingWritten()).as(config.toString()).isTrue();
  }

  void assertRejected(String name, String error) throws IOException {
    Path f = BAD.resolve(name);
    assertRejected(f, f + error);
  }

  @Test
  void aGoodExportIsWrittenSoTheChecksBelowMeanSomething() throws IOException {
    Run r = audit("--config", "src/test/resources/iptables/features/filter-policies.rules");
    assertThat(r.code()).isIn(0, 1);
    assertThat(nothingWritten()).isFalse();
  }

  @Test
  void binaryGarbage() throws IOException {
    Path png = tmp.resolve("picture.rules");
    Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13});
    assertRejected(png, png + ":1: error: not UTF-8 text");
  }

  @Test
  void textWithANulByte() throws IOException {
    Path f = tmp.resolve("nul.rules");
    Files.write(f, "*filter\n:INPUT ACCEPT [0:0]\n-A INPUT \0\nCOMMIT\n".getBytes());
    assertRejected(f, f + ":3: error: binary data (a NUL byte); expected a text export");
  }

  @Test
  void randomText() throws IOException {
    assertRejected(
        "random-text.rules",
        ":1: error: unknown export format (expected one of: iptables-save, ip6tables-save, nftables-json, PAN-OS XML, FortiGate configuration, Azure NSG JSON, Cisco ASA configuration, Squid configuration, TLS bypass list (YAML), Google Cloud firewall JSON, Check Point management export (JSON), EC2 describe-* JSON)");
  }

  @Test
  void truncatedWithoutCommit() throws IOException {
    assertRejected(
        "truncated.rules",
        ":5: error: table 'filter' (line 1) has no COMMIT: the export is truncated");
  }

  @Test
  void badCidr() throws IOException {
    assertRejected(
        "bad-cidr.rules", ":5: error: -s: '10.0.0.0/33' is not an IPv4 address or network");
  }

  @Test
  void jumpToAnUnknownChain() throws IOException {
    assertRejected(
        "unknown-jump.rules",
        ":5: error: jump to chain 'NOSUCH', which is not declared in table 'filter' (and is no known target)");
  }

  @Test
  void gotoAMissingChain() throws IOException {
    assertRejected(
        "goto-missing.rules",
        ":5: error: goto to chain 'missing', which is not declared in table 'filter'");
  }

  @Test
  void ruleInAnUndeclaredChain() throws IOException {
    assertRejected(
        "undeclared-chain.rules",
        ":5: error: rule appends to chain 'undeclared', which is not declared in table 'filter'");
  }

  @Test
  void duplicateChain() throws IOException {
    assertRejected(
        "duplicate-chain.rules", ":6: error: chain 'mine' is declared twice (first at line 5)");
  }

  @Test
  void unterminatedQuote() throws IOException {
    assertRejected("unterminated-quote.rules", ":5: error: unterminated quote");
  }

  @Test
  void badPort() throws IOException {
    assertRejected(
        "bad-port.rules", ":5: error: '70000' is not a port number or known service name");
  }

  @Test
  void reversedPortRange() throws IOException {
    assertRejected(
        "reversed-port-range.rules",
        ":5: error: invalid port range '1024:22' (the first port is above the last)");
  }

  @Test
  void badProtocol() throws IOException {
    assertRejected("bad-protocol.rules", ":5: error: unknown protocol 'tcpp'");
  }

  @Test
  void optionWithoutItsMatch() throws IOException {
    assertRejected(
        "option-without-match.rules",
        ":5: error: option --dport is not part of any match (missing -m or -p?)");
  }

  @Test
  void aQuotedCarriageReturnIsEscapedSoTheErrorStaysOnOneVisibleLine() throws IOException {
    assertRejected(
        "lone-carriage-return.rules",
        ":3: error: malformed chain declaration ':INPUT ACCEPT [0:0]\\r:FORWARD ACCEPT [0:0]'");
  }

  @Test
  void missingFile() throws IOException {
    Path f = tmp.resolve("nowhere.rules");
    assertRejected(f, f + ": error: no such file");
  }

  @Test
  void badRangesEntry() throws IOException {
    Path ranges = BAD.resolve("bad.ranges");
    Run r =
        audit(
            "--config",
            "src/test/resources/iptables/features/filter-policies.rules",
            "--ranges",
            ranges.toString());
    assertThat(r.err())
        .isEqualTo(ranges + ":2: error: 'not-a-range' is not an IPv4 or IPv6 address or CIDR\n");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(nothingWritten()).isTrue();
  }

  @Test
  void badIpsetFile() throws IOException {
    Path sets = tmp.resolve("bad.ipset");
    Files.writeString(sets, "create zpa hash:net family inet\nadd zpa 10.0.0.0/33\n");
    Run r =
        audit(
            "--config",
            "src/test/resources/iptables/features/ipset.rules",
            "--ipset",
            sets.toString());
    assertThat(r.err())
        .isEqualTo(sets + ":2: error: '10.0.0.0/33' is not an IPv4 address, network or range\n");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(nothingWritten()).isTrue();
  }

  @Test
  void everyErrorOfAFileIsListed() throws IOException {
    Path f = tmp.resolve("two.rules");
    Files.writeString(
        f,
        "*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -s 1.2.3.4/40 -j ACCEPT\n"
            + "-A INPUT -p nope -j ACCEPT\nCOMMIT\n");
    assertRejected(
        f,
        f + ":3: error: -s: '1.2.3.4/40' is not an IPv4 address or network",
        f + ":4: error: unknown protocol 'nope'");
  }
}
