package dev.zpaaudit.cli;

import dev.zpaaudit.diag.InputException;
import dev.zpaaudit.ingest.ranges.RangesReader;
import dev.zpaaudit.model.PublishedRanges;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The published ranges to check against: --ranges FILE, or the embedded snapshot. */
public final class RangesOption {
  @Option(
      names = "--ranges",
      paramLabel = "FILE",
      description =
          "The published ranges: the vendor's JSON feed, or plain text with one CIDR a line"
              + " (default: the embedded snapshot).")
  Path file;

  /** A list of published ranges read from a file (the vendor's feed or plain text). */
  static PublishedRanges read(Path file) throws InputException {
    return RangesReader.read(file);
  }

  /** A list of published ranges read from text named {@code name}. */
  static PublishedRanges parse(String text, String name, String date) throws InputException {
    return RangesReader.parse(text, name, name, date);
  }

  PublishedRanges load() throws InputException {
    return file == null ? RangesReader.embedded() : RangesReader.read(file);
  }
}
