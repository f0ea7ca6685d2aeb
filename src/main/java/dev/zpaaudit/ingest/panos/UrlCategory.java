package dev.zpaaudit.ingest.panos;

import java.util.List;
import java.util.Objects;

/**
 * A custom URL category ({@code <profiles><custom-url-category>}): a list of URLs and wildcards, or
 * (type "Category Match") a list of predefined category names.
 */
public record UrlCategory(String name, Type type, List<String> entries, int line) {
  public enum Type {
    URL_LIST,
    CATEGORY_MATCH
  }

  public UrlCategory {
    Checks.name(name, "URL category name");
    Objects.requireNonNull(type, "type");
    entries = Checks.names(entries, "URL category entry");
    Checks.writtenLine(line);
  }
}
