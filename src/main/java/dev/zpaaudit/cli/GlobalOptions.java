package dev.zpaaudit.cli;

import dev.zpaaudit.io.InputFiles;
import java.util.Locale;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options every command takes: how much it says on standard error, and how big an input may be. */
final class GlobalOptions {
  /** Whether this run prints nothing on standard error but errors. */
  private static volatile boolean quiet;

  /** Back to the defaults, before a command line is read (runs in one process share them). */
  static void reset() {
    quiet = false;
    InputFiles.setLimit(InputFiles.DEFAULT_MAX_BYTES);
  }

  static boolean quiet() {
    return quiet;
  }

  @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
  picocli.CommandLine.Model.CommandSpec mixee;

  @Option(
      names = {"-q", "--quiet"},
      scope = ScopeType.INHERIT,
      description = "Print nothing on standard error but errors: no progress, no warnings.")
  void setQuiet(boolean q) {
    quiet = q;
  }

  @Option(
      names = "--max-input-size",
      paramLabel = "SIZE",
      scope = ScopeType.INHERIT,
      description =
          "The largest input file read, in bytes or with K, M or G (default: 1G; Panorama exports"
              + " reach hundreds of MB).")
  void setMaxInputSize(String size) {
    try {
      InputFiles.setLimit(bytes(size));
    } catch (UsageException | ArithmeticException e) {
      throw new picocli.CommandLine.ParameterException(
          mixee.commandLine(),
          "--max-input-size '" + size + "' is not a size such as 512M, 2G or 65536");
    }
  }

  /** A size such as 512M, 2G, 65536. */
  static long bytes(String size) {
    String s = size.strip().toUpperCase(Locale.ROOT);
    long unit = 1;
    if (s.endsWith("K") || s.endsWith("M") || s.endsWith("G")) {
      unit = s.endsWith("K") ? 1L << 10 : s.endsWith("M") ? 1L << 20 : 1L << 30;
      s = s.substring(0, s.length() - 1);
    }
    if (!s.matches("\\d{1,12}") || Long.parseLong(s) == 0) {
      throw new UsageException(
          "--max-input-size '" + size + "' is not a size such as 512M, 2G or 65536");
    }
    return Math.multiplyExact(Long.parseLong(s), unit);
  }
}
