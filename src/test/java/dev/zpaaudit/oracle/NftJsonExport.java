package dev.zpaaudit.oracle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an nft script into what the kernel makes of it, as {@code nft -j list ruleset} prints it:
 * the script is loaded into a scratch network namespace of its own (no links, no traffic), listed,
 * and the namespace is removed. This is the export the engine reads. Output goes through files (see
 * {@link Shell}), so a listing of any size cannot stall on a full pipe.
 */
final class NftJsonExport {
  private static final Pattern SYNTAX_ERROR =
      Pattern.compile("^[^:\\n]*:(\\d+):\\d+(-\\d+)?: Error: syntax error", Pattern.MULTILINE);

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private NftJsonExport() {}

  static String of(String script) {
    return inScratchNamespace(
        script,
        (ns, file) -> {
          run(List.of("ip", "netns", "exec", ns, "nft", "-f", file.toString()));
          return run(List.of("ip", "netns", "exec", ns, "nft", "-j", "list", "ruleset"));
        });
  }

  /**
   * The lines of the script that nft refuses as syntax errors (it reports every such line), checked
   * with {@code nft -c} in a scratch namespace: nothing is loaded.
   */
  static List<Integer> syntaxErrorLines(String script) {
    String out =
        inScratchNamespace(
            script,
            (ns, file) ->
                runAnyway(List.of("ip", "netns", "exec", ns, "nft", "-c", "-f", file.toString())));
    List<Integer> lines = new ArrayList<>();
    Matcher m = SYNTAX_ERROR.matcher(out);
    while (m.find()) {
      lines.add(Integer.parseInt(m.group(1)));
    }
    return lines;
  }

  private interface InNamespace {
    String apply(String ns, Path scriptFile);
  }

  private static String inScratchNamespace(String script, InNamespace body) {
    String ns = "zpa-" + ProcessHandle.current().pid() + "-nftexport";
    Path file = null;
    try {
      file = Files.createTempFile("zpa-nft-", ".nft");
      Files.writeString(file, script, StandardCharsets.UTF_8);
      run(List.of("ip", "netns", "add", ns));
      return body.apply(ns, file);
    } catch (IOException e) {
      throw new IllegalStateException("cannot export the nft script: " + e.getMessage(), e);
    } finally {
      try {
        run(List.of("ip", "netns", "del", ns));
      } catch (RuntimeException ignored) {
        // the namespace was not created
      }
      if (file != null) {
        file.toFile().delete();
      }
    }
  }

  private static String run(List<String> cmd) {
    Shell.Result r = Shell.run(TIMEOUT, null, cmd);
    if (!r.ok()) {
      throw new IllegalStateException(
          String.join(" ", cmd) + " failed: " + (r.stdout() + r.stderr()).strip());
    }
    return r.stdout();
  }

  /** Runs the command and returns what it printed on either stream, whatever its exit status. */
  private static String runAnyway(List<String> cmd) {
    Shell.Result r = Shell.run(TIMEOUT, null, cmd);
    return r.stdout() + r.stderr();
  }
}
