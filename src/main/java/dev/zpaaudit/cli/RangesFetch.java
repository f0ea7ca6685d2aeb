package dev.zpaaudit.cli;

import dev.zpaaudit.diag.Diagnostic;
import dev.zpaaudit.diag.InputException;
import dev.zpaaudit.io.HttpsFetch;
import dev.zpaaudit.io.InputFiles;
import dev.zpaaudit.io.SafeParsers;
import dev.zpaaudit.io.Tree;
import dev.zpaaudit.model.PublishedRanges;
import dev.zpaaudit.model.SourceLocation;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Downloads the published ranges feed, checks it, and writes it whole or not at all. */
@Command(
    addMethodSubcommands = false,
    name = "fetch",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Download the vendor's feed of published ranges into a file.",
      "Over HTTPS only; the feed must have the expected shape, name the cloud asked for and list",
      "connector ranges. When the file exists, a change in the number of ranges beyond",
      "--max-change is refused unless --force. The file is replaced whole or not at all."
    },
    footer = {
      "",
      "Examples:",
      "  zpa-audit ranges fetch -o zpa.json",
      "  zpa-audit ranges fetch --cloud private.zscaler.com -o zpa.json --max-change 10",
      "",
      "Exit codes: 0 written; 2 usage error, a feed that fails the checks, or a change refused"
          + " (nothing written); 3 the feed could not be fetched; 4 internal error."
    })
final class RangesFetch implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--cloud",
      paramLabel = "NAME",
      defaultValue = "private.zscaler.com",
      description = "The ZPA cloud whose feed to fetch (default: ${DEFAULT-VALUE}).")
  String cloud;

  @Option(
      names = "--url",
      paramLabel = "URL",
      description =
          "The feed's address, https only (default: the vendor's feed of the cloud named by"
              + " --cloud).")
  String url;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      required = true,
      description = "Where to write the feed.")
  Path output;

  @Option(
      names = "--max-change",
      paramLabel = "PERCENT",
      defaultValue = "20",
      description =
          "The largest change in the number of connector ranges accepted without --force, against"
              + " the file's (default: ${DEFAULT-VALUE}).")
  int maxChange;

  @Option(names = "--force", description = "Write the feed whatever its number of ranges.")
  boolean force;

  @Option(
      names = "--ca-file",
      paramLabel = "PEM",
      description = "Trust these certificates instead of the JVM's, such as a proxy's CA.")
  Path caFile;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "20",
      description = "How long to wait to connect and for the answer (default: ${DEFAULT-VALUE}).")
  int timeout;

  @Override
  public Integer call() throws Exception {
    if (maxChange < 0 || timeout <= 0) {
      throw new UsageException("--max-change must be 0 or more and --timeout more than 0");
    }
    URI from = uri();
    String body;
    try {
      body = new HttpsFetch(Duration.ofSeconds(timeout), InputFiles.MAX_BYTES, caFile).get(from);
    } catch (HttpsFetch.FetchException e) {
      spec.commandLine().getErr().println("zpa-audit: " + e.getMessage());
      return ExitCodes.PROBE;
    }
    PublishedRanges fresh = check(body, from.toString());
    refuseLargeChange(fresh);
    write(body);
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        "wrote "
            + output
            + ": "
            + fresh.entries().size()
            + " connector ranges of cloud "
            + cloud
            + " from "
            + from);
    out.flush();
    return ExitCodes.CLEAN;
  }

  private URI uri() {
    String u = url != null ? url : "https://config.zscaler.com/api/" + cloud + "/zpa/json";
    try {
      URI parsed = new URI(u);
      if (!"https".equalsIgnoreCase(parsed.getScheme()) || parsed.getHost() == null) {
        throw new UsageException("--url '" + u + "' is not an https:// address");
      }
      return parsed;
    } catch (URISyntaxException e) {
      throw new UsageException("--url '" + u + "' is not an https:// address");
    }
  }

  /** The feed read as published ranges, after checking its shape and its cloud. */
  private PublishedRanges check(String body, String name) throws InputException {
    if (!body.stripLeading().startsWith("{")) {
      throw error(name, "not the ZPA feed: the answer is not a JSON object");
    }
    Tree root = SafeParsers.json(body, name);
    String named =
        root instanceof Tree.Obj o
            ? o.get("Cloud Name")
                .filter(x -> x instanceof Tree.Scalar)
                .map(x -> ((Tree.Scalar) x).text())
                .orElse("")
            : "";
    if (!named.equals(cloud)) {
      throw error(
          name,
          "the feed names cloud '" + named + "', not '" + cloud + "' (--cloud names the cloud)");
    }
    return RangesOption.parse(body, name, LocalDate.now().toString());
  }

  private void refuseLargeChange(PublishedRanges fresh) throws InputException {
    if (force || !Files.exists(output)) {
      return;
    }
    PublishedRanges old = RangesOption.read(output);
    int before = old.entries().size();
    int after = fresh.entries().size();
    double change = before == 0 ? 100 : Math.abs(after - before) * 100.0 / before;
    if (change > maxChange) {
      throw error(
          output.toString(),
          String.format(
              "the feed lists %d connector ranges, this file %d: a change of %.0f%%, more than"
                  + " --max-change %d%%; check the feed, or write it with --force",
              after, before, change, maxChange));
    }
  }

  /** Writes the body next to the output and moves it into place: never a half file. */
  private void write(String body) throws InputException {
    Path dir = output.toAbsolutePath().getParent();
    Path tmp = null;
    try {
      tmp = Files.createTempFile(dir, ".zpa-ranges", ".tmp");
      Files.writeString(tmp, body, StandardCharsets.UTF_8);
      Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw error(output.toString(), "cannot write it (" + e.getMessage() + ")");
    } finally {
      try {
        if (tmp != null) {
          Files.deleteIfExists(tmp);
        }
      } catch (IOException ignored) {
        // the temporary file is gone or cannot be removed; the output is untouched either way
      }
    }
  }

  private static InputException error(String file, String message) {
    return new InputException(
        new Diagnostic(Diagnostic.Severity.ERROR, new SourceLocation(file, 0), message));
  }
}
