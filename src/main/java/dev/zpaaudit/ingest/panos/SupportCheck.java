package dev.zpaaudit.ingest.panos;

import dev.zpaaudit.ingest.panos.PanosSupport.Child;
import dev.zpaaudit.ingest.panos.PanosSupport.Node;
import dev.zpaaudit.io.XmlElement;
import java.util.Optional;

/**
 * Walks a config against {@link PanosSupport} and warns about every element that is declared
 * unmodelled or not declared at all. What is read is left to the readers.
 */
final class SupportCheck {
  private final Reading reading;

  SupportCheck(Reading reading) {
    this.reading = reading;
  }

  void walk(XmlElement element, Node node) {
    for (XmlElement c : element.children()) {
      if (node.collections && isEmpty(c)) {
        continue;
      }
      Optional<Child> declared = PanosSupport.child(node, c.name());
      if (declared.isEmpty()) {
        unknown(c, node.where);
        continue;
      }
      Child d = declared.get();
      switch (d.support()) {
        case READ -> read(c, d);
        case UNMODELLED -> reading.unmodelled(c, d.label(), d.why());
        case CHECKED, IGNORED -> {
          // The reader inspects a checked element; an ignored one has no bearing on traffic.
        }
      }
    }
  }

  private void read(XmlElement element, Child declared) {
    if (!declared.entries()) {
      walk(element, declared.node());
      return;
    }
    for (XmlElement e : element.children()) {
      if (e.name().equals("entry")) {
        walk(e, declared.node());
      } else {
        unknown(e, declared.element());
      }
    }
  }

  private static boolean isEmpty(XmlElement e) {
    return e.children().isEmpty() && e.text().isBlank() && e.attributes().isEmpty();
  }

  private void unknown(XmlElement element, String where) {
    reading.unmodelled(element, element.name(), "not read in " + where);
  }
}
