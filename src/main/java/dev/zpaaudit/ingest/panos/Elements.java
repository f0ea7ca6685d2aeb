package dev.zpaaudit.ingest.panos;

import dev.zpaaudit.io.XmlElement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reading PAN-OS's ways of writing values: entries, member lists, yes/no, numbers. */
final class Elements {
  private Elements() {}

  /**
   * The {@code <entry>} children of a container that have a name; an entry without a name, or with
   * the name of an earlier one, is an error and is skipped.
   */
  static List<XmlElement> entries(Reading r, XmlElement container) {
    List<XmlElement> named = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (XmlElement e : container.children("entry")) {
      String name = e.attribute("name").map(String::strip).orElse("");
      if (name.isEmpty()) {
        r.error(e, "<" + container.name() + "> entry has no name");
      } else if (!seen.add(name)) {
        r.error(e, "<" + container.name() + "> entry '" + name + "' is written twice");
      } else {
        named.add(e);
      }
    }
    return named;
  }

  /** The entries of a child container, if the element has it. */
  static List<XmlElement> entries(Reading r, XmlElement parent, String child) {
    Optional<XmlElement> c = parent.child(child);
    return c.isEmpty() ? List.of() : entries(r, c.get());
  }

  /** An entry's name. */
  static String name(XmlElement entry) {
    return entry.attribute("name").orElseThrow().strip();
  }

  /** The {@code <member>} values of a child element, in order; none if it is not written. */
  static List<String> members(XmlElement parent, String child) {
    Optional<XmlElement> c = parent.child(child);
    if (c.isEmpty()) {
      return List.of();
    }
    List<String> values = new ArrayList<>();
    for (XmlElement m : c.get().children("member")) {
      if (!m.value().isEmpty()) {
        values.add(m.value());
      }
    }
    return values;
  }

  /** The members of a list that PAN-OS reads as {@code any} when it is not written. */
  static List<String> membersOrAny(XmlElement parent, String child) {
    List<String> m = members(parent, child);
    return m.isEmpty() ? RuleMatch.ANY : m;
  }

  /** The text of a child element, if written and not blank. */
  static Optional<String> text(XmlElement parent, String child) {
    return parent.child(child).map(XmlElement::value).filter(v -> !v.isEmpty());
  }

  /** A yes/no child: absent is no; anything else is a warning and read as no. */
  static boolean yes(Reading r, XmlElement parent, String child, String subject) {
    Optional<XmlElement> c = parent.child(child);
    if (c.isEmpty()) {
      return false;
    }
    String v = c.get().value();
    if (!v.equals("yes") && !v.equals("no")) {
      r.warning(
          c.get(), subject + ": <" + child + "> '" + v + "' is neither yes nor no; read as no");
    }
    return v.equals("yes");
  }

  /** A whole number child within bounds; anything else is an error and read as not written. */
  static Optional<Integer> integer(
      Reading r, XmlElement parent, String child, int min, int max, String subject) {
    Optional<XmlElement> c = parent.child(child);
    if (c.isEmpty()) {
      return Optional.empty();
    }
    String v = c.get().value();
    if (v.matches("\\d{1,9}")) {
      int n = Integer.parseInt(v);
      if (n >= min && n <= max) {
        return Optional.of(n);
      }
    }
    r.error(
        c.get(),
        subject + ": <" + child + "> '" + v + "' is not a number from " + min + " to " + max);
    return Optional.empty();
  }

  /** The first child element, for elements that say what they are by a child. */
  static Optional<XmlElement> firstChild(XmlElement parent) {
    return parent.children().isEmpty() ? Optional.empty() : Optional.of(parent.children().get(0));
  }
}
