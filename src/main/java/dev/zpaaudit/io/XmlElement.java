package dev.zpaaudit.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An element of a parsed XML document that knows the line its start tag is on, so that checks of
 * its content can report {@code file:line}. Text is the element's own character data (the text of
 * its children is theirs); text that is only white space is kept as the empty string.
 */
public record XmlElement(
    String name, Map<String, String> attributes, String text, List<XmlElement> children, int line) {
  public XmlElement {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(text, "text");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("an element has a name");
    }
    if (line < 1) {
      throw new IllegalArgumentException("line must be >= 1: " + line);
    }
    attributes =
        attributes.isEmpty()
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    children = List.copyOf(children);
  }

  /** The value of an attribute, if the element has it. */
  public Optional<String> attribute(String attributeName) {
    return Optional.ofNullable(attributes.get(attributeName));
  }

  /** The first child with this name. */
  public Optional<XmlElement> child(String childName) {
    for (XmlElement c : children) {
      if (c.name.equals(childName)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** Every child with this name, in document order. */
  public List<XmlElement> children(String childName) {
    List<XmlElement> found = new ArrayList<>();
    for (XmlElement c : children) {
      if (c.name.equals(childName)) {
        found.add(c);
      }
    }
    return found;
  }

  /** The text with leading and trailing white space removed. */
  public String value() {
    return text.strip();
  }
}
