package dev.zpaaudit.model;

import java.util.Objects;

/** Where something was read: a file (as the user named it) and a 1-based line, 0 if none. */
public record SourceLocation(String file, int line) implements Comparable<SourceLocation> {
  public SourceLocation {
    Objects.requireNonNull(file, "file");
    if (line < 0) {
      throw new IllegalArgumentException("line must be >= 0: " + line);
    }
  }

  @Override
  public String toString() {
    return line > 0 ? file + ":" + line : file;
  }

  @Override
  public int compareTo(SourceLocation o) {
    int c = file.compareTo(o.file);
    return c != 0 ? c : Integer.compare(line, o.line);
  }
}
