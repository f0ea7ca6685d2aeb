package dev.zpaaudit.checks.tls;

import java.util.List;
import java.util.Locale;

/**
 * Server names and the patterns that match them: an exact name ("a.example.com"), or a wildcard
 * whose {@code *} stands for one or more labels ("*.example.com": a.example.com, a.b.example.com,
 * not example.com). Patterns are compared as names: case, a scheme, a path and a trailing dot are
 * dropped. A {@code *} anywhere else makes a pattern that is not compared exactly.
 */
public final class ServerNames {
  /** How much of a set of names a set of patterns matches. */
  public enum Cover {
    ALL,
    SOME,
    NONE
  }

  private ServerNames() {}

  /** How much of the names {@code required} stands for the {@code patterns} match. */
  public static Cover cover(List<String> patterns, String required) {
    Cover best = Cover.NONE;
    for (String p : patterns) {
      Cover c = one(normal(p), normal(required));
      if (c == Cover.ALL) {
        return c;
      }
      if (c == Cover.SOME) {
        best = c;
      }
    }
    return best;
  }

  static String normal(String s) {
    String n = s.strip().toLowerCase(Locale.ROOT);
    int scheme = n.indexOf("://");
    if (scheme >= 0) {
      n = n.substring(scheme + 3);
    }
    int slash = n.indexOf('/');
    if (slash >= 0) {
      n = n.substring(0, slash);
    }
    return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
  }

  private static Cover one(String pattern, String required) {
    if (pattern.equals("*")) {
      return Cover.ALL;
    }
    boolean wild = pattern.startsWith("*.") && pattern.indexOf('*', 1) < 0;
    if (pattern.indexOf('*') >= 0 && !wild) {
      return Cover.SOME; // not compared exactly: it may match some of the names
    }
    boolean requiredWild = required.startsWith("*.");
    String rest = requiredWild ? required.substring(1) : required; // ".prod.zpath.net" or a name
    if (wild) {
      String suffix = pattern.substring(1); // ".zpath.net"
      if (rest.endsWith(suffix)) {
        return Cover.ALL;
      }
      return requiredWild && suffix.endsWith(rest) ? Cover.SOME : Cover.NONE;
    }
    if (!requiredWild) {
      return pattern.equals(required) ? Cover.ALL : Cover.NONE;
    }
    return pattern.endsWith(rest) ? Cover.SOME : Cover.NONE;
  }
}
