package dev.zpaaudit.ingest.bypass;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.zpaaudit.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** TLS bypass lists: the samples valid against the documented schema, judged; bad files refused. */
class BypassListTest {
  private static final Path SCHEMA = Path.of("docs/bypass-list.schema.json");

  private static JsonNode yaml(Path p) throws Exception {
    return new ObjectMapper(new YAMLFactory()).readTree(Files.readString(p));
  }

  private static JsonSchema schema() throws Exception {
    JsonNode s = new ObjectMapper().readTree(Files.readString(SCHEMA));
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(s);
  }

  @ParameterizedTest
  @ValueSource(strings = {"compliant.yaml", "non-compliant.yaml"})
  void theSamplesAreValidAgainstTheSchema(String name) throws Exception {
    assertThat(schema().validate(yaml(Path.of("sample-configs/bypass-list").resolve(name))))
        .isEmpty();
  }

  @Test
  void theSchemaRefusesWhatTheReaderRefuses() throws Exception {
    assertThat(schema().validate(yaml(Path.of("src/test/resources/bypass-list/bad.yaml"))))
        .isNotEmpty();
  }

  @Test
  void theSamplesVerdicts() {
    assertThat(audit("sample-configs/bypass-list/compliant.yaml"))
        .contains("PASS          ssl-bypass");
    assertThat(audit("sample-configs/bypass-list/non-compliant.yaml"))
        .contains("FAIL          ssl-bypass")
        .contains("to 21 of 1080")
        .contains("egress proxy: decrypts the rest (inspects: true)");
  }

  @Test
  void aBadListIsAnErrorAtEachLine() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String f = "src/test/resources/bypass-list/bad.yaml";
    int code =
        Main.run(new String[] {"audit", "--config", f}, new PrintWriter(out), new PrintWriter(err));
    assertThat(code).isEqualTo(2);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString().lines())
        .containsExactly(
            f + ":1: error: zpa-audit-bypass-list: 1 is the only version there is",
            f
                + ":2: error: unknown key 'inspect' (expected one of bypass, inspects, name,"
                + " zpa-audit-bypass-list)",
            f + ":5: error: 'not a name' is not a server name or *.domain",
            f + ":8: error: '10.0.0.0/33' is not an address, CIDR or range");
  }

  static String audit(String config) {
    StringWriter out = new StringWriter();
    Main.run(
        new String[] {"audit", "--config", config},
        new PrintWriter(out),
        new PrintWriter(new StringWriter()));
    return out.toString();
  }
}
