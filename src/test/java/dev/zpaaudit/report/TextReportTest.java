package dev.zpaaudit.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zpaaudit.checks.CheckResult;
import dev.zpaaudit.checks.Evidence;
import dev.zpaaudit.checks.Report;
import dev.zpaaudit.checks.Severity;
import dev.zpaaudit.checks.Status;
import dev.zpaaudit.diag.Diagnostic;
import dev.zpaaudit.model.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The text report of made-up reports: lists cut, diagnostics counted by kind, lines wrapped. */
class TextReportTest {
  static final String MORE = "(see the JSON report)";

  static Report report(List<CheckResult> checks, List<Diagnostic> diagnostics) {
    return report(checks, diagnostics, List.of(new Report.Input("fw.rules", "iptables-save")));
  }

  static Report report(
      List<CheckResult> checks, List<Diagnostic> diagnostics, List<Report.Input> inputs) {
    Map<String, String> ctx = new LinkedHashMap<>();
    ctx.put("placement", "FORWARD (gateway: in eth1, out eth0)");
    return new Report(
        "audit",
        new Report.RangeInfo("ranges.txt", "2026-09-02", 1080, 818),
        inputs,
        ctx,
        checks,
        diagnostics);
  }

  static CheckResult check(Status status, List<String> uncovered, List<Evidence> evidence) {
    return new CheckResult(
        "zen-egress",
        List.of("R8", "R12"),
        Severity.CRITICAL,
        status,
        "connectors reach 0 of 1080 published ranges on TCP 443; 1080 denied",
        uncovered,
        evidence,
        "Allow TCP 443 from every connector to every published ZPA range.");
  }

  static Evidence evidence(String verdict, int line, List<String> destinations) {
    return new Evidence(
        verdict,
        "fw.rules",
        line,
        "-A FORWARD -j " + verdict.toUpperCase(),
        verdict + ": new packets",
        destinations,
        List.of("10.1.0.0/24"),
        Map.of());
  }

  static String render(Report r) {
    String text = new TextReport().render(r);
    assertThat(text.lines())
        .allSatisfy(
            l -> assertThat(l.length() <= TextLayout.WIDTH || !l.strip().contains(" ")).isTrue());
    return text;
  }

  @Test
  void everyLongListIsCutAfterTwentySayingHowManyMore() {
    List<String> blocks = TextLayoutTest.cidrs(818);
    List<Map<String, Object>> perEntry = new ArrayList<>();
    for (String cidr : TextLayoutTest.cidrs(1080)) {
      perEntry.add(Map.of("range", cidr, "status", "denied"));
    }
    Evidence ranges =
        new Evidence("info", null, 0, null, "per entry", null, null, Map.of("ranges", perEntry));
    String text =
        render(
            report(
                List.of(check(Status.FAIL, blocks, List.of(evidence("deny", 7, blocks), ranges))),
                List.of()));
    assertThat(text)
        .contains("ranges: 1,080 published entries (818 CIDR blocks once overlapping and adjacent")
        .contains("  uncovered (818 blocks): 10.0.0.0/24, 10.0.1.0/24,")
        .contains("      destinations (818 blocks): 10.0.0.0/24,")
        .contains("  published entries not allowed (1,080 of 1,080): 10.0.0.0/24 denied,")
        .contains("... and 1,060 more " + MORE)
        .doesNotContain("10.0.20.0/24");
    assertThat(text.split("\\.\\.\\. and 798 more \\(see the JSON report\\)", -1)).hasSize(3);
  }

  @Test
  void evidenceOverTwentyItemsIsCutShowingFailuresFirst() {
    List<Evidence> items = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      items.add(evidence("pass", 100 + i, List.of()));
    }
    items.add(evidence("fail", 200, List.of()));
    items.add(evidence("indeterminate", 201, List.of()));
    String text = render(report(List.of(check(Status.FAIL, null, items)), List.of()));
    assertThat(text).contains("  - fail by fw.rules:200: fail: new packets\n");
    assertThat(text).contains("  - indeterminate by fw.rules:201:");
    assertThat(text.split("\n  - pass by ", -1)).hasSize(19);
    assertThat(text).contains("  - ... and 12 more, all pass " + MORE + "\n");
    assertThat(text.indexOf("fw.rules:117:")).isLessThan(text.indexOf("fw.rules:200:"));
  }

  @Test
  void theSameLongListAsTheItemAboveIsNotRepeated() {
    List<String> blocks = TextLayoutTest.cidrs(30);
    String text =
        render(
            report(
                List.of(
                    check(
                        Status.FAIL,
                        null,
                        List.of(evidence("deny", 5, blocks), evidence("deny", 9, blocks)))),
                List.of()));
    assertThat(text).containsOnlyOnce("destinations (30 blocks)");
    assertThat(text).contains("      destinations: the same 30 blocks as the item above\n");
  }

  static Diagnostic warning(int line, String message) {
    return new Diagnostic(
        Diagnostic.Severity.WARNING, new SourceLocation("tum.rules", line), message);
  }

  @Test
  void manyDiagnosticsAreCountedByKindWithTheirFirstPlaces() {
    List<Diagnostic> diags = new ArrayList<>();
    for (int i = 0; i < 885; i++) {
      diags.add(
          warning(
              1000 + 2 * i,
              "match 'mac' (--mac-source XX:XX) is not modelled; the rule is evaluated as"
                  + " may-match"));
    }
    for (int i = 0; i < 7; i++) {
      diags.add(
          warning(
              100 + i,
              "match 'recent' (--seconds "
                  + i
                  + ") is not modelled; the rule is evaluated as may-match"));
    }
    diags.add(warning(50, "target 'NFQUEUE' is not modelled; packets reaching this rule get an"));
    String text = render(report(List.of(), diags));
    assertThat(text)
        .contains("\ndiagnostics (893 warnings, in 3 kinds; the JSON report lists each):\n")
        .contains(
            "  mac: 885 warnings: match 'mac' (--mac-source XX:XX) is not modelled; the rule\n"
                + "    is evaluated as may-match\n"
                + "    at tum.rules:1000, :1002, :1004, :1006, :1008, :1010, :1012, :1014, :1016,\n")
        .contains(":1038, ... and 865 more " + MORE + "\n")
        .contains(
            "  recent: 7 warnings: match 'recent' (...) is not modelled; the rule is\n"
                + "    evaluated as may-match\n"
                + "    at tum.rules:100, :101, :102, :103, :104, :105, :106\n")
        .contains("  tum.rules:50: warning: target 'NFQUEUE' is not modelled;");
    assertThat(text.lines().count()).isLessThan(30);
    assertThat(text.indexOf("  mac:")).isLessThan(text.indexOf("  recent:"));
  }

  @Test
  void twentyDiagnosticsOrFewerAreEachListed() {
    List<Diagnostic> diags = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      diags.add(warning(10 + i, "match 'mac' (--mac-source " + i + ") is not modelled"));
    }
    String text = render(report(List.of(), diags));
    assertThat(text)
        .contains("\ndiagnostics (20 warnings):\n")
        .contains("  tum.rules:29: warning: match 'mac' (--mac-source 19) is not modelled\n")
        .doesNotContain("mac:");
  }

  @Test
  void diagnosticsOfSeveralSeveritiesAndUnnamedKindsAreCountedApart() {
    List<Diagnostic> diags = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      diags.add(
          warning(10 + i, "chain x filters the ingress of a device the export does not name"));
    }
    diags.add(
        new Diagnostic(
            Diagnostic.Severity.NOTE, new SourceLocation("b.json", 3), "table arp a is skipped"));
    diags.add(
        new Diagnostic(
            Diagnostic.Severity.NOTE, new SourceLocation("b.json", 9), "table arp a is skipped"));
    String text = render(report(List.of(), diags));
    assertThat(text)
        .contains("diagnostics (25 warnings, 2 notes, in 2 kinds; the JSON report lists each):\n")
        .contains(
            "  25 warnings: chain x filters the ingress of a device the export does not name\n")
        .contains("  2 notes: table arp a is skipped\n    at b.json:3, :9\n");
  }

  @Test
  void moreThanTwentyInputsAreCut() {
    List<Report.Input> inputs = new ArrayList<>();
    for (int i = 1; i <= 25; i++) {
      inputs.add(new Report.Input("fw" + i + ".rules", "iptables-save"));
    }
    String text = render(report(List.of(), List.of(), inputs));
    assertThat(text)
        .contains("input: fw20.rules (iptables-save)\ninput: ... and 5 more " + MORE + "\n")
        .doesNotContain("fw21.rules");
  }

  @Test
  void summariesWrapInTheirColumn() {
    String text =
        render(
            report(
                List.of(check(Status.FAIL, null, List.of(evidence("deny", 3, List.of())))),
                List.of()));
    assertThat(text)
        .contains(
            "  FAIL          zen-egress  critical  connectors reach 0 of 1080 published\n"
                + "                                      ranges on TCP 443; 1080 denied\n");
  }
}
