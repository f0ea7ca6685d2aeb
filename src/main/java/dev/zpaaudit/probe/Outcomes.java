package dev.zpaaudit.probe;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.util.Locale;

/** Names the way a network operation failed, from the exception the JDK raised. */
final class Outcomes {
  private Outcomes() {}

  /** A short description of a failure, without a stack trace or class noise. */
  static String describe(Throwable e) {
    String m = e.getMessage();
    if (m != null && !m.isBlank()) {
      return m;
    }
    if (isTimeout(e)) {
      return "timed out";
    }
    // Without a message, the kind of failure in words ("NoRouteToHostException": no route to host).
    String kind = e.getClass().getSimpleName().replaceAll("(Exception|Error)$", "");
    return kind.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
  }

  /** A timeout, also when wrapped (dnsjava wraps its TimeoutException in an IOException). */
  static boolean isTimeout(Throwable e) {
    Throwable t = e;
    for (int depth = 0; t != null && depth < 10; depth++, t = t.getCause()) {
      if (t instanceof SocketTimeoutException
          || t instanceof java.util.concurrent.TimeoutException) {
        return true;
      }
    }
    return false;
  }

  static boolean isRefused(Throwable e) {
    return (e instanceof ConnectException && text(e).contains("refused"))
        || e instanceof PortUnreachableException;
  }

  static boolean isUnreachable(Throwable e) {
    return e instanceof NoRouteToHostException || text(e).contains("unreachable");
  }

  private static String text(Throwable e) {
    return e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
  }
}
