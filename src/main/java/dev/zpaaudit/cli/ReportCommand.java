package dev.zpaaudit.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.zpaaudit.checks.CheckResult;
import dev.zpaaudit.checks.Fingerprints;
import dev.zpaaudit.checks.Report;
import dev.zpaaudit.checks.Status;
import dev.zpaaudit.diag.InputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Works with audit reports over time. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {"Compare and join audit reports (JSON)."},
    subcommands = {ReportCommand.Compare.class, ReportCommand.Merge.class},
    footer = {
      "",
      "Examples:",
      "  zpa-audit report compare last-quarter/report.json report.json",
      "  zpa-audit report merge fw1/report.json fw2/report.json -o fleet",
      "",
      "Exit codes: see each subcommand's --help."
    })
final class ReportCommand implements Runnable {
  @Override
  public void run() {
    throw new UsageException(
        "give a subcommand: report compare OLD.json NEW.json, or report merge A.json B.json... -o DIR");
  }

  /** New, fixed and unchanged findings between two JSON reports. */
  @Command(
      name = "compare",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description = {
        "New, fixed and unchanged findings between two audit reports.",
        "The findings (checks that fail or are indeterminate) of the NEW report that the OLD one",
        "did not have, those it had that are gone, and those in both, matched by fingerprint (a",
        "check of the same inputs keeps its fingerprint). Both are JSON reports (audit --format",
        "json)."
      },
      footer = {
        "",
        "Examples:",
        "  zpa-audit report compare old/report.json new/report.json",
        "  zpa-audit report compare old/report.json new/report.json --format json",
        "",
        "Exit codes: 0 no new finding; 1 new findings; 2 usage error or unreadable report;"
            + " 4 internal error."
      })
  static final class Compare implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OLD", description = "The earlier JSON report.")
    Path before;

    @Parameters(index = "1", paramLabel = "NEW", description = "The later JSON report.")
    Path after;

    @Option(
        names = "--format",
        paramLabel = "FORMAT",
        defaultValue = "text",
        description = "text or json (default: ${DEFAULT-VALUE}).")
    String format;

    /** A finding of a report: its fingerprint, check, status and summary. */
    record Finding(String fingerprint, String check, String status, String summary) {}

    @Override
    public Integer call() throws Exception {
      if (!format.equals("text") && !format.equals("json")) {
        throw new UsageException("--format must be text or json, not '" + format + "'");
      }
      Map<String, Finding> old = findings(before);
      Map<String, Finding> now = findings(after);
      List<Finding> added = new ArrayList<>();
      List<Finding> fixed = new ArrayList<>();
      List<Finding> unchanged = new ArrayList<>();
      now.forEach((k, f) -> (old.containsKey(k) ? unchanged : added).add(f));
      old.forEach(
          (k, f) -> {
            if (!now.containsKey(k)) {
              fixed.add(f);
            }
          });
      PrintWriter out = spec.commandLine().getOut();
      out.print(
          format.equals("json") ? json(added, fixed, unchanged) : text(added, fixed, unchanged));
      out.flush();
      return added.isEmpty() ? ExitCodes.CLEAN : ExitCodes.FINDINGS;
    }

    /** A report's findings by fingerprint; a file that is not a zpa-audit report is refused. */
    private static Map<String, Finding> findings(Path file) throws InputException {
      Report r = JsonReportReader.read(file);
      Map<String, Finding> out = new LinkedHashMap<>();
      for (CheckResult c : r.checks()) {
        if (c.status() == Status.FAIL || c.status() == Status.INDETERMINATE) {
          String fp = Fingerprints.of(c, r);
          out.put(fp, new Finding(fp, c.id(), c.status().label(), c.summary()));
        }
      }
      return out;
    }

    private static String text(List<Finding> added, List<Finding> fixed, List<Finding> same) {
      StringBuilder sb = new StringBuilder();
      sb.append("zpa-audit report compare: ")
          .append(added.size())
          .append(" new, ")
          .append(fixed.size())
          .append(" fixed, ")
          .append(same.size())
          .append(" unchanged\n");
      lines(sb, "new", added);
      lines(sb, "fixed", fixed);
      lines(sb, "unchanged", same);
      return sb.toString();
    }

    private static void lines(StringBuilder sb, String word, List<Finding> fs) {
      for (Finding f : fs) {
        sb.append(
            String.format(
                "  %-10s %-15s %-13s %s%n",
                word, f.check(), f.status().toUpperCase(java.util.Locale.ROOT), f.summary()));
      }
    }

    private static String json(List<Finding> added, List<Finding> fixed, List<Finding> same)
        throws Exception {
      ObjectMapper m = new ObjectMapper();
      ObjectNode root = m.createObjectNode();
      root.put("schema", "zpa-audit/report-compare/v1");
      for (var e :
          Map.of("new", added, "fixed", fixed, "unchanged", same).entrySet().stream()
              .sorted(Map.Entry.comparingByKey())
              .toList()) {
        ArrayNode a = root.putArray(e.getKey());
        e.getValue().forEach(f -> a.add(m.valueToTree(f)));
      }
      return m.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }
  }

  /** Several devices' reports joined into one fleet report, in every format. */
  @Command(
      name = "merge",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description = {
        "Join audit reports of several devices into one fleet report.",
        "Each REPORT is a JSON report (audit --format json) of one or more devices, for example",
        "one per job of a CI matrix. The fleet report holds every check of every report (each",
        "names the files it judged), their inputs and diagnostics; its status is the worst, and",
        "its exit code is as the audit's. Written in every format with --output, as audit does."
      },
      footer = {
        "",
        "Examples:",
        "  zpa-audit report merge fw1/report.json fw2/report.json -o fleet",
        "  zpa-audit report merge fw1/report.json fw2/report.json --format markdown",
        "",
        "Exit codes: 0 every check passes; 1 a check fails (see --fail-on); 2 usage error or"
            + " unreadable report; 4 internal error."
      })
  static final class Merge implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "REPORT", description = "JSON reports to join.")
    List<Path> reports;

    @CommandLine.Mixin ReportOptions report;

    @Override
    public Integer call() throws Exception {
      report.validate();
      List<Report> all = new ArrayList<>();
      for (Path p : reports) {
        all.add(JsonReportReader.read(p));
      }
      return report.emit(merged(all, reports), spec.commandLine().getOut());
    }

    /** One report of many: inputs renumbered by device, checks and diagnostics in order. */
    static Report merged(List<Report> all, List<Path> files) {
      List<Report.Input> inputs = new ArrayList<>();
      Map<String, String> ctx = new LinkedHashMap<>();
      List<CheckResult> checks = new ArrayList<>();
      List<dev.zpaaudit.diag.Diagnostic> diags = new ArrayList<>();
      int devices = 0;
      ctx.put(
          "fleet",
          all.size()
              + " reports: "
              + String.join(", ", files.stream().map(Path::toString).toList()));
      for (int i = 0; i < all.size(); i++) {
        Report r = all.get(i);
        int offset = devices;
        int most = 0;
        for (Report.Input in : r.inputs()) {
          Integer d = in.device() == null ? null : in.device() + offset;
          most = Math.max(most, in.device() == null ? 0 : in.device());
          inputs.add(new Report.Input(in.file(), in.format(), d, in.families()));
        }
        devices += most;
        String label = files.get(i).toString();
        r.context().forEach((k, v) -> ctx.put(label + ": " + k, v));
        List<String> judged = r.inputs().stream().map(Report.Input::file).toList();
        r.checks().forEach(c -> checks.add(c.judging(judged)));
        diags.addAll(r.diagnostics());
      }
      Report.RangeInfo ranges = all.isEmpty() ? null : all.get(0).ranges();
      return new Report("audit", ranges, inputs, ctx, checks, diags);
    }
  }
}
