package dev.zpaaudit.ingest.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zpaaudit.cli.RejectedInputTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Azure's host node (168.63.129.16: DNS, DHCP, the VM agent; 169.254.169.254: instance metadata) is
 * not subject to a group's rules, unless a rule names an AzurePlatform service tag.
 */
class HostNodeTest extends RejectedInputTest {
  static final Path DENY_ALL = Path.of("src/test/resources/azure/service-tags/nic-nsg.json");

  static String dns(Path config) {
    Run r =
        run(
            "audit",
            "--config",
            config.toString(),
            "--connector",
            "10.1.0.4",
            "--resolver",
            "168.63.129.16");
    return r.out().replaceAll("\\s+", " ");
  }

  @Test
  void azureDnsIsReachedBehindADenyAllRule() {
    assertThat(dns(DENY_ALL))
        .contains("== dns-egress (R16): PASS")
        .contains("DNS over UDP and TCP 53 to 168.63.129.16/32 is allowed both ways");
  }

  @Test
  void aRuleNamingAnAzurePlatformTagMakesItIndeterminate() throws IOException {
    String text =
        Files.readString(DENY_ALL)
            .replace("\"AzureCloud.WestEurope\"", "\"AzurePlatformDNS\"")
            .replace("\"Allow\"", "\"Deny\"");
    Path f = tmp.resolve("platform-nsg.json");
    Files.writeString(f, text);
    assertThat(dns(f))
        .contains("== dns-egress (R16): INDETERMINATE")
        .contains("rule 'AllowZpaByTag' names an AzurePlatform service tag, which applies to it");
  }
}
