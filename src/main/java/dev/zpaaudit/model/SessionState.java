package dev.zpaaudit.model;

/**
 * The state of the session (tracked connection) a packet belongs to, with the direction folded in:
 * an established session's packets travel in the original or the reply direction; a related one is
 * opened for another (an ICMP error, a data connection); an invalid packet fits no session; an
 * untracked one was exempted from tracking.
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

  public static Bits original() {
    return set(NEW, ESTABLISHED_ORIGINAL, RELATED_ORIGINAL);
  }

  public static Bits reply() {
    return set(ESTABLISHED_REPLY, RELATED_REPLY);
  }
}
