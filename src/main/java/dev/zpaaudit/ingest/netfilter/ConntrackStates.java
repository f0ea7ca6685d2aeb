package dev.zpaaudit.ingest.netfilter;

import dev.zpaaudit.model.Bits;
import dev.zpaaudit.model.SessionState;
import java.util.Locale;

/** conntrack's state keywords lowered into session states. */
public final class ConntrackStates {
  private ConntrackStates() {}

  /** The session states a conntrack state keyword (NEW, ESTABLISHED, ...) stands for. */
  public static Bits forKeyword(String keyword) {
    return switch (keyword.toUpperCase(Locale.ROOT)) {
      case "NEW" -> SessionState.set(SessionState.NEW);
      case "ESTABLISHED" ->
          SessionState.set(SessionState.ESTABLISHED_ORIGINAL, SessionState.ESTABLISHED_REPLY);
      case "RELATED" -> SessionState.set(SessionState.RELATED_ORIGINAL, SessionState.RELATED_REPLY);
      case "INVALID" -> SessionState.set(SessionState.INVALID);
      case "UNTRACKED" -> SessionState.set(SessionState.UNTRACKED);
      default -> throw new IllegalArgumentException("unknown conntrack state '" + keyword + "'");
    };
  }
}
