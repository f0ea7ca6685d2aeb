package dev.zpaaudit.cli;

import dev.zpaaudit.checks.ranges.RangeDiff;
import dev.zpaaudit.model.PublishedRanges;
import dev.zpaaudit.report.JsonReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Works with lists of published ranges over time. */
@Command(
    name = "ranges",
    mixinStandardHelpOptions = true,
    description = {"Fetch and compare lists of published ZPA ranges (R12)."},
    subcommands = {RangesCommand.Diff.class, RangesFetch.class},
    footer = {
      "",
      "Examples:",
      "  zpa-audit ranges diff sample-configs/ranges/before.txt \\",
      "      sample-configs/ranges/after.txt --announced 2026-12-01",
      "  zpa-audit ranges fetch -o zpa.json",
      "",
      "Exit codes: see each subcommand's --help."
    })
final class RangesCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new UsageException("give a subcommand: ranges diff OLD NEW, or ranges fetch -o FILE");
  }

  /** The differences between two lists of published ranges. */
  @Command(
      name = "diff",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description = {
        "What changed from the OLD list of published ranges to the NEW one.",
        "The addresses added and removed, as the fewest CIDR blocks, and the entries widened",
        "or narrowed. Each list is the vendor's JSON feed or plain text with one CIDR a line.",
        "With the date the vendor announced the NEW list, the date it takes effect (90 days",
        "later)."
      },
      footer = {
        "",
        "Examples:",
        "  zpa-audit ranges diff sample-configs/ranges/before.txt \\",
        "      sample-configs/ranges/after.txt",
        "  zpa-audit ranges diff sample-configs/ranges/before.txt \\",
        "      sample-configs/ranges/after.txt --announced 2026-12-01 --format json",
        "",
        "Exit codes: 0 no change; 1 the lists differ; 2 usage error or unreadable input;"
            + " 4 internal error."
      })
  static final class Diff implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OLD", description = "The list in force.")
    Path before;

    @Parameters(index = "1", paramLabel = "NEW", description = "The list announced.")
    Path after;

    @Option(
        names = "--announced",
        paramLabel = "DATE",
        description = "When the vendor announced NEW (YYYY-MM-DD): gives the activation date.")
    String announced;

    @Option(
        names = "--format",
        paramLabel = "FORMAT",
        defaultValue = "text",
        description = "text or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() throws Exception {
      if (!format.equals("text") && !format.equals("json")) {
        throw new UsageException("--format must be text or json, not '" + format + "'");
      }
      LocalDate date = date();
      PublishedRanges old = RangesOption.read(before);
      PublishedRanges now = RangesOption.read(after);
      RangeDiff d = RangeDiff.of(old, now, date);
      PrintWriter out = spec.commandLine().getOut();
      out.print(format.equals("json") ? json(old, now, d) : text(old, now, d));
      out.flush();
      return d.none() ? ExitCodes.CLEAN : ExitCodes.FINDINGS;
    }

    private LocalDate date() {
      if (announced == null) {
        return null;
      }
      try {
        return LocalDate.parse(announced);
      } catch (DateTimeParseException e) {
        throw new UsageException("--announced '" + announced + "' is not a date YYYY-MM-DD");
      }
    }

    private static String text(PublishedRanges old, PublishedRanges now, RangeDiff d) {
      StringBuilder sb = new StringBuilder();
      sb.append("old: ").append(describe(old)).append('\n');
      sb.append("new: ").append(describe(now)).append('\n');
      if (d.none()) {
        return sb.append("no change\n").toString();
      }
      list(sb, "added", d.added());
      list(sb, "removed", d.removed());
      for (RangeDiff.Change c : d.widened()) {
        sb.append("widened: ")
            .append(String.join(", ", c.before()))
            .append(" -> ")
            .append(String.join(", ", c.after()))
            .append('\n');
      }
      for (RangeDiff.Change c : d.narrowed()) {
        sb.append("narrowed: ")
            .append(String.join(", ", c.before()))
            .append(" -> ")
            .append(String.join(", ", c.after()))
            .append('\n');
      }
      if (d.activation() != null) {
        long left = ChronoUnit.DAYS.between(LocalDate.now(), d.activation());
        sb.append("announced ")
            .append(d.announced())
            .append(": takes effect ")
            .append(d.activation())
            .append(" (")
            .append(RangeDiff.NOTICE_DAYS)
            .append(" days later; ")
            .append(left >= 0 ? left + " days from today" : -left + " days ago")
            .append(")\n");
      }
      return sb.toString();
    }

    private static void list(StringBuilder sb, String what, List<String> cidrs) {
      sb.append(what)
          .append(" (")
          .append(cidrs.size())
          .append(cidrs.size() == 1 ? " block)" : " blocks)");
      sb.append(cidrs.isEmpty() ? "" : ": " + String.join(", ", cidrs)).append('\n');
    }

    private static String describe(PublishedRanges r) {
      return r.source() + " (" + r.entries().size() + " entries" + date(r) + ")";
    }

    private static String date(PublishedRanges r) {
      return r.date() == null || r.date().isEmpty() ? "" : ", " + r.date();
    }

    private static String json(PublishedRanges old, PublishedRanges now, RangeDiff d) {
      Map<String, Object> root = new LinkedHashMap<>();
      root.put("schema", "zpa-audit/ranges-diff/v1");
      root.put("old", Map.of("source", old.source(), "entries", old.entries().size()));
      root.put("new", Map.of("source", now.source(), "entries", now.entries().size()));
      root.put("added", d.added());
      root.put("removed", d.removed());
      root.put("widened", d.widened().stream().map(Diff::change).toList());
      root.put("narrowed", d.narrowed().stream().map(Diff::change).toList());
      if (d.announced() != null) {
        root.put("announced", d.announced().toString());
        root.put("activation", d.activation().toString());
      }
      return JsonReport.write(root);
    }

    private static Map<String, Object> change(RangeDiff.Change c) {
      return Map.of("before", c.before(), "after", c.after());
    }
  }
}
