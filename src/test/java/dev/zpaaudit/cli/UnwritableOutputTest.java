package dev.zpaaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.zpaaudit.cli.CliTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An output that cannot be written is a usage error (exit 2, one line) found before any work, and a
 * directory of reports never mixes two runs.
 */
class UnwritableOutputTest {
  static final String HOST = CliTest.HOST;
  @TempDir Path tmp;

  static Run run(String... args) {
    return CliTest.run(args);
  }

  void assertUsageError(Run r, String message) {
    assertThat(r.err()).isEqualTo("zpa-audit: " + message + "\n");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
  }

  Path file() throws IOException {
    return Files.writeString(tmp.resolve("a-file"), "not a directory\n");
  }

  /** A directory this process cannot create files in, or none (the test is then skipped). */
  Path readOnlyDirectory() throws IOException {
    Path ro = Files.createDirectory(tmp.resolve("read-only"));
    Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
    for (Path p : new Path[] {ro, Path.of("/sys")}) {
      if (Files.isDirectory(p) && !canCreateIn(p)) {
        return p;
      }
    }
    assumeThat(false).as("no directory here refuses to be written (root, no /sys)").isTrue();
    return null;
  }

  static boolean canCreateIn(Path dir) {
    try {
      Files.delete(Files.createTempFile(dir, "probe-", ".tmp"));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void anOutputDirectoryThatIsAFile() throws IOException {
    Path f = file();
    assertUsageError(
        run("audit", "--config", HOST, "--output", f.toString()),
        "--output " + f + ": is a file, not a directory");
    assertThat(Files.readString(f)).isEqualTo("not a directory\n");
  }

  @Test
  void anOutputDirectoryUnderAFile() throws IOException {
    Path f = file();
    Path under = f.resolve("reports");
    assertUsageError(
        run("audit", "--config", HOST, "--output", under.toString()),
        "--output " + under + ": " + f.toAbsolutePath() + " is a file, not a directory");
  }

  @Test
  void anOutputDirectoryInAReadOnlyDirectory() throws IOException {
    Path ro = readOnlyDirectory();
    Path out = ro.resolve("reports");
    assertUsageError(
        run("audit", "--config", HOST, "--output", out.toString()),
        "--output " + out + ": cannot write into " + ro.toAbsolutePath() + " (permission denied)");
    assertThat(out).doesNotExist();
  }

  @Test
  void theOutputIsCheckedBeforeTheInput() throws IOException {
    // An unreadable export is reported too, but only once the output is known to be writable:
    // the check comes first, so a long run cannot end in an output error.
    Path f = file();
    assertUsageError(
        run("audit", "--config", "no/such.rules", "--output", f.toString()),
        "--output " + f + ": is a file, not a directory");
  }

  @Test
  void hostCollectOutputs() throws IOException {
    Path root = Files.createDirectory(tmp.resolve("root"));
    Path f = file();
    assertUsageError(
        run("host", "collect", "--root", root.toString(), "-o", tmp.toString()),
        "--output " + tmp + ": is a directory, not a file");
    Path missing = tmp.resolve("no-such-dir/facts.json");
    assertUsageError(
        run("host", "collect", "--root", root.toString(), "-o", missing.toString()),
        "--output " + missing + ": no such directory " + missing.toAbsolutePath().getParent());
    Path under = f.resolve("facts.json");
    assertUsageError(
        run("host", "collect", "--root", root.toString(), "-o", under.toString()),
        "--output " + under + ": " + f.toAbsolutePath() + " is a file, not a directory");
  }

  @Test
  void hostCollectIntoAReadOnlyDirectory() throws IOException {
    Path ro = readOnlyDirectory();
    Path facts = ro.resolve("facts.json");
    Path root = Files.createDirectory(tmp.resolve("root"));
    assertUsageError(
        run("host", "collect", "--root", root.toString(), "-o", facts.toString()),
        "--output "
            + facts
            + ": cannot write into "
            + ro.toAbsolutePath()
            + " (permission denied)");
  }

  @Test
  void aRelativeInstallPathIsAUsageError() throws IOException {
    Path root = Files.createDirectory(tmp.resolve("root"));
    assertUsageError(
        run("host", "collect", "--root", root.toString(), "--install-path", "opt/zscaler"),
        "--install-path must be absolute, not 'opt/zscaler'");
  }

  @Test
  void aNarrowerRunRemovesTheReportsItDidNotWrite() throws IOException {
    Path dir = tmp.resolve("reports");
    assertThat(run("audit", "--config", HOST, "--output", dir.toString()).code()).isZero();
    assertThat(names(dir))
        .containsExactlyInAnyOrder(
            "report.txt",
            "report.json",
            "report.sarif",
            "report.junit.xml",
            "report.md",
            "report.csv",
            "report.html");
    Run text =
        run("audit", "--config", CliTest.NO_RETURN, "--output", dir.toString(), "--format", "text");
    assertThat(text.code()).isEqualTo(1);
    assertThat(names(dir)).containsExactly("report.txt");
    assertThat(Files.readString(dir.resolve("report.txt"))).contains(CliTest.NO_RETURN);
  }

  static Stream<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).toList().stream();
    }
  }
}
