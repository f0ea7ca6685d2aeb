package dev.zpaaudit.ingest.panos;

/**
 * An {@code <external-list>} (external dynamic list): its name and type ({@code ip}, {@code
 * domain}, {@code url}, ...). Its entries live outside the config, at the list's source.
 */
public record ExternalList(String name, String type, int line) {
  public ExternalList {
    Checks.name(name, "external list name");
    Checks.name(type, "external list type");
    Checks.writtenLine(line);
  }
}
