package dev.zpaaudit.cli;

import dev.zpaaudit.probe.host.CommandRunner;
import dev.zpaaudit.probe.host.FactsWriter;
import dev.zpaaudit.probe.host.HostCollector;
import dev.zpaaudit.probe.host.SystemCommandRunner;
import dev.zpaaudit.report.Version;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "host",
    mixinStandardHelpOptions = true,
    description = {
      "Work with connector hosts.",
      "host collect gathers a host's facts into a file for audit --hosts."
    },
    subcommands = HostCommand.Collect.class,
    footer = {"", "Example:", "  zpa-audit host collect -o ac-01.json"})
final class HostCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "a subcommand is required: collect");
  }

  @Command(
      name = "collect",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description = {
        "Collect this host's facts into a facts file for an inventory.",
        "CPU, memory, disk, NICs, OS, SSH, listening services, package age, and root",
        "or sudo access. Runs without root: run it as the account that will install",
        "the connector. What it cannot read is listed in the file and on standard",
        "error."
      },
      footer = {
        "",
        "Examples:",
        "  zpa-audit host collect -o ac-01.json",
        "  zpa-audit host collect --root captured/ac-01 \\",
        "      --collected-at 2024-12-01T12:00:00Z -o ac-01.json",
        "",
        "Exit codes: 0 collected (what could not be read is listed); 2 usage error;",
        "4 internal error."
      })
  static final class Collect implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = {"-o", "--output"},
        paramLabel = "FILE",
        description = "Write the facts to FILE (default: standard output).")
    Path output;

    @Option(
        names = "--install-path",
        paramLabel = "PATH",
        defaultValue = "/opt/zscaler",
        description =
            "The connector's install path, whose file system and disk are measured"
                + " (default: ${DEFAULT-VALUE}).")
    String installPath;

    @Option(
        names = "--root",
        paramLabel = "DIR",
        defaultValue = "/",
        description =
            "Read /proc, /sys and /etc under DIR, a captured tree, and run no commands: the"
                + " output of a command NAME (df, uname, sshd, rpm) is read from"
                + " DIR/commands/NAME.txt where the tree has it (default: ${DEFAULT-VALUE}).")
    Path root;

    @Option(
        names = "--collected-at",
        paramLabel = "TIME",
        description =
            "With --root: when the tree was captured, in ISO-8601 (2024-12-01T12:00:00Z)."
                + " Package ages are counted to it, and it is recorded as collectedAt"
                + " (default: now).")
    String collectedAt;

    @Override
    public Integer call() throws IOException {
      if (!Files.isDirectory(root)) {
        throw new UsageException("--root " + root + " is not a directory");
      }
      if (!installPath.startsWith("/")) {
        throw new UsageException("--install-path must be absolute, not '" + installPath + "'");
      }
      if (output != null) {
        Outputs.checkFile("--output", output, false);
      }
      boolean live = root.toAbsolutePath().normalize().equals(Path.of("/"));
      CommandRunner runner = live ? new SystemCommandRunner(10) : CommandRunner.captured(root);
      HostCollector.Result r =
          new HostCollector(
                  root,
                  runner,
                  clock(live),
                  installPath,
                  live ? System.getenv() : java.util.Map.of())
              .collect();
      String json = FactsWriter.json(r, Version.get());
      PrintWriter err = spec.commandLine().getErr();
      r.collected()
          .unreadable()
          .forEach((k, why) -> err.println("zpa-audit: could not read " + k + ": " + why));
      if (output == null) {
        spec.commandLine().getOut().print(json);
        spec.commandLine().getOut().flush();
      } else {
        write(output, json);
        err.println(
            "zpa-audit: wrote "
                + r.collected().facts().size()
                + " facts to "
                + output
                + " ("
                + r.collected().unreadable().size()
                + " could not be read)");
      }
      err.flush();
      return ExitCodes.CLEAN;
    }

    /** Now, or for a captured tree the time given with --collected-at. */
    private Clock clock(boolean live) {
      if (collectedAt == null) {
        return Clock.systemUTC();
      }
      if (live) {
        throw new UsageException(
            "--collected-at is for a captured tree (--root DIR); a live"
                + " collection is dated now");
      }
      try {
        return Clock.fixed(Instant.parse(collectedAt.trim()), ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        throw new UsageException(
            "--collected-at: '"
                + collectedAt
                + "' is not an ISO-8601 time"
                + " such as 2024-12-01T12:00:00Z");
      }
    }

    private static void write(Path target, String text) throws IOException {
      Path dir = target.toAbsolutePath().getParent();
      Path tmp = Files.createTempFile(dir, ".facts-", ".tmp");
      try {
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(
            tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    }
  }
}
