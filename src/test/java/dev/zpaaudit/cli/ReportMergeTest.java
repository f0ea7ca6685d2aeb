package dev.zpaaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report merge: per-device JSON reports joined into one fleet report in every format, valid against
 * the SARIF and JUnit schemas, with unique test names; a bad report is refused and earlier outputs
 * stay.
 */
class ReportMergeTest {
  static Path device(Path tmp, String config, String name) throws Exception {
    ReportCompareTest.Run r =
        ReportCompareTest.run(
            "audit",
            "--config",
            config,
            "--connector",
            "10.20.0.0/24",
            "--resolver",
            "203.0.113.53",
            "--format",
            "json");
    return Files.writeString(tmp.resolve(name), r.out());
  }

  @Test
  void devicesJoinIntoOneFleetReport(@TempDir Path tmp) throws Exception {
    Path a = device(tmp, "sample-configs/fortios/non-compliant.conf", "fw1.json");
    Path b = device(tmp, "sample-configs/asa/compliant.cfg", "fw2.json");
    Path out = tmp.resolve("fleet");
    ReportCompareTest.Run r =
        ReportCompareTest.run("report", "merge", a.toString(), b.toString(), "-o", out.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(1);
    try (var files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(
              "report.txt",
              "report.json",
              "report.sarif",
              "report.junit.xml",
              "report.md",
              "report.csv",
              "report.html");
    }
    JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
    assertThat(json.get("status").asText()).isEqualTo("fail");
    assertThat(json.get("checks")).hasSize(9);
    assertThat(json.get("inputs")).hasSize(2);
    JsonNode sarif = new ObjectMapper().readTree(out.resolve("report.sarif").toFile());
    JsonNode schema =
        new ObjectMapper()
            .readTree(Files.readString(Path.of("src/test/resources/sarif/sarif-2.1.0-rtm.5.json")));
    assertThat(
            JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4)
                .getSchema(schema)
                .validate(sarif))
        .isEmpty();
    String junit = Files.readString(out.resolve("report.junit.xml"));
    SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    f.newSchema(Path.of("src/test/resources/junit/jenkins-junit.xsd").toFile())
        .newValidator()
        .validate(new StreamSource(new StringReader(junit)));
    Set<String> names = new HashSet<>();
    Matcher m = Pattern.compile("<testcase [^>]*name=\"([^\"]*)\"").matcher(junit);
    int cases = 0;
    while (m.find()) {
      cases++;
      names.add(m.group(1));
    }
    assertThat(cases).isEqualTo(9);
    assertThat(names).hasSize(9);
  }

  /**
   * A check of a fleet report keeps the fingerprint it had in its device's report: checks of one id
   * on two devices differ, and comparing two fleet reports finds a check newly failing on one
   * device while another device already fails it.
   */
  @Test
  void fleetChecksKeepTheirDevicesFingerprints(@TempDir Path tmp) throws Exception {
    Path a = device(tmp, "sample-configs/fortios/non-compliant.conf", "fw1.json");
    Path config = tmp.resolve("fw2.cfg");
    Files.copy(Path.of("sample-configs/asa/compliant.cfg"), config);
    Path b = device(tmp, config.toString(), "fw2.json");
    Files.copy(
        Path.of("sample-configs/asa/non-compliant.cfg"),
        config,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Path bLater = device(tmp, config.toString(), "fw2-later.json");
    Path before = tmp.resolve("before");
    Path after = tmp.resolve("after");
    ReportCompareTest.run("report", "merge", a.toString(), b.toString(), "-o", before.toString());
    ReportCompareTest.run(
        "report", "merge", a.toString(), bLater.toString(), "-o", after.toString());
    java.util.List<String> fleet = fingerprints(before.resolve("report.json"));
    java.util.List<String> devices = new java.util.ArrayList<>(fingerprints(a));
    devices.addAll(fingerprints(b));
    assertThat(fleet).containsExactlyElementsOf(devices).doesNotHaveDuplicates();
    ReportCompareTest.Run c =
        ReportCompareTest.run(
            "report",
            "compare",
            before.resolve("report.json").toString(),
            after.resolve("report.json").toString());
    assertThat(c.code()).as(c.out()).isEqualTo(1);
    assertThat(c.out()).containsPattern("new +zen-egress");
  }

  private static java.util.List<String> fingerprints(Path report) throws Exception {
    java.util.List<String> out = new java.util.ArrayList<>();
    new ObjectMapper()
        .readTree(report.toFile())
        .get("checks")
        .forEach(c -> out.add(c.get("fingerprint").asText()));
    return out;
  }

  @Test
  void aBadReportIsRefusedAndEarlierOutputsStay(@TempDir Path tmp) throws Exception {
    Path a = device(tmp, "sample-configs/asa/compliant.cfg", "fw1.json");
    Path cut = Files.writeString(tmp.resolve("cut.json"), "{\"schema\": \"zpa-audit/report/v1\", ");
    Path out = Files.createDirectories(tmp.resolve("fleet"));
    Files.writeString(out.resolve("report.txt"), "earlier\n");
    ReportCompareTest.Run r =
        ReportCompareTest.run(
            "report", "merge", a.toString(), cut.toString(), "-o", out.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith(cut + ":");
    assertThat(Files.readString(out.resolve("report.txt"))).isEqualTo("earlier\n");
  }
}
