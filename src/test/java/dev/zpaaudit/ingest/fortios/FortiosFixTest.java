package dev.zpaaudit.ingest.fortios;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The FortiOS commands that fix a failed zen-egress: appended to the configuration (FortiOS reads
 * its CLI and its configuration files alike), they make the re-audit pass.
 */
class FortiosFixTest {
  private static final String SAMPLE = "sample-configs/fortios/non-compliant.conf";
  private static final String RANGES = "src/test/resources/golden/ranges-panos.txt";

  @Test
  void theCommandsAppliedMakeTheReauditPass(@TempDir Path tmp) throws Exception {
    JsonNode before = audit(SAMPLE);
    assertThat(status(before, "zen-egress")).isEqualTo("fail");
    List<String> commands = commands(before);
    assertThat(commands)
        .contains(
            "config firewall address",
            "    edit \"zpa-3.6.8.246_32\"",
            "        set subnet 3.6.8.246/32",
            "        set member \"zpa-3.6.8.246_32\" \"zpa-13.126.9.75_32\"",
            "    edit 8",
            "        set srcintf \"port2\"",
            "        set dstintf \"port1\"",
            "        set srcaddr \"zpa-connectors-10.20.0.0_24\"",
            "        set service \"HTTPS\"",
            "    move 8 before 7");
    Path fixed = tmp.resolve("fixed.conf");
    Files.writeString(
        fixed, Files.readString(Path.of(SAMPLE)) + String.join("\n", commands) + "\n");
    JsonNode after = audit(fixed.toString());
    assertThat(status(after, "zen-egress")).isEqualTo("pass");
    assertThat(commands(after)).isEmpty();
  }

  private static JsonNode audit(String config) throws Exception {
    String[] args = {
      "audit",
      "--config",
      config,
      "--ranges",
      RANGES,
      "--connector",
      "10.20.0.0/24",
      "--resolver",
      "203.0.113.53",
      "--format",
      "json"
    };
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Main.run(args, new PrintWriter(out), new PrintWriter(err));
    assertThat(err.toString()).isEmpty();
    return new ObjectMapper().readTree(out.toString());
  }

  private static String status(JsonNode report, String check) {
    for (JsonNode c : report.get("checks")) {
      if (c.get("id").asText().equals(check)) {
        return c.get("status").asText();
      }
    }
    throw new AssertionError("no check " + check);
  }

  private static List<String> commands(JsonNode report) {
    List<String> out = new ArrayList<>();
    for (JsonNode c : report.get("checks")) {
      for (JsonNode e : c.get("evidence")) {
        if (e.get("verdict").asText().equals("fix")) {
          e.get("data").get("commands").forEach(x -> out.add(x.asText()));
        }
      }
    }
    return out;
  }
}
