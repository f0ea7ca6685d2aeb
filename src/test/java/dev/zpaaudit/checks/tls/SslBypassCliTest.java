package dev.zpaaudit.checks.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zpaaudit.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ssl-bypass through the command line, on the PAN-OS samples and variants of them. */
class SslBypassCliTest {
  @TempDir Path dir;

  static String audit(String config) {
    StringWriter out = new StringWriter();
    Main.run(
        new String[] {"audit", "--config", config, "--connector", "10.20.0.0/24"},
        new PrintWriter(out),
        new PrintWriter(new StringWriter()));
    return out.toString().replaceAll("\\s+", " ");
  }

  @Test
  void aNoDecryptRuleForTheZpaNamesAboveADecryptAllPasses() {
    assertThat(audit("sample-configs/panos/compliant-firewall.xml"))
        .contains("PASS ssl-bypass critical TLS from the connectors to 1080 of 1080 published");
  }

  @Test
  void decryptingEverythingFailsNamingTheRule() {
    assertThat(audit("sample-configs/panos/non-compliant-firewall.xml"))
        .contains("FAIL ssl-bypass critical TLS from the connectors to 0 of 1080 published")
        .contains("decryption rule 'decrypt-outbound' (ssl-forward-proxy, decrypt)");
  }

  @Test
  void aBypassByAPredefinedCategoryOnlyIsIndeterminate() throws Exception {
    String xml =
        Files.readString(Path.of("sample-configs/panos/compliant-firewall.xml"))
            .replace("<member>zpa-cloud</member>", "<member>computer-and-internet-info</member>");
    Path f = dir.resolve("category.xml");
    Files.writeString(f, xml);
    assertThat(audit(f.toString()))
        .contains("INDETERMINATE ssl-bypass")
        .contains("URL category computer-and-internet-info");
  }

  @Test
  void aBypassOfSomeZpaNamesOnlyIsIndeterminate() throws Exception {
    String xml =
        Files.readString(Path.of("sample-configs/panos/compliant-firewall.xml"))
            .replace("<member>*.prod.zpath.net</member>", "<member>co2br.prod.zpath.net</member>");
    Path f = dir.resolve("some.xml");
    Files.writeString(f, xml);
    assertThat(audit(f.toString()))
        .contains("INDETERMINATE ssl-bypass")
        .contains("match only some");
  }

  @Test
  void aLinuxRulesetHasNoSslBypassCheck() {
    StringWriter out = new StringWriter();
    Main.run(
        new String[] {
          "audit",
          "--config",
          "sample-configs/iptables/host-compliant.rules",
          "--connector",
          "10.0.0.10"
        },
        new PrintWriter(out),
        new PrintWriter(new StringWriter()));
    assertThat(out.toString()).doesNotContain("ssl-bypass");
  }
}
