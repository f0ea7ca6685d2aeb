package dev.zpaaudit.probe.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A file-system tree read as if it were {@code /}: the live system, or a captured copy of its
 * {@code /proc}, {@code /sys} and {@code /etc}. Reads are bounded and failures give a reason.
 */
final class RootFs {
  private static final long MAX = 8L * 1024 * 1024;
  final Path root;
  String lastError;

  RootFs(Path root) {
    this.root = root;
  }

  Path path(String abs) {
    return root.resolve(abs.startsWith("/") ? abs.substring(1) : abs);
  }

  /** The file's text, or empty with {@link #lastError} set. */
  Optional<String> read(String abs) {
    Path p = path(abs);
    try {
      if (Files.isDirectory(p)) {
        lastError = abs + " is a directory";
        return Optional.empty();
      }
      byte[] b;
      try (var in = Files.newInputStream(p)) {
        b = in.readNBytes((int) MAX);
      }
      return Optional.of(new String(b, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      lastError = "no " + abs;
    } catch (AccessDeniedException e) {
      lastError = "cannot read " + abs + ": permission denied";
    } catch (IOException e) {
      lastError = "cannot read " + abs + ": " + e.getMessage();
    }
    return Optional.empty();
  }

  boolean isDir(String abs) {
    return Files.isDirectory(path(abs));
  }

  String shown(String abs) {
    return abs;
  }
}
