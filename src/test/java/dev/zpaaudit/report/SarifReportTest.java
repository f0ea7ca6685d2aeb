package dev.zpaaudit.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.zpaaudit.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The SARIF report: valid against the official SARIF 2.1.0 schema, located, stable. */
class SarifReportTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static JsonSchema schema;

  @BeforeAll
  static void loadSchema() throws Exception {
    JsonNode s =
        JSON.readTree(Files.readString(Path.of("src/test/resources/sarif/sarif-2.1.0-rtm.5.json")));
    schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(s);
  }

  static Stream<List<String>> audits() {
    return Stream.of(
        List.of(
            "--config",
            "sample-configs/iptables/host-compliant.rules",
            "--connector",
            "10.0.0.10",
            "--resolver",
            "10.0.0.53"),
        List.of(
            "--config",
            "sample-configs/iptables/host-no-return.rules",
            "--connector",
            "10.0.0.10",
            "--resolver",
            "10.0.0.53"),
        List.of(
            "--config",
            "sample-configs/panos/non-compliant-firewall.xml",
            "--connector",
            "10.20.0.0/24",
            "--resolver",
            "203.0.113.53"),
        List.of(
            "--config",
            "sample-configs/panos/panorama.xml",
            "--device-group",
            "branch-paris",
            "--connector",
            "10.20.0.0/24",
            "--resolver",
            "203.0.113.53"),
        List.of("--hosts", "sample-configs/hosts/inventory.yaml"));
  }

  static String sarif(List<String> audit) {
    List<String> args = new ArrayList<>(List.of("audit", "--format", "sarif"));
    args.addAll(audit);
    StringWriter out = new StringWriter();
    int code =
        Main.run(
            args.toArray(new String[0]), new PrintWriter(out), new PrintWriter(new StringWriter()));
    assertThat(code).isIn(0, 1);
    return out.toString();
  }

  @ParameterizedTest
  @MethodSource("audits")
  void everyReportIsValidSarif(List<String> audit) throws Exception {
    JsonNode doc = JSON.readTree(sarif(audit));
    Set<ValidationMessage> errors = schema.validate(doc);
    assertThat(errors).as(audit.toString()).isEmpty();
    assertThat(doc.get("version").asText()).isEqualTo("2.1.0");
  }

  @Test
  void aDenyIsAnErrorAtTheRuleThatDenies() throws Exception {
    JsonNode doc = JSON.readTree(sarif(audits().toList().get(2)));
    JsonNode results = doc.get("runs").get(0).get("results");
    JsonNode deny = null;
    for (JsonNode r : results) {
      if (r.get("ruleId").asText().equals("zen-egress") && r.has("locations")) {
        deny = r;
      }
    }
    assertThat(deny).isNotNull();
    assertThat(deny.get("kind").asText()).isEqualTo("fail");
    assertThat(deny.get("level").asText()).isEqualTo("error");
    JsonNode loc = deny.get("locations").get(0).get("physicalLocation");
    assertThat(loc.get("artifactLocation").get("uri").asText())
        .isEqualTo("sample-configs/panos/non-compliant-firewall.xml");
    assertThat(loc.get("region").get("startLine").asInt()).isEqualTo(120);
    assertThat(deny.get("partialFingerprints").get("zpaAuditRule/v1").asText()).hasSize(64);
  }

  @Test
  void theSchemaCatchesWhatIsNotSarif() throws Exception {
    assertThat(schema.validate(JSON.readTree("{\"version\": \"2.0\", \"runs\": [{}]}")))
        .isNotEmpty();
  }

  @Test
  void theSameAuditGivesTheSameSarif() {
    assertThat(sarif(audits().toList().get(1))).isEqualTo(sarif(audits().toList().get(1)));
  }

  @Test
  void indeterminateIsForReviewAndPassesArePasses() throws Exception {
    JsonNode results =
        JSON.readTree(sarif(audits().toList().get(3))).get("runs").get(0).get("results");
    List<String> kinds = new ArrayList<>();
    results.forEach(r -> kinds.add(r.get("ruleId").asText() + ":" + r.get("kind").asText()));
    assertThat(kinds).contains("zen-egress:pass", "dns-egress:review");
  }

  @Test
  void filesWithSpacesAreUriReferences() {
    assertThat(SarifReport.uri("my configs/fw 1.xml")).isEqualTo("my%20configs/fw%201.xml");
  }
}
