package dev.zpaaudit.ingest.azure;

import dev.zpaaudit.diag.Diagnostics;
import dev.zpaaudit.diag.InputException;
import dev.zpaaudit.ingest.ParseResult;
import dev.zpaaudit.io.InputFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads Azure network security groups: one JSON file (a group, or a list of them), or a folder of
 * such files, whose groups all apply to the connector's host (its subnet's and its interface's), in
 * series.
 */
public final class AzureReader {
  private AzureReader() {}

  /** Whether the text looks like a network security group export. */
  public static boolean looksLike(String text) {
    return NsgReader.looksLike(text);
  }

  /** Whether a path is a folder of network security group exports (every .json file in it). */
  public static boolean isFolder(Path dir) {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    List<Path> files = files(dir);
    if (files.isEmpty()) {
      return false;
    }
    for (Path f : files) {
      try {
        if (!looksLike(InputFiles.read(f))) {
          return false;
        }
      } catch (InputException e) {
        return false;
      }
    }
    return true;
  }

  /** The groups of one file, or of every .json file of a folder, as one device. */
  public static ParseResult read(Path path) throws InputException {
    Diagnostics d = new Diagnostics();
    List<Nsg> groups = groups(path, d);
    return AzureConversions.convert(path.toString(), groups, d.all());
  }

  /** The groups of a file or folder, as read. */
  static List<Nsg> groups(Path path) throws InputException {
    return groups(path, new Diagnostics());
  }

  private static List<Nsg> groups(Path path, Diagnostics d) throws InputException {
    List<Nsg> groups = new ArrayList<>();
    List<Path> files = Files.isDirectory(path) ? files(path) : List.of(path);
    for (Path f : files) {
      groups.addAll(NsgReader.read(InputFiles.read(f), f.toString(), d));
    }
    if (d.hasErrors()) {
      throw new InputException(sorted(d.errors()));
    }
    return groups;
  }

  /** Parses one file's text. */
  public static ParseResult parse(String text, String file) throws InputException {
    Diagnostics d = new Diagnostics();
    List<Nsg> groups = NsgReader.read(text, file, d);
    if (d.hasErrors()) {
      throw new InputException(sorted(d.errors()));
    }
    return AzureConversions.convert(file, groups, d.all());
  }

  private static List<dev.zpaaudit.diag.Diagnostic> sorted(List<dev.zpaaudit.diag.Diagnostic> d) {
    List<dev.zpaaudit.diag.Diagnostic> out = new ArrayList<>(d);
    out.sort(dev.zpaaudit.diag.Diagnostic.ORDER);
    return out;
  }

  private static List<Path> files(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }
}
