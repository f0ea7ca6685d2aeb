package dev.zpaaudit.oracle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Turns an nft script into what the kernel makes of it, as {@code nft -j list ruleset} prints it:
 * the script is loaded into a scratch network namespace of its own (no links, no traffic), listed,
 * and the namespace is removed. This is the export the engine reads.
 */
final class NftJsonExport {
  private NftJsonExport() {}

  static String of(String script) {
    String ns = "zpa-" + ProcessHandle.current().pid() + "-nftexport";
    Path file = null;
    try {
      file = Files.createTempFile("zpa-nft-", ".nft");
      Files.writeString(file, script, StandardCharsets.UTF_8);
      run(List.of("ip", "netns", "add", ns));
      run(List.of("ip", "netns", "exec", ns, "nft", "-f", file.toString()));
      return run(List.of("ip", "netns", "exec", ns, "nft", "-j", "list", "ruleset"));
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
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(String.join(" ", cmd) + " timed out");
      }
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out.strip());
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException(String.join(" ", cmd) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
