package dev.zpaaudit.ingest.azure;

import dev.zpaaudit.diag.Diagnostics;
import dev.zpaaudit.diag.InputException;
import dev.zpaaudit.ingest.FileReading;
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
 * series. A folder may also hold Azure's service tags file, which gives the tags' addresses.
 */
public final class AzureReader {
  private AzureReader() {}

  /** Whether the text looks like a network security group export. */
  public static boolean looksLike(String text) {
    return NsgReader.looksLike(text);
  }

  /**
   * Whether a path is a folder of network security group exports: every .json file in it is one, or
   * the service tags file, and one at least is a group.
   */
  public static boolean isFolder(Path dir) {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    boolean groups = false;
    for (Path f : files(dir)) {
      try {
        String text = InputFiles.read(f);
        if (looksLike(text)) {
          groups = true;
        } else if (!ServiceTags.looksLike(text)) {
          return false;
        }
      } catch (InputException e) {
        return false;
      }
    }
    return groups;
  }

  /** The groups of one file, or of every .json file of a folder, as one device. */
  public static ParseResult read(Path path) throws InputException {
    Diagnostics d = new Diagnostics();
    List<Nsg> groups = new ArrayList<>();
    ServiceTags tags = read(path, groups, d);
    return AzureConversions.convert(path.toString(), groups, tags, d.all());
  }

  /** The groups of a file or folder, as read. */
  static List<Nsg> groups(Path path) throws InputException {
    List<Nsg> groups = new ArrayList<>();
    read(path, groups, new Diagnostics());
    return groups;
  }

  /** Adds the groups of a file or folder to {@code groups}; the service tags file, if any. */
  private static ServiceTags read(Path path, List<Nsg> groups, Diagnostics d)
      throws InputException {
    ServiceTags tags = ServiceTags.NONE;
    List<Path> files = Files.isDirectory(path) ? files(path) : List.of(path);
    for (Path f : files) {
      String text = InputFiles.read(f);
      if (files.size() > 1 && !looksLike(text) && ServiceTags.looksLike(text)) {
        if (tags.file() != null) {
          d.error(
              new dev.zpaaudit.model.SourceLocation(f.toString(), 1),
              "a second service tags file; the folder holds one (" + tags.file() + ")");
        }
        tags = ServiceTags.read(text, f.toString(), d);
      } else {
        groups.addAll(NsgReader.read(text, f.toString(), d));
      }
    }
    if (d.hasErrors()) {
      throw new InputException(FileReading.sorted(d.errors()));
    }
    return tags;
  }

  /** Parses one file's text. */
  public static ParseResult parse(String text, String file) throws InputException {
    Diagnostics d = new Diagnostics();
    List<Nsg> groups = NsgReader.read(text, file, d);
    if (d.hasErrors()) {
      throw new InputException(FileReading.sorted(d.errors()));
    }
    return AzureConversions.convert(file, groups, ServiceTags.NONE, d.all());
  }

  private static List<Path> files(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }
}
