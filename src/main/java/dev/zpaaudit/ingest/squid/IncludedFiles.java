package dev.zpaaudit.ingest.squid;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files a Squid {@code include} names, as an audit finds them: the path as written, else (an
 * exported configuration is usually copied off its machine) beside the configuration, with the last
 * folder kept ({@code /etc/squid/conf.d/*.conf} as {@code conf.d/*.conf} there), else the file name
 * alone there. A wildcard may stand in the last part of a path, as Squid allows; the files it
 * matches are taken in name order.
 */
final class IncludedFiles {
  private IncludedFiles() {}

  static List<Path> find(String written, Path configuration) {
    String w =
        written.length() > 1 && written.startsWith("\"") && written.endsWith("\"")
            ? written.substring(1, written.length() - 1)
            : written;
    Path asWritten;
    try {
      asWritten = Path.of(w);
    } catch (InvalidPathException e) {
      return List.of();
    }
    if (asWritten.getFileName() == null) {
      return List.of();
    }
    Path dir =
        configuration.getParent() != null
            ? configuration.getParent()
            : configuration.toAbsolutePath().getParent();
    List<Path> candidates = new ArrayList<>();
    candidates.add(asWritten);
    if (dir != null) {
      Path folder = asWritten.getParent() == null ? null : asWritten.getParent().getFileName();
      if (folder != null) {
        candidates.add(dir.resolve(folder).resolve(asWritten.getFileName()));
      }
      candidates.add(dir.resolve(asWritten.getFileName()));
    }
    for (Path c : candidates) {
      List<Path> found = matching(c);
      if (!found.isEmpty()) {
        return found;
      }
    }
    return List.of();
  }

  private static List<Path> matching(Path p) {
    String name = p.getFileName().toString();
    if (name.indexOf('*') < 0 && name.indexOf('?') < 0 && name.indexOf('[') < 0) {
      return Files.isRegularFile(p) ? List.of(p) : List.of();
    }
    Path parent = p.getParent() == null ? Path.of(".") : p.getParent();
    if (!Files.isDirectory(parent)) {
      return List.of();
    }
    PathMatcher m;
    try {
      m = FileSystems.getDefault().getPathMatcher("glob:" + name);
    } catch (IllegalArgumentException e) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(parent)) {
      return s.filter(x -> Files.isRegularFile(x) && m.matches(x.getFileName()))
          .sorted()
          .limit(SquidReader.MAX_INCLUDED_FILES + 1L)
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }
}
