package dev.zpaaudit.cli;

import dev.zpaaudit.checks.hosts.HostRules;
import dev.zpaaudit.checks.hosts.Sizing;
import dev.zpaaudit.diag.InputException;
import dev.zpaaudit.ingest.inventory.InventoryReader;
import dev.zpaaudit.model.host.Connector;
import dev.zpaaudit.model.host.ConnectorGroup;
import dev.zpaaudit.model.host.Inventory;
import dev.zpaaudit.model.host.Throughput;
import dev.zpaaudit.report.JsonReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    addMethodSubcommands = false,
    name = "size",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Size a connector group for its peak throughput, plus N+1 (R6, R7).",
      "Prints the connectors needed and the working. From --peak and",
      "--double-encryption, or for every group of an inventory (--hosts) that",
      "states a measured peak."
    },
    footer = {
      "",
      "Examples:",
      "  zpa-audit size --peak 1Gbps --double-encryption 25%%",
      "  zpa-audit size --peak 1Gbps --average 400Mbps --double-encryption 0%% \\",
      "      --format json",
      "  zpa-audit size --hosts sample-configs/hosts/inventory.yaml",
      "",
      "Exit codes: 0 sized; 2 usage error or unreadable input; 4 internal error."
    })
final class SizeCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--peak",
      paramLabel = "RATE",
      description = "Peak user traffic, aggregate in+out: 1Gbps, 500Mbps or 750M.")
  String peak;

  @Option(
      names = "--average",
      paramLabel = "RATE",
      description = "Average user traffic, shown for information. With --peak only.")
  String average;

  @Option(
      names = "--double-encryption",
      paramLabel = "PERCENT",
      description =
          "Share of applications that are double-encrypted, 0-100%%. Required with --peak.")
  String doubleEncryption;

  @Option(
      names = "--spare",
      paramLabel = "N",
      description =
          "Spare connectors for failover (default: the rules' spares, 1 in rules/hosts.yaml).")
  Long spare;

  @Option(
      names = "--hosts",
      paramLabel = "INVENTORY",
      description =
          "Size every connector group of an inventory that states a measured peak, instead of"
              + " --peak.")
  Path hosts;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Mixin RuleOptions rules;

  @Override
  public Integer call() throws InputException {
    boolean json = parseFormat();
    if ((peak == null) == (hosts == null)) {
      throw new UsageException("give either --peak RATE or --hosts INVENTORY");
    }
    if (hosts != null) {
      OptionScope.refuse(
          spec,
          List.of("--average", "--double-encryption"),
          "with --peak: with --hosts, the inventory's groups state them");
    }
    if (spare != null && spare < 0) {
      throw new UsageException("--spare must not be negative");
    }
    HostRules r = rules.load(List.of());
    long spares = spare != null ? spare : r.sizing().spares().value();
    Map<String, Sizing> sized = new LinkedHashMap<>();
    List<String> notes = new ArrayList<>();
    if (peak != null) {
      if (doubleEncryption == null) {
        throw new UsageException("--double-encryption PERCENT is required (e.g. 0% or 25%)");
      }
      Throughput max = parse("--peak", peak);
      Throughput avg = average == null ? null : parse("--average", average);
      warnIfAverageAbovePeak(null, max, avg);
      sized.put("", Sizing.of(max, avg, percent(doubleEncryption), spares, r.sizing().table()));
    } else {
      Inventory inv = InventoryReader.read(hosts).inventory();
      for (ConnectorGroup g : inv.groups()) {
        if (g.peak().known() && g.average().known()) {
          warnIfAverageAbovePeak(g.name(), g.peak().value(), g.average().value());
        }
      }
      sizeInventory(inv, r, spares, sized, notes);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(json ? json(sized, notes) : SizeText.render(sized, notes));
    out.flush();
    return ExitCodes.CLEAN;
  }

  /** An average above the peak is a mistake in the figures; the peak still decides. */
  private void warnIfAverageAbovePeak(String group, Throughput peak, Throughput average) {
    if (average != null && average.compareTo(peak) > 0 && !GlobalOptions.quiet()) {
      PrintWriter err = spec.commandLine().getErr();
      err.println(
          "zpa-audit: warning: "
              + (group == null ? "" : "group " + group + ": ")
              + "the average ("
              + average
              + ") is above the peak ("
              + peak
              + "); an average cannot exceed the peak, so check both (the peak decides)");
      err.flush();
    }
  }

  private boolean parseFormat() {
    String f = format.toLowerCase(Locale.ROOT);
    if (!f.equals("text") && !f.equals("json")) {
      throw new UsageException("unknown format '" + format + "' (expected text or json)");
    }
    return f.equals("json");
  }

  private static void sizeInventory(
      Inventory inv, HostRules r, long spares, Map<String, Sizing> sized, List<String> notes) {
    for (ConnectorGroup g : inv.groups()) {
      if (!g.peak().known()) {
        notes.add(
            "group "
                + g.name()
                + ": no measured peak ("
                + g.at()
                + ")"
                + bounds(inv.inGroup(g.name())));
      } else if (!g.doubleEncryptionPercent().known()) {
        notes.add(
            "group "
                + g.name()
                + ": double encryption not stated ("
                + g.at()
                + "); sized at 0% and 100%");
        sized.put(
            g.name() + " at 0%",
            Sizing.of(
                g.peak().value(),
                g.average().known() ? g.average().value() : null,
                0,
                spares,
                r.sizing().table()));
        sized.put(
            g.name() + " at 100%",
            Sizing.of(
                g.peak().value(),
                g.average().known() ? g.average().value() : null,
                100,
                spares,
                r.sizing().table()));
      } else {
        sized.put(
            g.name(),
            Sizing.of(
                g.peak().value(),
                g.average().known() ? g.average().value() : null,
                g.doubleEncryptionPercent().value(),
                spares,
                r.sizing().table()));
      }
    }
  }

  /**
   * What the connectors' own peaks say about a group without one: at least the largest, at most the
   * sum.
   */
  private static String bounds(List<Connector> members) {
    List<Throughput> peaks =
        members.stream().filter(c -> c.peak().known()).map(c -> c.peak().value()).toList();
    if (peaks.isEmpty()) {
      return "";
    }
    Throughput max = peaks.stream().max(Throughput::compareTo).orElseThrow();
    String range =
        peaks.size() == members.size()
            ? "between "
                + max
                + " and "
                + new Throughput(peaks.stream().mapToDouble(Throughput::bitsPerSecond).sum())
                + " (the largest and the sum of its connectors' own peaks)"
            : "at least "
                + max
                + " (the largest of its connectors' own peaks; "
                + peaks.size()
                + " of "
                + members.size()
                + " connectors state one)";
    return "; its peak is "
        + range
        + "; state the group's peak to size it (audit --hosts judges the bounds)";
  }

  private static Throughput parse(String option, String text) {
    return UsageException.parse(option + ": ", () -> Throughput.parse(text));
  }

  static double percent(String text) {
    String t = text.trim();
    String n = t.endsWith("%") ? t.substring(0, t.length() - 1).trim() : t;
    try {
      double v = new java.math.BigDecimal(n).doubleValue();
      if (v >= 0 && v <= 100) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(
        "--double-encryption: '" + text + "' is not a percentage from 0% to 100%");
  }

  private static String json(Map<String, Sizing> sized, List<String> notes) {
    Map<String, Object> root = new LinkedHashMap<>();
    if (sized.size() == 1 && sized.containsKey("")) {
      root.putAll(sized.get("").toMap());
    } else {
      root.put("schema", "zpa-audit/sizing/v1");
      List<Map<String, Object>> groups = new ArrayList<>();
      sized.forEach(
          (name, s) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("group", name);
            m.putAll(s.toMap());
            m.remove("schema");
            groups.add(m);
          });
      root.put("groups", groups);
      root.put("notes", notes);
    }
    return JsonReport.write(root);
  }
}
