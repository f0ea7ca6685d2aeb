package dev.zpaaudit.model;

import java.util.Objects;
import java.util.Set;

/**
 * A filter attached where packets pass. Every stage on a packet's path must accept it. NAT stages
 * see only the first packet of a connection; RAW stages run before connection tracking; SESSION
 * stages are a stateful policy: they judge the first packet of a session, and the rest of an
 * allowed session, both ways, passes them.
 */
public record Stage(
    Hook hook, Kind kind, int priority, String filter, Set<Integer> families, String label) {
  public enum Kind {
    FILTER,
    NAT,
    RAW,
    SESSION;

    /** Whether the stage judges only the first packet of a connection. */
    public boolean firstPacketOnly() {
      return this == NAT || this == SESSION;
    }
  }

  public Stage {
    Objects.requireNonNull(hook);
    Objects.requireNonNull(kind);
    Objects.requireNonNull(filter);
    families = Set.copyOf(families);
    Objects.requireNonNull(label);
  }
}
