package dev.zpaaudit.model;

import java.util.Objects;
import java.util.Set;

/**
 * A filter attached where packets pass, at {@code point}, ordered among the filters there by {@code
 * priority} (lower first). Every attachment on a packet's path must let it through. What it sees
 * depends on its kind: a FILTER sees every packet; a TRANSLATION (address translation) and a
 * SESSION (a stateful policy) see only the first packet of a session, the rest of a session going
 * through as the first did; a BEFORE_SESSIONS filter runs before the device has matched the packet
 * to a session, so tests of session state do not hold there.
 */
public record Attachment(
    Point point,
    Kind kind,
    int priority,
    String filter,
    Set<AddressFamily> families,
    String label) {
  public enum Kind {
    FILTER,
    TRANSLATION,
    BEFORE_SESSIONS,
    SESSION;

    /** Whether the attachment judges only the first packet of a session. */
    public boolean firstPacketOnly() {
      return this == TRANSLATION || this == SESSION;
    }
  }

  public Attachment {
    Objects.requireNonNull(point);
    Objects.requireNonNull(kind);
    Objects.requireNonNull(filter);
    families = Set.copyOf(families);
    Objects.requireNonNull(label);
  }
}
