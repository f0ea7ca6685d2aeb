package dev.zpaaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Suppressions: an accepted finding stays in the reports, flagged, and does not fail the run; an
 * expired one counts again, one that matches nothing is said, and a bad file is refused.
 */
class SuppressionsTest {
  private static final String SAMPLE = "sample-configs/panos/non-compliant-firewall.xml";

  record Run(int code, String out, String err) {}

  static Run audit(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "audit",
                "--config",
                SAMPLE,
                "--connector",
                "10.20.0.0/24",
                "--resolver",
                "203.0.113.53"));
    args.addAll(List.of(extra));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args.toArray(new String[0]), new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  /** A suppression file accepting every finding of the sample until {@code expires}. */
  static Path acceptAll(Path tmp, String expires) throws Exception {
    JsonNode report = new ObjectMapper().readTree(audit("--format", "json").out());
    StringBuilder yaml = new StringBuilder();
    for (JsonNode c : report.get("checks")) {
      if (c.get("status").asText().equals("fail")) {
        yaml.append("- fingerprint: ").append(c.get("fingerprint").asText()).append('\n');
        yaml.append("  reason: accepted for the test\n");
        yaml.append("  expires: ").append(expires).append('\n');
      }
    }
    return Files.writeString(tmp.resolve("accepted.yaml"), yaml);
  }

  @Test
  void acceptedFindingsAreFlaggedAndDoNotFailTheRun(@TempDir Path tmp) throws Exception {
    Path file = acceptAll(tmp, "2999-12-31");
    Run text = audit("--suppressions", file.toString());
    assertThat(text.code()).isZero();
    assertThat(text.out())
        .startsWith("zpa-audit audit: PASS (1 pass, 0 fail, 0 indeterminate, 4 suppressed)")
        .contains("  SUPPRESSED    zen-egress")
        .contains("suppressed until 2999-12-31");
    JsonNode json =
        new ObjectMapper()
            .readTree(audit("--suppressions", file.toString(), "--format", "json").out());
    JsonNode egress = json.get("checks").get(0);
    assertThat(egress.get("status").asText()).isEqualTo("fail");
    assertThat(egress.get("suppressed").get("reason").asText()).isEqualTo("accepted for the test");
    assertThat(audit("--suppressions", file.toString(), "--format", "csv").out())
        .contains("fail (suppressed)");
    assertThat(audit("--suppressions", file.toString(), "--format", "sarif").out())
        .contains("\"kind\" : \"external\"");
  }

  @Test
  void anExpiredSuppressionCountsAgainAndOneMatchingNothingIsSaid(@TempDir Path tmp)
      throws Exception {
    Path file = acceptAll(tmp, "2020-01-31");
    Files.writeString(
        file,
        Files.readString(file) + "- fingerprint: 00ff\n  reason: gone\n  expires: 2999-01-01\n");
    Run r = audit("--suppressions", file.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out().replaceAll("\\s+", " "))
        .contains("expired on 2020-01-31: the finding counts again")
        .contains("suppression of 00ff matches no finding of this run");
  }

  @Test
  void aBadFileIsRefusedAndNothingIsWritten(@TempDir Path tmp) throws Exception {
    Path bad = tmp.resolve("bad.yaml");
    Files.writeString(
        bad,
        "- fingerprint: abc\n  reason: ok\n  expires: 31/12/2099\n- fingerprint: def\n"
            + "  expire: 2099-01-01\n");
    Path outDir = Files.createDirectories(tmp.resolve("out"));
    Files.writeString(outDir.resolve("report.txt"), "earlier\n");
    Run r = audit("--suppressions", bad.toString(), "--output", outDir.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().lines())
        .containsExactly(
            bad + ":3: error: expires '31/12/2099' is not a date YYYY-MM-DD",
            bad + ":4: error: the suppression has no expires",
            bad + ":4: error: the suppression has no reason",
            bad + ":5: error: unknown key 'expire' (expected expires, fingerprint, reason)");
    assertThat(Files.readString(outDir.resolve("report.txt"))).isEqualTo("earlier\n");
  }
}
