package dev.zpaaudit.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The published ZPA ranges the connector must reach: each entry as listed (entries may overlap),
 * with where it was read, plus the provenance every report shows.
 */
public record PublishedRanges(
    String source, String date, List<Entry> entries, List<String> domains) {

  /** One listed range: its text as published and the addresses it covers. */
  public record Entry(String text, IpSet addresses, SourceLocation location) {}

  public PublishedRanges {
    entries = List.copyOf(entries);
    domains = List.copyOf(domains);
  }

  public List<Entry> family(AddressFamily family) {
    return entries.stream().filter(e -> e.addresses().family() == family).toList();
  }

  /** Every address of the given family that any entry lists. */
  public IpSet union(AddressFamily family) {
    List<IpSet> sets = new ArrayList<>();
    for (Entry e : family(family)) {
      sets.add(e.addresses());
    }
    return IpSet.unionAll(family, sets);
  }
}
