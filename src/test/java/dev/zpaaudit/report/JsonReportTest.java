package dev.zpaaudit.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zpaaudit.checks.Report;
import dev.zpaaudit.diag.Diagnostic;
import dev.zpaaudit.model.SourceLocation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The keys the JSON report gained: the ranges' merged blocks and each diagnostic's kind. */
class JsonReportTest {
  static JsonNode render(Report.RangeInfo ranges, List<Diagnostic> diagnostics) throws Exception {
    Report r = new Report("audit", ranges, List.of(), Map.of(), List.of(), diagnostics);
    return new ObjectMapper().readTree(new JsonReport().render(r));
  }

  @Test
  void rangesSayHowManyBlocksTheEntriesMergeInto() throws Exception {
    JsonNode known = render(new Report.RangeInfo("r.txt", "2026-09-02", 1080, 818), List.of());
    assertThat(known.path("ranges").toString())
        .isEqualTo("{\"source\":\"r.txt\",\"date\":\"2026-09-02\",\"count\":1080,\"blocks\":818}");
    JsonNode unknown = render(new Report.RangeInfo("r.txt", "2026-09-02", 9), List.of());
    assertThat(unknown.path("ranges").path("blocks").isNull()).isTrue();
  }

  @Test
  void eachDiagnosticNamesItsKindOrNull() throws Exception {
    SourceLocation at = new SourceLocation("fw.rules", 8);
    JsonNode root =
        render(
            null,
            List.of(
                new Diagnostic(
                    Diagnostic.Severity.WARNING,
                    at,
                    "match 'mac' (--mac-source XX) is not modelled; the rule is evaluated as"
                        + " may-match"),
                new Diagnostic(
                    Diagnostic.Severity.ERROR,
                    new SourceLocation("fw.rules", 9),
                    "unexpected 'x'")));
    assertThat(root.path("diagnostics").get(0).path("kind").asText()).isEqualTo("mac");
    assertThat(root.path("diagnostics").get(1).path("kind").isNull()).isTrue();
    assertThat(root.path("diagnostics").get(1).path("message").asText())
        .isEqualTo("unexpected 'x'");
  }
}
