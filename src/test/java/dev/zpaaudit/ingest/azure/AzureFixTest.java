package dev.zpaaudit.ingest.azure;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Azure CLI command that fixes a failed zen-egress: the rule it creates, added to the exported
 * group as {@code az} would add it, makes the re-audit pass.
 */
class AzureFixTest {
  private static final Path SAMPLE = Path.of("sample-configs/azure/non-compliant");

  @Test
  void theRuleTheCommandCreatesMakesTheReauditPass(@TempDir Path tmp) throws Exception {
    JsonNode before = audit(SAMPLE.toString(), "10.1.0.4", "10.1.255.53");
    assertThat(status(before, "zen-egress")).isEqualTo("fail");
    List<String> commands = commands(before);
    assertThat(commands)
        .containsExactly(
            "az network nsg rule create --resource-group zpa --nsg-name connectors-subnet-nsg"
                + " --name allow-zpa-connectors --priority 199 --direction Outbound --access Allow"
                + " --protocol Tcp --source-address-prefixes 10.1.0.4/32 --source-port-ranges '*'"
                + " --destination-address-prefixes 3.6.8.246/32 13.126.9.75/32"
                + " --destination-port-ranges 443");
    Map<String, List<String>> flags = flags(commands.get(0));
    Path dir = Files.createDirectories(tmp.resolve("fixed"));
    Files.copy(SAMPLE.resolve("nic-nsg.json"), dir.resolve("nic-nsg.json"));
    ObjectMapper json = new ObjectMapper();
    ObjectNode nsg = (ObjectNode) json.readTree(SAMPLE.resolve("subnet-nsg.json").toFile());
    ObjectNode rule = ((ArrayNode) nsg.at("/properties/securityRules")).addObject();
    rule.put("name", flags.get("--name").get(0));
    ObjectNode p = rule.putObject("properties");
    p.put("priority", Integer.parseInt(flags.get("--priority").get(0)));
    p.put("direction", flags.get("--direction").get(0));
    p.put("access", flags.get("--access").get(0));
    p.put("protocol", flags.get("--protocol").get(0));
    flags.get("--source-address-prefixes").forEach(p.putArray("sourceAddressPrefixes")::add);
    p.put("sourcePortRange", "*");
    flags
        .get("--destination-address-prefixes")
        .forEach(p.putArray("destinationAddressPrefixes")::add);
    p.put("destinationPortRange", flags.get("--destination-port-ranges").get(0));
    json.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("subnet-nsg.json").toFile(), nsg);
    JsonNode after = audit(dir.toString(), "10.1.0.4", "10.1.255.53");
    assertThat(status(after, "zen-egress")).isEqualTo("pass");
  }

  /** An az command's flags and their values. */
  private static Map<String, List<String>> flags(String command) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    List<String> current = null;
    for (String w : command.split(" ")) {
      if (w.startsWith("--")) {
        current = new ArrayList<>();
        out.put(w, current);
      } else if (current != null) {
        current.add(w.replace("'", ""));
      }
    }
    return out;
  }
}
