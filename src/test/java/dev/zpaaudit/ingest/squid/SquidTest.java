package dev.zpaaudit.ingest.squid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.zpaaudit.cli.Main;
import dev.zpaaudit.model.Condition;
import dev.zpaaudit.model.DecryptionRule;
import dev.zpaaudit.model.IpSet;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Squid's ssl_bump rules as decryption rules, step by step; bad input; and every Squid
 * configuration used here checked by the real Squid ({@code squid -k parse}, Debian's
 * squid-openssl): what Squid accepts is read, what it refuses is refused (skipped, saying why,
 * where Squid is not installed).
 */
class SquidTest {
  private static final Path SQUID = Path.of("/usr/sbin/squid");

  static List<DecryptionRule> rules(String file) throws Exception {
    Path p = Path.of(file);
    return SquidReader.parse(Files.readString(p), p).firewall().decryption();
  }

  @Test
  void theStepsAreFlattenedInTheOrderSquidDecides() throws Exception {
    List<DecryptionRule> r = rules("src/test/resources/squid/features/steps.conf");
    assertThat(r)
        .extracting(DecryptionRule::text)
        .containsExactly(
            "step 1: ssl_bump splice step1 zpath (line 11): spliced: not decrypted",
            "step 1: ssl_bump peek step1 all (line 12), step 2: ssl_bump splice step2 bank"
                + " (line 13): spliced: not decrypted",
            "step 1: ssl_bump peek step1 all (line 12), step 2: ssl_bump splice step2 nets tls"
                + " !office (line 14): spliced: not decrypted",
            "step 1: ssl_bump peek step1 all (line 12), step 2: ssl_bump stare step2 all (line 15),"
                + " step 3: ssl_bump bump all (line 16): bumped: decrypted",
            "step 1: ssl_bump peek step1 all (line 12), step 2: ssl_bump stare step2 all (line 15),"
                + " no ssl_bump rule matches at step 3: bumped: decrypted",
            "step 1: ssl_bump peek step1 all (line 12), step 2: ssl_bump bump all (line 16):"
                + " bumped: decrypted",
            "step 1: ssl_bump peek step1 all (line 12), no ssl_bump rule matches at step 2:"
                + " spliced: not decrypted",
            "step 1: ssl_bump bump all (line 16): bumped: decrypted",
            "no ssl_bump rule matches at step 1: spliced: not decrypted");
    assertThat(r.get(0).serverNames()).containsExactly("zpath.net", "*.zpath.net");
    assertThat(r.get(1).serverNames()).containsExactly("bank.example", "*.bank.example");
    assertThat(r.get(2).match())
        .contains(new Condition.Not(List.of(new Condition.Src(IpSet.parse("10.0.0.0/8")))));
    assertThat(r.get(2).match().get(0))
        .isEqualTo(
            new Condition.AnyOf(
                List.of(
                    List.of(new Condition.Dst(IpSet.parse("198.51.100.0/24"))),
                    List.of(new Condition.Dst(IpSet.parse("2001:db8::/32"))))));
  }

  /**
   * Two server-name ACLs on one line before step 3 test the client's one name: the line matches the
   * names within both (none where they lie apart, and then it is left out).
   */
  @Test
  void twoServerNameAclsOnALineMatchTheNamesInBoth() throws Exception {
    List<DecryptionRule> r = rules("src/test/resources/squid/features/names.conf");
    assertThat(r)
        .extracting(DecryptionRule::text)
        .containsExactly(
            "step 1: ssl_bump peek step1 all (line 10), step 2: ssl_bump splice step2 zscaler prod"
                + " (line 11): spliced: not decrypted",
            "step 1: ssl_bump peek step1 all (line 10), step 2: ssl_bump splice step2 broker"
                + " zscaler (line 13): spliced: not decrypted",
            "step 1: ssl_bump peek step1 all (line 10), step 2: ssl_bump bump all (line 14):"
                + " bumped: decrypted",
            "step 1: ssl_bump peek step1 all (line 10), no ssl_bump rule matches at step 2:"
                + " spliced: not decrypted",
            "step 1: ssl_bump bump all (line 14): bumped: decrypted",
            "no ssl_bump rule matches at step 1: spliced: not decrypted");
    assertThat(r.get(0).serverNames()).containsExactly("prod.zpath.net", "*.prod.zpath.net");
    assertThat(r.get(1).serverNames()).containsExactly("Broker1.PROD.zpath.net");
    assertThat(r).allMatch(x -> x.match().stream().noneMatch(c -> c instanceof Condition.Unknown));
  }

  @Test
  void nameIntersectionsAreExactWhereTheyCanBe() {
    assertThat(SquidAcls.both(List.of("*.a.example", "b.example"), List.of("*.example")))
        .containsExactly("*.a.example", "b.example");
    assertThat(SquidAcls.both(List.of("*.example"), List.of("*.example", "EXAMPLE")))
        .containsExactly("*.example");
    assertThat(SquidAcls.both(List.of("a.example"), List.of("A.Example")))
        .containsExactly("a.example");
    assertThat(SquidAcls.both(List.of("a.example."), List.of("*.example")))
        .containsExactly("a.example.");
    assertThat(SquidAcls.both(List.of("example"), List.of("*.example"))).isEmpty();
    assertThat(SquidAcls.both(List.of("*.x.example"), List.of("*.y.example"))).isEmpty();
    assertThat(SquidAcls.both(List.of("a*.example"), List.of("*.example"))).isNull();
  }

  /**
   * {@code terminate} closes the connection: it fails ssl-bypass as decrypting does, and the check
   * says "decrypted or closed" rather than "decrypted".
   */
  @Test
  void terminateClosesTheConnectionAndSaysSo() throws Exception {
    String corpus = "src/test/resources/corpus/squid/aws-cdk-transparent-squid.conf";
    assertThat(rules(corpus))
        .filteredOn(d -> d.text().endsWith("terminated: the connection is closed"))
        .isNotEmpty()
        .allMatch(d -> d.decision() == DecryptionRule.Decision.CLOSE);
    String text = audit(corpus).replaceAll("\\s+", " ");
    assertThat(text)
        .contains("FAIL ssl-bypass")
        .contains("1080 decrypted or closed, 0 partly decrypted or closed")
        .contains("stopped by close");
    assertThat(audit("sample-configs/squid/non-compliant.conf").replaceAll("\\s+", " "))
        .doesNotContain("or closed");
  }

  static final String INCLUDES = "src/test/resources/squid/features/include-and-if.conf";

  /**
   * An included file found beside the configuration is read in place, its rules named by its own
   * file and line; an if block's rules and ACLs are uncertain.
   */
  @Test
  void anIncludedFileIsReadInPlaceAndAnIfBlockIsUncertain() throws Exception {
    List<DecryptionRule> r = rules(INCLUDES);
    assertThat(r.get(0).text()).startsWith("step 1: ssl_bump splice inside (line 8)");
    assertThat(r.get(0).match())
        .contains(
            new Condition.Unknown(
                "inside 'if ${process_number} = 1' (line 6), which applies by how Squid is"
                    + " started"))
        .contains(
            new Condition.Unknown(
                "acl 'inside' is defined inside 'if ${process_number} = 1' (line 6)"));
    String included = "src/test/resources/squid/features/more-rules.txt";
    assertThat(r)
        .extracting(DecryptionRule::text)
        .contains(
            "step 1: ssl_bump peek step1 (line 10), step 2: ssl_bump bump all ("
                + included
                + ":3): bumped: decrypted");
    assertThat(r).noneMatch(x -> x.decision() == DecryptionRule.Decision.UNKNOWN);
    assertThat(audit(INCLUDES))
        .contains("FAIL          ssl-bypass")
        .contains("deny by " + included + ":3");
  }

  /** Where an included file is not found, what reaches the include is unknown. */
  @Test
  void anIncludeNotFoundIsUnknownWhereItStands(@TempDir Path tmp) throws Exception {
    Path alone = tmp.resolve("include-and-if.conf");
    Files.copy(Path.of(INCLUDES), alone);
    List<DecryptionRule> r = rules(alone.toString());
    assertThat(r)
        .filteredOn(x -> x.decision() == DecryptionRule.Decision.UNKNOWN)
        .extracting(DecryptionRule::text)
        .contains(
            "step 1: ssl_bump peek step1 (line 10), step 2: include /etc/squid/more-rules.txt"
                + " (line 11): the files it names are not found, so their ssl_bump rules are not"
                + " read");
    assertThat(r)
        .flatExtracting(DecryptionRule::match)
        .contains(
            new Condition.Unknown(
                "acl 'partner' is not defined here: the include at line 11 may define it"));
    assertThat(audit(alone.toString())).contains("INDETERMINATE ssl-bypass");
  }

  /** A file that includes itself, or one that includes it, is not read again. */
  @Test
  void anIncludeLoopIsReadOnce(@TempDir Path tmp) throws Exception {
    Path a = tmp.resolve("a.conf");
    Path b = tmp.resolve("b.conf");
    Files.writeString(
        a,
        "http_port 3128 ssl-bump cert=/etc/squid/ssl/squid.pem\ninclude "
            + b
            + "\nssl_bump splice all\n");
    Files.writeString(b, "include " + a + "\ninclude " + b + "\n");
    var result = SquidReader.parse(Files.readString(a), a);
    assertThat(result.diagnostics())
        .extracting(d -> d.format())
        .contains(
            b + ":1: warning: include " + a + ": " + a + " is being read already; not read again")
        .contains(
            b + ":2: warning: include " + b + ": " + b + " is being read already; not read again");
    assertThat(result.firewall().decryption())
        .extracting(DecryptionRule::decision)
        .containsOnly(DecryptionRule.Decision.BYPASS);
  }

  @Test
  void theSamplesVerdicts() {
    assertThat(audit("sample-configs/squid/compliant.conf")).contains("PASS          ssl-bypass");
    String bad = audit("sample-configs/squid/non-compliant.conf");
    assertThat(bad).contains("FAIL          ssl-bypass").contains("bumped: decrypted");
    assertThat(audit("src/test/resources/corpus/squid/aws-cdk-transparent-squid.conf"))
        .contains("FAIL          ssl-bypass")
        .contains("terminated: the connection is closed");
  }

  @Test
  void badInputIsAnErrorAtEachLine() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String f = "src/test/resources/squid/bad/bad.conf";
    int code =
        Main.run(new String[] {"audit", "--config", f}, new PrintWriter(out), new PrintWriter(err));
    assertThat(code).isEqualTo(2);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString().lines())
        .containsExactly(
            f + ":2: error: acl needs a name and a type",
            f
                + ":4: error: ACL file /etc/squid/no-such-file.txt does not exist (nor"
                + " no-such-file.txt beside the configuration)",
            f + ":6: error: ssl_bump names acl 'undefined_acl', which is not defined",
            f
                + ":7: error: ssl_bump needs an action (peek, stare, splice, bump, terminate), not"
                + " 'unbump'");
  }

  static Stream<String> configs() {
    return Stream.of(
        "sample-configs/squid/compliant.conf",
        "sample-configs/squid/non-compliant.conf",
        "src/test/resources/squid/features/steps.conf",
        "src/test/resources/squid/features/include-and-if.conf",
        "src/test/resources/squid/features/names.conf",
        "src/test/resources/corpus/squid/aws-cdk-transparent-squid.conf",
        "src/test/resources/squid/bad/bad.conf");
  }

  /** The real Squid accepts exactly the configurations zpa-audit reads. */
  @ParameterizedTest
  @MethodSource("configs")
  void squidItselfAgrees(String config, @TempDir Path tmp) throws Exception {
    assumeTrue(Files.isExecutable(SQUID), "Squid is not installed (apt-get install squid-openssl)");
    Path pem = tmp.resolve("squid.pem");
    writeCertificate(pem);
    // Squid reads the files a configuration names: point them at this folder.
    Path source = Path.of(config);
    String text = Files.readString(source).replace("/etc/squid/ssl/squid.pem", pem.toString());
    try (Stream<Path> beside = Files.list(source.getParent())) {
      for (Path f : beside.filter(p -> p.toString().endsWith(".txt")).toList()) {
        Files.copy(f, tmp.resolve(f.getFileName()));
        text =
            text.replace("/etc/squid/" + f.getFileName(), tmp.resolve(f.getFileName()).toString());
      }
    }
    Path conf = tmp.resolve(source.getFileName());
    Files.writeString(conf, text);
    boolean ours = true;
    try {
      SquidReader.parse(text, conf);
    } catch (dev.zpaaudit.diag.InputException e) {
      ours = false;
    }
    Process p =
        new ProcessBuilder(SQUID.toString(), "-k", "parse", "-f", conf.toString())
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("squid.log").toFile())
            .start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String log = Files.readString(tmp.resolve("squid.log"));
    assertThat(p.exitValue() == 0).as(log).isEqualTo(ours);
  }

  private static void writeCertificate(Path pem) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    var keys = g.generateKeyPair();
    X500Name name = new X500Name("CN=zpa-audit test");
    Date now = new Date();
    var holder =
        new JcaX509v3CertificateBuilder(
                name,
                BigInteger.ONE,
                now,
                new Date(now.getTime() + 86_400_000L),
                name,
                keys.getPublic())
            .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate()));
    try (JcaPEMWriter w = new JcaPEMWriter(Files.newBufferedWriter(pem))) {
      w.writeObject(new JcaX509CertificateConverter().getCertificate(holder));
      w.writeObject(keys.getPrivate());
    }
  }

  static String audit(String config) {
    StringWriter out = new StringWriter();
    Main.run(
        new String[] {"audit", "--config", config},
        new PrintWriter(out),
        new PrintWriter(new StringWriter()));
    return out.toString();
  }
}
