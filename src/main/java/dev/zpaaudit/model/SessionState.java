package dev.zpaaudit.model;

/**
 * Connection-tracking state of a packet as netfilter sees it, with the direction folded in: an
 * established connection's packets travel in the original or the reply direction.
 */
public enum SessionState {
  NEW,
  ESTABLISHED_ORIGINAL,
  ESTABLISHED_REPLY,
  RELATED_ORIGINAL,
  RELATED_REPLY,
  INVALID,
  UNTRACKED;

  public static final int COUNT = values().length;

  public static Bits set(SessionState... states) {
    int[] m = new int[states.length];
    for (int i = 0; i < states.length; i++) {
      m[i] = states[i].ordinal();
    }
    return Bits.of(COUNT, m);
  }

  public static Bits all() {
    return Bits.all(COUNT);
  }

  /** The states that a conntrack state keyword (NEW, ESTABLISHED, ...) stands for. */
  public static Bits forKeyword(String keyword) {
    return switch (keyword.toUpperCase(java.util.Locale.ROOT)) {
      case "NEW" -> set(NEW);
      case "ESTABLISHED" -> set(ESTABLISHED_ORIGINAL, ESTABLISHED_REPLY);
      case "RELATED" -> set(RELATED_ORIGINAL, RELATED_REPLY);
      case "INVALID" -> set(INVALID);
      case "UNTRACKED" -> set(UNTRACKED);
      default -> throw new IllegalArgumentException("unknown conntrack state '" + keyword + "'");
    };
  }

  public static Bits original() {
    return set(NEW, ESTABLISHED_ORIGINAL, RELATED_ORIGINAL);
  }

  public static Bits reply() {
    return set(ESTABLISHED_REPLY, RELATED_REPLY);
  }
}
