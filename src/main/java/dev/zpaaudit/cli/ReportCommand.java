package dev.zpaaudit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.zpaaudit.diag.Diagnostic;
import dev.zpaaudit.diag.InputException;
import dev.zpaaudit.io.InputFiles;
import dev.zpaaudit.io.SafeParsers;
import dev.zpaaudit.model.SourceLocation;
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
    description = {"Compare audit reports (JSON) over time."},
    subcommands = {ReportCommand.Compare.class},
    footer = {
      "",
      "Examples:",
      "  zpa-audit report compare last-quarter/report.json report.json",
      "",
      "Exit codes: see each subcommand's --help."
    })
final class ReportCommand implements Runnable {
  @Override
  public void run() {
    throw new UsageException("give a subcommand: report compare OLD.json NEW.json");
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

    /**
     * A report's findings by fingerprint; a file that is not a zpa-audit JSON report is refused.
     */
    private static Map<String, Finding> findings(Path file) throws InputException {
      var root = SafeParsers.json(InputFiles.read(file), file.toString());
      JsonNode n = new ObjectMapper().valueToTree(plain(root));
      if (!n.path("schema").asText().equals("zpa-audit/report/v1") || !n.path("checks").isArray()) {
        throw new InputException(
            new Diagnostic(
                Diagnostic.Severity.ERROR,
                new SourceLocation(file.toString(), 1),
                "not a zpa-audit JSON report (schema zpa-audit/report/v1): write one with"
                    + " audit --format json"));
      }
      Map<String, Finding> out = new LinkedHashMap<>();
      for (JsonNode c : n.get("checks")) {
        String status = c.path("status").asText();
        if (status.equals("fail") || status.equals("indeterminate")) {
          String fp = c.path("fingerprint").asText(c.path("id").asText());
          out.put(fp, new Finding(fp, c.path("id").asText(), status, c.path("summary").asText()));
        }
      }
      return out;
    }

    /** A parsed tree as plain maps, lists and values. */
    private static Object plain(dev.zpaaudit.io.Tree t) {
      if (t instanceof dev.zpaaudit.io.Tree.Obj o) {
        Map<String, Object> m = new LinkedHashMap<>();
        o.fields().forEach((k, v) -> m.put(k, plain(v)));
        return m;
      }
      if (t instanceof dev.zpaaudit.io.Tree.Seq s) {
        return s.items().stream().map(Compare::plain).toList();
      }
      return ((dev.zpaaudit.io.Tree.Scalar) t).value();
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
}
