package dev.zpaaudit.ingest.checkpoint;

import dev.zpaaudit.model.PortSet;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's port as Check Point writes it: {@code 443}, {@code 1-1024}, {@code >1023}, {@code
 * <1024}, {@code >=}, {@code <=}, or several of them separated by commas. Ports are 0 to 65535; a
 * form that leaves no port, or a range that runs backwards, is not one.
 */
final class Ports {
  private static final Pattern ONE =
      Pattern.compile("(<=|>=|<|>)?\\s*(\\d{1,5})(?:\\s*-\\s*(\\d{1,5}))?");

  private Ports() {}

  /** The ports the text stands for; empty when it is not a port form or leaves no port. */
  static Optional<PortSet> parse(String text) {
    PortSet out = PortSet.empty();
    for (String part : text.split(",", -1)) {
      Optional<PortSet> p = one(part.strip());
      if (p.isEmpty()) {
        return Optional.empty();
      }
      out = out.union(p.get());
    }
    return Optional.of(out);
  }

  private static Optional<PortSet> one(String part) {
    Matcher m = ONE.matcher(part);
    if (!m.matches()) {
      return Optional.empty();
    }
    String op = m.group(1);
    int n = Integer.parseInt(m.group(2));
    if (m.group(3) != null) {
      int to = Integer.parseInt(m.group(3));
      return op == null ? range(n, to) : Optional.empty();
    }
    if (op == null) {
      return range(n, n);
    }
    return switch (op) {
      case "<" -> range(0, n - 1);
      case "<=" -> range(0, n);
      case ">" -> range(n + 1, PortSet.MAX);
      default -> range(n, PortSet.MAX);
    };
  }

  private static Optional<PortSet> range(int from, int to) {
    if (from < 0 || to > PortSet.MAX || from > to) {
      return Optional.empty();
    }
    return Optional.of(PortSet.range(from, to));
  }
}
