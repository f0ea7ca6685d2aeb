package dev.zpaaudit.oracle;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs external commands with a bounded wait. Standard input and output go through temporary files,
 * so a chatty program can never stall on a full pipe.
 */
final class Shell {
  private static final List<String> SYSTEM_DIRS =
      List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin", "/usr/local/sbin", "/usr/local/bin");
  private static final Map<String, String> RESOLVED = new ConcurrentHashMap<>();

  /** The outcome of one command. */
  record Result(List<String> command, int exitCode, String stdout, String stderr) {
    boolean ok() {
      return exitCode == 0;
    }

    Result check() {
      if (!ok()) {
        throw new IllegalStateException(describe());
      }
      return this;
    }

    String describe() {
      return String.join(" ", command) + " exited with " + exitCode + ": " + stderr.strip();
    }
  }

  private Shell() {}

  /** The absolute path of a program found on PATH or in the usual system directories. */
  static String which(String program) {
    return RESOLVED.computeIfAbsent(program, Shell::search);
  }

  /**
   * The Python interpreter itself, not a launcher script in front of it (a version-manager shim can
   * cost a second per start); null if there is none.
   */
  static String python() {
    return RESOLVED.computeIfAbsent(" python", key -> interpreter());
  }

  private static String interpreter() {
    String launcher = which("python3");
    if (launcher == null) {
      return null;
    }
    Result r =
        run(Duration.ofSeconds(30), null, launcher, "-c", "import sys; print(sys.executable)");
    String exe = r.stdout().strip();
    return r.ok() && !exe.isEmpty() && Files.isExecutable(Path.of(exe)) ? exe : launcher;
  }

  static Result run(Duration timeout, String stdin, String... command) {
    return run(timeout, stdin, List.of(command));
  }

  static Result run(Duration timeout, String stdin, List<String> command) {
    Path in = null;
    Path out = null;
    Path err = null;
    try {
      in = Files.createTempFile("zpa-oracle-in", ".txt");
      out = Files.createTempFile("zpa-oracle-out", ".txt");
      err = Files.createTempFile("zpa-oracle-err", ".txt");
      Files.writeString(in, stdin == null ? "" : stdin, StandardCharsets.UTF_8);
      int exit = execute(timeout, command, in, out, err);
      return new Result(
          List.copyOf(command),
          exit,
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command, e);
    } finally {
      deleteQuietly(in);
      deleteQuietly(out);
      deleteQuietly(err);
    }
  }

  private static int execute(Duration timeout, List<String> command, Path in, Path out, Path err)
      throws IOException {
    Process process =
        new ProcessBuilder(command)
            .redirectInput(in.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
        throw new IllegalStateException(
            String.join(" ", command) + " did not finish within " + timeout);
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    }
  }

  private static String search(String program) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : (path + File.pathSeparator + String.join(":", SYSTEM_DIRS)).split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return Path.of(dir, program).toString();
      }
    }
    return null;
  }

  static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // a leftover temporary file is harmless
      }
    }
  }
}
