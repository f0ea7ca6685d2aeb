package dev.zpaaudit.cli;

import java.util.List;

/** The subcommands, in the order --help lists them. */
final class Commands {
  private Commands() {}

  static List<Object> all() {
    return List.of(
        // one line a command
        new AuditCommand(),
        new ExplainCommand(),
        new ProbeCommand(),
        new SizeCommand(),
        new HostCommand(),
        new RangesCommand(),
        new ReportCommand());
  }
}
