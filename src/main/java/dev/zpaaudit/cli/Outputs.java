package dev.zpaaudit.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks, before a command does any work, that the outputs it was asked for can be written: a probe
 * run is not sent and then lost to a typo in {@code --output}. Each problem is a {@link
 * UsageException} naming the option and the path.
 */
final class Outputs {
  private Outputs() {}

  /** A directory to write into: it exists, or can be created, and can be written. */
  static void checkDirectory(String option, Path dir) {
    String what = option + " " + dir + ": ";
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new UsageException(what + "is a file, not a directory");
    }
    checkWritable(what, dir);
  }

  /**
   * A file to write: not a directory, in a directory that can be written; with {@code
   * createParents} that directory may be missing and is created then.
   */
  static void checkFile(String option, Path file, boolean createParents) {
    String what = option + " " + file + ": ";
    if (Files.isDirectory(file)) {
      throw new UsageException(what + "is a directory, not a file");
    }
    Path dir = file.toAbsolutePath().getParent();
    if (!createParents && !Files.exists(dir)) {
      throw new UsageException(what + "no such directory " + dir);
    }
    checkWritable(what, dir);
  }

  /** Writes and removes a file in the nearest directory of {@code dir} that exists. */
  private static void checkWritable(String what, Path dir) {
    Path existing = dir.toAbsolutePath();
    while (!Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (!Files.isDirectory(existing)) {
      throw new UsageException(what + existing + " is a file, not a directory");
    }
    try {
      Files.delete(Files.createTempFile(existing, ".zpa-audit-", ".tmp"));
    } catch (IOException e) {
      throw new UsageException(what + "cannot write into " + existing + " (" + reason(e) + ")");
    }
  }

  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason().toLowerCase(java.util.Locale.ROOT);
    }
    return "files cannot be created there";
  }
}
