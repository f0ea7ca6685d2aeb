package dev.zpaaudit.ingest.checkpoint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts a layer's pages together, in the order of the rule numbers they hold. Rules a page says the
 * layer has but no page holds (a page not exported) stand in the layer as {@link Entry.Missing},
 * where they would be.
 */
final class Pages {
  private Pages() {}

  /** The layers of the pages, in the order they were first read. */
  static List<Layer> layers(List<RulebaseReader.Page> pages) {
    Map<String, List<RulebaseReader.Page>> byLayer = new LinkedHashMap<>();
    for (RulebaseReader.Page p : pages) {
      byLayer.computeIfAbsent(p.uid() != null ? p.uid() : p.name(), k -> new ArrayList<>()).add(p);
    }
    List<Layer> out = new ArrayList<>();
    for (List<RulebaseReader.Page> of : byLayer.values()) {
      out.add(layer(of));
    }
    return out;
  }

  private static Layer layer(List<RulebaseReader.Page> pages) {
    List<RulebaseReader.Page> sorted =
        pages.stream()
            .sorted(Comparator.comparingInt(p -> p.from() == null ? 0 : p.from()))
            .toList();
    RulebaseReader.Page first = sorted.get(0);
    List<Entry> entries = new ArrayList<>();
    int next = 1;
    for (RulebaseReader.Page p : sorted) {
      if (p.to() != null && p.to() < next && p.to() > 0) {
        continue; // a page whose rules another page holds already
      }
      if (p.from() != null && p.from() > next) {
        entries.add(missing(p, next, p.from() - 1));
      }
      entries.addAll(p.entries());
      if (p.to() != null) {
        next = Math.max(next, p.to() + 1);
      }
    }
    RulebaseReader.Page last = sorted.get(sorted.size() - 1);
    if (last.total() != null && next <= last.total()) {
      entries.add(missing(last, next, last.total()));
    }
    return new Layer(first.uid(), first.name(), first.at(), entries);
  }

  private static Entry.Missing missing(RulebaseReader.Page p, int from, int to) {
    String rules = from == to ? "rule " + from : "rules " + from + "-" + to;
    return new Entry.Missing(
        p.at(),
        rules + " of layer '" + p.name() + "' (not in the export)",
        "the layer has "
            + (p.total() == null ? "more" : p.total())
            + " rules and the export does not hold "
            + rules
            + ": export every page (show access-rulebase ... offset N limit M) into the folder");
  }
}
