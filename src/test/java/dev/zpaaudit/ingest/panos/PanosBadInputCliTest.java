package dev.zpaaudit.ingest.panos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zpaaudit.cli.RejectedInputTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An unusable PAN-OS config through the command line: exit code 2, the located error on standard
 * error, nothing on standard output, and the report already in the output folder left as it was.
 */
class PanosBadInputCliTest extends RejectedInputTest {
  static final Path BAD = Path.of("src/test/resources/panos/bad");

  void assertRejected(String name, String error) throws IOException {
    Path f = BAD.resolve(name);
    assertRefused(List.of("audit", "--config", f.toString()), f, error);
  }

  @Test
  void aGoodConfigIsWrittenSoTheChecksBelowMeanSomething() throws IOException {
    Run r =
        run(
            "audit",
            "--config",
            "sample-configs/panos/compliant-firewall.xml",
            "--output",
            out().toString());
    assertThat(r.code()).isIn(0, 1);
    assertThat(Files.readString(out().resolve("report.txt"))).isNotEqualTo(EARLIER);
  }

  @Test
  void malformedXml() throws IOException {
    assertRejected(
        "malformed.xml",
        ":5: error: cannot parse XML: The element type \"address\" must be terminated by the"
            + " matching end-tag \"</address>\".");
  }

  @Test
  void billionLaughs() throws IOException {
    assertRejected(
        "billion-laughs.xml",
        ":2: error: DOCTYPE is not allowed: document type definitions, entity declarations and"
            + " external entities are refused");
  }

  @Test
  void externalEntity() throws IOException {
    assertRejected(
        "external-entity.xml",
        ":3: error: DOCTYPE is not allowed: document type definitions, entity declarations and"
            + " external entities are refused");
  }

  @Test
  void aRuleNamingAnUndefinedAddressObject() throws IOException {
    assertRejected(
        "undefined-address.xml",
        ":11: error: security rule 'to-zpa': address 'zpa-connectors' is not defined");
  }

  @Test
  void severalVsysWithoutAChoice() throws IOException {
    Path f = Path.of("src/test/resources/panos/features/convert-vsys.xml");
    Run r = run("audit", "--config", f.toString(), "--output", out().toString());
    assertThat(r.err())
        .isEqualTo(
            f
                + ":1: error: the firewall has several vsys (vsys1, vsys2): choose one with --vsys\n");
    assertThat(r.code()).isEqualTo(2);
    assertThat(Files.readString(out().resolve("report.txt"))).isEqualTo(EARLIER);
  }
}
