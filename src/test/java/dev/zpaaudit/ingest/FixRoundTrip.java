package dev.zpaaudit.ingest;

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

/**
 * For remediation tests: audit a configuration as JSON, read a check's status and the fix commands
 * from the report, and append the commands to the configuration (the device's CLI and its
 * configuration file speak one language) to audit it again.
 */
public final class FixRoundTrip {
  public static final String RANGES = "src/test/resources/golden/ranges-panos.txt";

  private FixRoundTrip() {}

  public static JsonNode audit(String config, String connectors, String resolver) throws Exception {
    String[] args = {
      "audit",
      "--config",
      config,
      "--ranges",
      RANGES,
      "--connector",
      connectors,
      "--resolver",
      resolver,
      "--format",
      "json"
    };
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Main.run(args, new PrintWriter(out), new PrintWriter(err));
    assertThat(err.toString()).isEmpty();
    return new ObjectMapper().readTree(out.toString());
  }

  public static String status(JsonNode report, String check) {
    for (JsonNode c : report.get("checks")) {
      if (c.get("id").asText().equals(check)) {
        return c.get("status").asText();
      }
    }
    throw new AssertionError("no check " + check);
  }

  public static List<String> commands(JsonNode report) {
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

  /** The configuration with the commands appended, written to {@code to}. */
  public static Path applied(Path config, List<String> commands, Path to) throws Exception {
    Files.writeString(to, Files.readString(config) + String.join("\n", commands) + "\n");
    return to;
  }
}
