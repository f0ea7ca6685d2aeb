package dev.zpaaudit.ingest.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.zpaaudit.ingest.FixRoundTrip;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mgmt_cli commands that fix a failed zen-egress: applied to the export as the management
 * server would apply them (objects added, the rule inserted at its position, the rules renumbered),
 * they make the re-audit pass.
 */
class CheckpointFixTest {
  private static final Path SAMPLE = Path.of("sample-configs/checkpoint/non-compliant");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern TOKEN = Pattern.compile("\"([^\"]*)\"|(\\S+)");

  @Test
  void theCommandsAppliedMakeTheReauditPass(@TempDir Path tmp) throws Exception {
    JsonNode before = audit(SAMPLE.toString());
    assertThat(FixRoundTrip.status(before, "zen-egress")).isEqualTo("fail");
    List<String> commands = FixRoundTrip.commands(before);
    assertThat(commands)
        .containsExactly(
            "mgmt_cli login > id.txt",
            "mgmt_cli add host name \"zpa-3.6.8.246\" ip-address \"3.6.8.246\" -s id.txt",
            "mgmt_cli add host name \"zpa-13.126.9.75\" ip-address \"13.126.9.75\" -s id.txt",
            "mgmt_cli add network name \"zpa-connectors-10.20.0.0_24\" subnet \"10.20.0.0\""
                + " mask-length 24 -s id.txt",
            "mgmt_cli add group name \"zpa-published-ranges\" members.1 \"zpa-3.6.8.246\""
                + " members.2 \"zpa-13.126.9.75\" -s id.txt",
            "mgmt_cli add access-rule layer \"Network\" position 1 name \"allow-zpa-connectors\""
                + " source.1 \"zpa-connectors-10.20.0.0_24\" destination \"zpa-published-ranges\""
                + " service \"https\" action \"Accept\" -s id.txt",
            "mgmt_cli publish -s id.txt",
            "mgmt_cli logout -s id.txt");
    ObjectNode export =
        (ObjectNode) JSON.readTree(SAMPLE.resolve("show-access-rulebase.json").toFile());
    commands.forEach(c -> apply(export, c));
    Path fixed = tmp.resolve("fixed");
    Files.createDirectories(fixed);
    JSON.writerWithDefaultPrettyPrinter()
        .writeValue(fixed.resolve("show-access-rulebase.json").toFile(), export);
    JsonNode after = audit(fixed.toString());
    assertThat(FixRoundTrip.status(after, "zen-egress")).isEqualTo("pass");
    assertThat(FixRoundTrip.commands(after)).isEmpty();
  }

  /** One command, as the management server applies it to the layer's export. */
  private static void apply(ObjectNode export, String command) {
    List<String> words = new ArrayList<>();
    Matcher m = TOKEN.matcher(command);
    while (m.find()) {
      words.add(m.group(1) != null ? m.group(1) : m.group(2));
    }
    if (!words.get(1).equals("add")) {
      return; // login, publish, logout
    }
    Map<String, String> args = new LinkedHashMap<>();
    for (int i = 3; i + 1 < words.size(); i += 2) {
      args.put(words.get(i), words.get(i + 1));
    }
    ObjectNode o = JSON.createObjectNode();
    o.put("uid", UUID.randomUUID().toString());
    o.put("name", args.get("name"));
    switch (words.get(2)) {
      case "host" -> o.put("type", "host").put("ipv4-address", args.get("ip-address"));
      case "network" ->
          o.put("type", "network")
              .put("subnet4", args.get("subnet"))
              .put("mask-length4", Integer.parseInt(args.get("mask-length")));
      case "group" -> {
        o.put("type", "group");
        ArrayNode members = o.putArray("members");
        args.forEach(
            (k, v) -> {
              if (k.startsWith("members.")) {
                members.add(uid(export, v));
              }
            });
      }
      case "access-rule" -> {
        addRule(export, o, args);
        return;
      }
      default -> throw new AssertionError("unexpected command: " + command);
    }
    ((ArrayNode) export.get("objects-dictionary")).add(o);
  }

  private static void addRule(ObjectNode export, ObjectNode rule, Map<String, String> args) {
    rule.put("type", "access-rule");
    ArrayNode source = rule.putArray("source");
    args.forEach(
        (k, v) -> {
          if (k.startsWith("source")) {
            source.add(uid(export, v));
          }
        });
    rule.putArray("destination").add(uid(export, args.get("destination")));
    rule.putArray("service").add(uid(export, args.get("service")));
    rule.put("action", uid(export, args.get("action")));
    int position = Integer.parseInt(args.get("position"));
    ArrayNode top = (ArrayNode) export.get("rulebase");
    insert(top, rule, position);
    int[] n = {0};
    renumber(top, n);
    export.put("to", n[0]).put("total", n[0]);
  }

  /** Inserts the rule before the one numbered {@code position}, in the list that holds it. */
  private static boolean insert(ArrayNode list, ObjectNode rule, int position) {
    for (int i = 0; i < list.size(); i++) {
      JsonNode e = list.get(i);
      if (e.path("type").asText().equals("access-section")) {
        if (insert((ArrayNode) e.get("rulebase"), rule, position)) {
          return true;
        }
      } else if (e.path("rule-number").asInt() == position) {
        list.insert(i, rule);
        return true;
      }
    }
    return false;
  }

  private static void renumber(ArrayNode list, int[] n) {
    for (JsonNode e : list) {
      if (e.path("type").asText().equals("access-section")) {
        renumber((ArrayNode) e.get("rulebase"), n);
      } else {
        ((ObjectNode) e).put("rule-number", ++n[0]);
      }
    }
  }

  private static String uid(ObjectNode export, String name) {
    for (JsonNode o : export.get("objects-dictionary")) {
      if (o.get("name").asText().equals(name)) {
        return o.get("uid").asText();
      }
    }
    throw new AssertionError("no object named " + name);
  }

  private static JsonNode audit(String config) throws Exception {
    return FixRoundTrip.audit(config, "10.20.0.0/24", "203.0.113.53");
  }
}
