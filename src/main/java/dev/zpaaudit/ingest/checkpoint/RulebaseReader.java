package dev.zpaaudit.ingest.checkpoint;

import dev.zpaaudit.io.Tree;
import dev.zpaaudit.model.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads one page of {@code show access-rulebase} output: the layer it is of, its objects
 * dictionary, and its entries in order, the rules of each {@code access-section} in place. What a
 * rule must have (its source, destination, service and action) is an error at its line when it is
 * missing.
 */
final class RulebaseReader {
  /** Sections hold rules; nothing nests deeper than this in a real rulebase. */
  private static final int MAX_SECTION_DEPTH = 8;

  /**
   * A page: the layer's uid (null: not given) and name, where it starts, the rule numbers it holds
   * ({@code from} to {@code to} of {@code total}; null where it does not say) and its entries.
   */
  record Page(
      String uid,
      String name,
      SourceLocation at,
      Integer from,
      Integer to,
      Integer total,
      List<Entry> entries) {
    Page {
      entries = List.copyOf(entries);
    }
  }

  private final ObjectReader objects;

  RulebaseReader(ObjectReader objects) {
    this.objects = objects;
  }

  Page read(Reading r, Tree.Obj root) {
    for (Tree t : r.list(root, "objects-dictionary")) {
      if (t instanceof Tree.Obj o) {
        objects.add(r, o);
      } else {
        r.error(t.line(), "an objects-dictionary entry that is not an object");
      }
    }
    List<Entry> entries = new ArrayList<>();
    entries(r, r.list(root, "rulebase"), 0, entries);
    return new Page(
        r.text(root, "uid").orElse(null),
        r.text(root, "name").orElse("(unnamed layer)"),
        r.at(root),
        r.integer(root, "from").orElse(null),
        r.integer(root, "to").orElse(null),
        r.integer(root, "total").orElse(null),
        entries);
  }

  private void entries(Reading r, List<Tree> items, int depth, List<Entry> out) {
    for (Tree t : items) {
      if (!(t instanceof Tree.Obj o)) {
        r.error(t.line(), "a rulebase entry that is not an object");
        continue;
      }
      String type = r.text(o, "type").orElse("");
      switch (type) {
        case "access-rule" -> rule(r, o).ifPresent(out::add);
        case "access-section" -> {
          if (depth >= MAX_SECTION_DEPTH) {
            r.error(o.line(), "sections nest deeper than " + MAX_SECTION_DEPTH + " levels");
          } else {
            entries(r, r.list(o, "rulebase"), depth + 1, out);
          }
        }
        case "place-holder" ->
            out.add(
                new Entry.Missing(
                    r.at(o),
                    "place-holder '" + r.text(o, "name").orElse("") + "'",
                    "the rules of another policy go here (a domain's, under a global policy),"
                        + " and the export does not hold them"));
        default ->
            r.error(
                o.line(),
                "a rulebase entry of type '"
                    + type
                    + "': expected an access-rule or an access-section");
      }
    }
  }

  private Optional<Entry> rule(Reading r, Tree.Obj o) {
    String number = r.text(o, "rule-number").orElse("?");
    String name = r.text(o, "name").orElse("");
    String label = "rule " + number + (name.isEmpty() ? "" : " '" + name + "'");
    List<String> missing = new ArrayList<>();
    Column source = column(r, o, "source", missing);
    Column destination = column(r, o, "destination", missing);
    Column service = column(r, o, "service", missing);
    Optional<Ref> action = objects.ref(r, o, "action");
    if (action.isEmpty()) {
      missing.add("action");
    }
    if (!missing.isEmpty()) {
      r.error(
          o.line(),
          label + " has no " + String.join(", ", missing) + " (export it with details-level full)");
      return Optional.empty();
    }
    return Optional.of(
        new AccessRule(
            r.at(o),
            number,
            name,
            r.bool(o, "enabled", true),
            source,
            destination,
            service,
            optional(r, o, "vpn"),
            optional(r, o, "content"),
            optional(r, o, "time"),
            optional(r, o, "install-on"),
            action.get(),
            objects.ref(r, o, "inline-layer").orElse(null)));
  }

  /** A cell every rule has; noted as missing when absent. */
  private Column column(Reading r, Tree.Obj o, String key, List<String> missing) {
    if (!o.fields().containsKey(key)) {
      missing.add(key);
      return Column.NONE;
    }
    return new Column(objects.refs(r, o, key), r.bool(o, key + "-negate", false));
  }

  /** A cell older exports leave out: then it names nothing, which is read as Any. */
  private Column optional(Reading r, Tree.Obj o, String key) {
    return new Column(objects.refs(r, o, key), r.bool(o, key + "-negate", false));
  }
}
