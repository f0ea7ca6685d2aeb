package dev.zpaaudit.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zpaaudit.cli.Main;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** JUnit XML, Markdown and CSV reports of the samples: well formed and consistent with the run. */
class ReportFormatsTest {
  static final List<String> PANORAMA =
      List.of(
          "--config",
          "sample-configs/panos/panorama.xml",
          "--device-group",
          "branch-paris",
          "--connector",
          "10.20.0.0/24",
          "--resolver",
          "203.0.113.53");

  static String audit(String format, List<String> args) {
    List<String> all = new ArrayList<>(List.of("audit", "--format", format));
    all.addAll(args);
    StringWriter out = new StringWriter();
    int code =
        Main.run(
            all.toArray(new String[0]), new PrintWriter(out), new PrintWriter(new StringWriter()));
    assertThat(code).isIn(0, 1);
    return out.toString();
  }

  @Test
  void junitIsWellFormedWithOneUniqueCasePerCheck() throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document doc =
        f.newDocumentBuilder().parse(new InputSource(new StringReader(audit("junit", PANORAMA))));
    Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
    NodeList cases = doc.getElementsByTagName("testcase");
    assertThat(suite.getAttribute("tests")).isEqualTo(Integer.toString(cases.getLength()));
    assertThat(cases.getLength()).isEqualTo(5);
    Set<String> names = new HashSet<>();
    for (int i = 0; i < cases.getLength(); i++) {
      names.add(((Element) cases.item(i)).getAttribute("name"));
    }
    assertThat(names).hasSize(5);
    NodeList failures = doc.getElementsByTagName("failure");
    assertThat(suite.getAttribute("failures")).isEqualTo(Integer.toString(failures.getLength()));
    Element dns = (Element) failures.item(0);
    assertThat(dns.getAttribute("type")).isEqualTo("indeterminate");
    assertThat(dns.getTextContent()).contains("sample-configs/panos/panorama.xml:143");
  }

  @Test
  void junitEscapesWhatXmlCannotHoldAsIs() {
    assertThat(JunitReport.xml("a<b & 'c' \"d\"\u0001"))
        .isEqualTo("a&lt;b &amp; &apos;c&apos; &quot;d&quot;");
  }

  @Test
  void markdownHasARowPerCheckAndASectionPerCheckNotPassed() {
    String md = audit("markdown", PANORAMA);
    assertThat(md).startsWith("# zpa-audit audit: INDETERMINATE\n");
    assertThat(md.lines().filter(l -> l.startsWith("| `")).count()).isEqualTo(5);
    assertThat(md).contains("\n## dns-egress: indeterminate\n").doesNotContain("## zen-egress");
  }

  @Test
  void csvQuotesWhatItMustAndHasOneHeader() {
    String csv = audit("csv", PANORAMA);
    List<String> rows = csv.lines().toList();
    assertThat(rows.get(0))
        .isEqualTo(
            "check,requirements,severity,status,verdict,file,line,rule,message,destinations,sources");
    assertThat(csv).contains("\r\n");
    assertThat(rows)
        .anyMatch(r -> r.startsWith("dns-egress,R16,high,indeterminate,indeterminate,"));
    assertThat(CsvReport.field("a,\"b\"")).isEqualTo("\"a,\"\"b\"\"\"");
    assertThat(CsvReport.field("plain")).isEqualTo("plain");
  }
}
