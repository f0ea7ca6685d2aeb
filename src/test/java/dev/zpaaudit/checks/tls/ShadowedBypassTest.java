package dev.zpaaudit.checks.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zpaaudit.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bypass rule below the rule that decrypts everything is named as shadowed; above it, not. */
class ShadowedBypassTest {
  private static final Path COMPLIANT = Path.of("sample-configs/panos/compliant-firewall.xml");

  @Test
  void aNoDecryptRuleBelowTheDecryptRuleIsNamedAsShadowed(@TempDir Path tmp) throws Exception {
    String xml = Files.readString(COMPLIANT);
    String noDecrypt = entry(xml, "no-decrypt-zpa");
    String decrypt = entry(xml, "decrypt-outbound");
    Path swapped = tmp.resolve("swapped.xml");
    Files.writeString(swapped, xml.replace(noDecrypt + decrypt, decrypt + noDecrypt));
    String out = audit(swapped.toString());
    assertThat(out)
        .contains("FAIL          ssl-bypass")
        .contains("shadowed:")
        .contains("rule: decryption rule 'no-decrypt-zpa' (ssl-forward-proxy, no-decrypt)");
  }

  @Test
  void nothingIsShadowedWhereTheCheckPasses() throws Exception {
    assertThat(audit(COMPLIANT.toString()))
        .contains("PASS          ssl-bypass")
        .doesNotContain("shadowed");
  }

  /**
   * The text of a decryption rule's entry, from the start of its line to the end of its end tag.
   */
  private static String entry(String xml, String name) {
    int start = xml.lastIndexOf('\n', xml.indexOf("<entry name=\"" + name + "\">")) + 1;
    int end = xml.indexOf('\n', xml.indexOf("</entry>", xml.indexOf("<action>", start))) + 1;
    return xml.substring(start, end);
  }

  private static String audit(String config) {
    String[] args = {
      "audit",
      "--config",
      config,
      "--connector",
      "10.20.0.0/24",
      "--resolver",
      "203.0.113.53",
      "--ranges",
      "src/test/resources/golden/ranges-panos.txt"
    };
    StringWriter out = new StringWriter();
    Main.run(args, new PrintWriter(out), new PrintWriter(new StringWriter()));
    return out.toString();
  }
}
