package dev.zpaaudit.model;

import java.util.Objects;
import java.util.Set;

/**
 * A base chain attached to a hook. Every stage on a packet's path must accept it. NAT stages see
 * only the first packet of a connection; RAW stages run before connection tracking.
 */
public record Stage(
    Hook hook, Kind kind, int priority, String filter, Set<Integer> families, String label) {
  public enum Kind {
    FILTER,
    NAT,
    RAW
  }

  public Stage {
    Objects.requireNonNull(hook);
    Objects.requireNonNull(kind);
    Objects.requireNonNull(filter);
    families = Set.copyOf(families);
    Objects.requireNonNull(label);
  }
}
