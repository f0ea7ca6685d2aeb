package dev.zpaaudit.ingest.gcp;

import static dev.zpaaudit.ingest.FixRoundTrip.audit;
import static dev.zpaaudit.ingest.FixRoundTrip.commands;
import static dev.zpaaudit.ingest.FixRoundTrip.status;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gcloud command that fixes a failed zen-egress: the rule it creates, added to the exported
 * rules as gcloud would list it, makes the re-audit pass.
 */
class GcpFixTest {
  private static final Path SAMPLE = Path.of("sample-configs/gcp/non-compliant");

  @Test
  void theRuleTheCommandCreatesMakesTheReauditPass(@TempDir Path tmp) throws Exception {
    JsonNode before = audit(SAMPLE.toString(), "10.128.0.2", "10.128.0.53");
    assertThat(status(before, "zen-egress")).isEqualTo("fail");
    List<String> commands = commands(before);
    assertThat(commands)
        .containsExactly(
            "gcloud compute firewall-rules create allow-zpa-connectors --network=zpa"
                + " --direction=EGRESS --priority=899 --action=ALLOW --rules=tcp:443"
                + " --destination-ranges=3.6.8.246/32,13.126.9.75/32 --target-tags=zpa-connector");
    Path dir = Files.createDirectories(tmp.resolve("fixed"));
    for (String f : List.of("instances.json", "network.json")) {
      Files.copy(SAMPLE.resolve(f), dir.resolve(f));
    }
    ObjectMapper json = new ObjectMapper();
    ArrayNode rules = (ArrayNode) json.readTree(SAMPLE.resolve("firewall-rules.json").toFile());
    ObjectNode r = rules.addObject();
    r.put("kind", "compute#firewall");
    r.put("name", "allow-zpa-connectors");
    r.put("network", "global/networks/zpa");
    r.put("priority", 899);
    r.put("direction", "EGRESS");
    ObjectNode allowed = r.putArray("allowed").addObject();
    allowed.put("IPProtocol", "tcp");
    allowed.putArray("ports").add("443");
    ArrayNode dst = r.putArray("destinationRanges");
    dst.add("3.6.8.246/32");
    dst.add("13.126.9.75/32");
    r.putArray("targetTags").add("zpa-connector");
    json.writerWithDefaultPrettyPrinter()
        .writeValue(dir.resolve("firewall-rules.json").toFile(), rules);
    JsonNode after = audit(dir.toString(), "10.128.0.2", "10.128.0.53");
    assertThat(status(after, "zen-egress")).isEqualTo("pass");
  }
}
