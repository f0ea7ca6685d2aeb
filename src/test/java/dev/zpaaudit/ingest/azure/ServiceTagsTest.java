package dev.zpaaudit.ingest.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zpaaudit.cli.RejectedInputTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A rule that names a service tag: exact where Azure's service tags file, beside the groups, gives
 * the tag's prefixes; indeterminate without it, naming the tag and how to expand it.
 */
class ServiceTagsTest extends RejectedInputTest {
  static final Path DIR = Path.of("src/test/resources/azure/service-tags");
  static final String RANGES = DIR.resolve("ranges.txt").toString();

  static Run audit(Path config) {
    return run(
        "audit", "--config", config.toString(), "--connector", "10.1.0.4", "--ranges", RANGES);
  }

  @Test
  void withTheTagsFileTheTagIsItsPrefixes() {
    Run r = audit(DIR);
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out().replaceAll("\\s+", " "))
        .contains("connectors reach 1 of 2 published ranges on TCP 443; 0 denied, 1 partly denied")
        .contains("rule: NSG 'connector-tags-nsg' rule 'AllowZpaByTag' (priority 100, Outbound,")
        .contains("destinations (2 blocks): 198.51.100.0/25, 203.0.113.0/24")
        .contains("uncovered: 198.51.100.128/25");
  }

  @Test
  void withoutItTheTagIsIndeterminateAndSaysHowToExpandIt() throws IOException {
    Path alone = Files.createDirectories(tmp.resolve("alone"));
    Files.copy(DIR.resolve("nic-nsg.json"), alone.resolve("nic-nsg.json"));
    Run r = audit(alone);
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out().replaceAll("\\s+", " "))
        .contains("0 denied, 0 partly denied, 2 indeterminate")
        .contains(
            "service tag 'AzureCloud.WestEurope': its addresses are not in the export (give"
                + " Azure's service tags file beside the groups to expand it)");
  }

  @Test
  void aBadTagsFileIsRefusedAtItsLines() throws IOException {
    Path dir = Path.of("src/test/resources/azure/bad-tags");
    Path tags = dir.resolve("ServiceTags_Public_20261130.json");
    assertRefused(
        List.of("audit", "--config", dir.toString(), "--connector", "10.1.0.4"),
        tags,
        ":8: error: service tag 'AzureCloud.WestEurope': '198.51.100.0/33' is not an address"
            + " prefix",
        ":11: error: a service tag has a 'name' and 'properties.addressPrefixes'");
  }
}
