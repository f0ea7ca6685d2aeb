package dev.zpaaudit.cli;

import dev.zpaaudit.diag.Diagnostic;
import dev.zpaaudit.diag.InputException;
import dev.zpaaudit.probe.ProbeFailedException;
import dev.zpaaudit.report.Version;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/** The zpa-audit command line. Exit codes are mapped here and nowhere else. */
@Command(
    addMethodSubcommands = false,
    name = "zpa-audit",
    mixinStandardHelpOptions = true,
    versionProvider = Main.VersionProvider.class,
    description = {
      "Check a network and its hosts against the ZPA App Connector prerequisites.",
      "Reads exported firewall configurations, connector inventories and the",
      "published ZPA ranges, and probes the live network."
    },
    footer = {
      "",
      "Run 'zpa-audit COMMAND --help' for a command's options and examples.",
      "",
      "Exit codes: 0 all checks pass; 1 a check fails, or is indeterminate, at or",
      "above --fail-on; 2 usage error or unreadable input; 3 a probe could not run;",
      "4 internal error or out of memory (give Java more heap with",
      "ZPA_AUDIT_JAVA_OPTS=-Xmx4g)."
    })
public final class Main implements Runnable {
  /** The options naming a command's input files, named in the out-of-memory message. */
  private static final List<String> INPUT_OPTIONS =
      List.of(
          "--config",
          "--ipset",
          "--ranges",
          "--hosts",
          "--rules",
          "--instance-types",
          "--pins",
          "--root");

  /**
   * The command-line library registers a converter for each type it knows, loading each type's
   * class (and their dependencies) at every start; no option here is a date, time or SQL type, so
   * those are left out of a short run's start-up.
   */
  private static final String CONVERTERS_EXCLUDED = "picocli.converters.excludes";

  private static final String NO_OPTION_OF_THESE_TYPES = "java\\.(time|sql)\\..*";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin GlobalOptions global = new GlobalOptions();

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given streams and returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, out, err, null);
  }

  /**
   * Runs the command line with these subcommands (tests give their own), or with the ones it needs
   * when {@code commands} is null.
   */
  static int run(String[] args, PrintWriter out, PrintWriter err, List<Object> commands) {
    GlobalOptions.reset();
    String[] expanded;
    try {
      expanded = ScopeFile.expand(args);
    } catch (InputException e) {
      int code = failed(e, null, err);
      err.flush();
      return code;
    }
    if (System.getProperty(CONVERTERS_EXCLUDED) == null) {
      System.setProperty(CONVERTERS_EXCLUDED, NO_OPTION_OF_THESE_TYPES);
    }
    CommandLine cl = new CommandLine(new Main());
    for (Object command : commands != null ? commands : Commands.forArgs(expanded)) {
      cl.addSubcommand(command);
    }
    cl.setOut(out);
    cl.setErr(err);
    Handlers handlers = new Handlers(err);
    cl.setExecutionExceptionHandler(handlers);
    cl.setParameterExceptionHandler(handlers);
    try {
      return cl.execute(expanded);
    } catch (Error e) {
      // Errors (out of memory, stack overflow) pass through picocli's handler.
      int code = failed(e, cl.getParseResult(), err);
      err.flush();
      return code;
    }
  }

  /**
   * What a command's failure and a bad command line print, and their exit codes. A class of its own
   * rather than lambdas: the command-line library is compiled for an old Java, and a lambda of one
   * of its interfaces (or a method reference to one of its classes) is made at every start, while a
   * class is kept in the launcher's start-up archive with the classes it names.
   */
  private static final class Handlers
      implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
    private final PrintWriter err;

    Handlers(PrintWriter err) {
      this.err = err;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
      return failed(ex, parsed, err);
    }

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
      err.println("zpa-audit: " + ex.getMessage());
      err.println("Try 'zpa-audit " + commandPath(ex.getCommandLine()) + "--help' for more.");
      return ExitCodes.INPUT;
    }
  }

  /** The one mapping of what stopped a command to its message and exit code. */
  private static int failed(Throwable t, ParseResult parsed, PrintWriter err) {
    if (t instanceof InputException ie) {
      for (Diagnostic d : ie.errors()) {
        err.println(d.format());
      }
      return ExitCodes.INPUT;
    }
    if (t instanceof UsageException) {
      err.println("zpa-audit: " + t.getMessage());
      return ExitCodes.INPUT;
    }
    if (t instanceof ProbeFailedException) {
      err.println("zpa-audit: " + t.getMessage());
      return ExitCodes.PROBE;
    }
    if (t instanceof OutOfMemoryError) {
      err.println(outOfMemory(parsed));
      return ExitCodes.INTERNAL;
    }
    err.println(
        "zpa-audit: internal error: "
            + t
            + "; this is a bug: please report it with the command line and the trace below");
    t.printStackTrace(err);
    return ExitCodes.INTERNAL;
  }

  private static String outOfMemory(ParseResult parsed) {
    List<String> inputs = new ArrayList<>();
    for (ParseResult p = parsed; p != null; p = p.subcommand()) {
      for (OptionSpec o : p.matchedOptions()) {
        if (INPUT_OPTIONS.contains(o.longestName())) {
          o.originalStringValues().forEach(v -> inputs.add(o.longestName() + " " + v));
        }
      }
    }
    long heapMiB = Runtime.getRuntime().maxMemory() / (1024 * 1024);
    return "zpa-audit: out of memory"
        + (inputs.isEmpty() ? "" : " working on " + String.join(" ", inputs))
        + " (the Java heap is limited to "
        + heapMiB
        + " MiB); give Java more heap with the environment variable ZPA_AUDIT_JAVA_OPTS,"
        + " e.g. ZPA_AUDIT_JAVA_OPTS=-Xmx4g bin/zpa-audit ...";
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
