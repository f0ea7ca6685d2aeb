package dev.zpaaudit.cli;

import dev.zpaaudit.diag.Diagnostic;
import dev.zpaaudit.diag.InputException;
import dev.zpaaudit.probe.ProbeFailedException;
import dev.zpaaudit.report.Version;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The zpa-audit command line. Exit codes are mapped here and nowhere else. */
@Command(
    name = "zpa-audit",
    mixinStandardHelpOptions = true,
    versionProvider = Main.VersionProvider.class,
    description = {
      "Check a network and its hosts against the ZPA App Connector prerequisites.",
      "Reads exported firewall configurations, connector inventories and the",
      "published ZPA ranges, and probes the live network."
    },
    subcommands = {CommandLine.HelpCommand.class},
    footer = {
      "",
      "Run 'zpa-audit COMMAND --help' for a command's options and examples.",
      "",
      "Exit codes: 0 all checks pass; 1 a check fails, or is indeterminate, at or",
      "above --fail-on; 2 usage error or unreadable input; 3 a probe could not run;",
      "4 internal error."
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given streams and returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new Main());
    for (Object command : Commands.all()) {
      cl.addSubcommand(command);
    }
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(
        (ex, cmd, parsed) -> {
          Throwable t = ex;
          if (t instanceof InputException ie) {
            for (Diagnostic d : ie.errors()) {
              err.println(d.format());
            }
            return ExitCodes.INPUT;
          }
          if (t instanceof IllegalArgumentException) {
            err.println("zpa-audit: " + t.getMessage());
            return ExitCodes.INPUT;
          }
          if (t instanceof ProbeFailedException) {
            err.println("zpa-audit: " + t.getMessage());
            return ExitCodes.PROBE;
          }
          err.println("zpa-audit: internal error: " + t);
          t.printStackTrace(err);
          return ExitCodes.INTERNAL;
        });
    cl.setParameterExceptionHandler(
        (ex, a) -> {
          err.println("zpa-audit: " + ex.getMessage());
          err.println("Try 'zpa-audit " + commandPath(ex.getCommandLine()) + "--help' for more.");
          return ExitCodes.INPUT;
        });
    return cl.execute(args);
  }

  private static String commandPath(CommandLine cl) {
    StringBuilder sb = new StringBuilder();
    for (CommandLine c = cl; c.getParent() != null; c = c.getParent()) {
      sb.insert(0, c.getCommandName() + " ");
    }
    return sb.toString();
  }

  /** Prints the version from the build. */
  public static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"zpa-audit " + Version.get()};
    }
  }
}
