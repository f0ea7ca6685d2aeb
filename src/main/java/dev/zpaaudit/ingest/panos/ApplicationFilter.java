package dev.zpaaudit.ingest.panos;

/**
 * An {@code <application-filter>}, by name only: which applications it chooses depends on the
 * App-ID database, which is not part of a config.
 */
public record ApplicationFilter(String name, int line) {
  public ApplicationFilter {
    Checks.name(name, "application filter name");
    Checks.writtenLine(line);
  }
}
