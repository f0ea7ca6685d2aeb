package dev.zpaaudit.report;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JUnit reports of the samples are valid against the JUnit schema Jenkins reads them with
 * (src/test/resources/junit/jenkins-junit.xsd, see its PROVENANCE.md).
 */
class JunitSchemaTest {
  private static final Path XSD = Path.of("src/test/resources/junit/jenkins-junit.xsd");

  static Stream<List<String>> samples() {
    String panos = "--connector=10.20.0.0/24 --resolver=203.0.113.53";
    return Stream.of(
            "--config=sample-configs/iptables/host-compliant.rules --connector=10.0.0.10"
                + " --resolver=10.0.0.53",
            "--config=sample-configs/iptables/gateway-shadowed.rules --chain=FORWARD"
                + " --in-interface=eth1 --out-interface=eth0 --connector=10.1.0.0/24",
            "--config=sample-configs/panos/non-compliant-firewall.xml " + panos,
            "--config=sample-configs/panos/panorama.xml --device-group=branch-paris " + panos,
            "--config=sample-configs/fortios/non-compliant.conf " + panos,
            "--config=sample-configs/linux/vxlan-host --connector=10.9.0.1",
            "--hosts=sample-configs/hosts/inventory.yaml")
        .map(s -> List.of(s.split(" ")));
  }

  private static Validator validator() throws Exception {
    SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    Schema schema = f.newSchema(XSD.toFile());
    Validator v = schema.newValidator();
    v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    return v;
  }

  @ParameterizedTest
  @MethodSource("samples")
  void theSamplesReportIsValid(List<String> args) throws Exception {
    String xml = ReportFormatsTest.audit("junit", args);
    assertThatCode(() -> validator().validate(new StreamSource(new StringReader(xml))))
        .doesNotThrowAnyException();
  }

  @Test
  void theSchemaRefusesWhatItShould() throws Exception {
    String bad = "<testsuites><testsuite tests=\"1\"><testcase/></testsuite></testsuites>";
    assertThatThrownBy(() -> validator().validate(new StreamSource(new StringReader(bad))))
        .hasMessageContaining("name");
  }
}
