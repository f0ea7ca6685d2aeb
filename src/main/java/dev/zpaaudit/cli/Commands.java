package dev.zpaaudit.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * The subcommands, in the order --help lists them. Building a command's model (its options, help
 * and converters) is most of the start-up of a short run, so a command line that names one command
 * builds only that one; --help, help and anything that names none build them all.
 */
final class Commands {
  private static final Map<String, Supplier<Object>> ALL = new LinkedHashMap<>();

  static {
    // one line a command
    ALL.put("help", () -> new CommandLine.HelpCommand()); // not a method reference: see Main
    ALL.put("audit", AuditCommand::new);
    ALL.put("explain", ExplainCommand::new);
    ALL.put("probe", ProbeCommand::new);
    ALL.put("size", SizeCommand::new);
    ALL.put("host", HostCommand::new);
    ALL.put("ranges", RangesCommand::new);
    ALL.put("report", ReportCommand::new);
  }

  private Commands() {}

  static List<Object> all() {
    return ALL.values().stream().map(Supplier::get).toList();
  }

  /** The commands the command line needs: the one it names, or all when it names none. */
  static List<Object> forArgs(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--max-input-size")) {
        i++; // the global option's value
      } else if (a.equals("--")) {
        break;
      } else if (!a.startsWith("-")) {
        // help names the others: it needs them all
        Supplier<Object> named = a.equals("help") ? null : ALL.get(a);
        return named == null ? all() : List.of(named.get());
      }
    }
    return all();
  }
}
