package dev.zpaaudit.ingest.panos;

/** A {@code <tag>}, by name. */
public record Tag(String name, int line) {
  public Tag {
    Checks.name(name, "tag name");
    Checks.writtenLine(line);
  }
}
