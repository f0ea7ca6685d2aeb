package dev.zpaaudit.ingest.panos;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A port or a range of ports, as a service writes them ("443", "8000-8080"). */
public record PortRange(int from, int to) {
  public PortRange {
    if (from < 0 || to > 65535 || from > to) {
      throw new IllegalArgumentException("not a port range: " + from + "-" + to);
    }
  }

  /** Parses a comma-separated list ("80,443,8000-8080"); throws with the text quoted. */
  public static List<PortRange> parseList(String text) {
    return tryParseList(text)
        .orElseThrow(() -> new IllegalArgumentException("not a port list: '" + text + "'"));
  }

  public static Optional<List<PortRange>> tryParseList(String text) {
    List<PortRange> ranges = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      Optional<PortRange> r = tryParse(part.strip());
      if (r.isEmpty()) {
        return Optional.empty();
      }
      ranges.add(r.get());
    }
    return Optional.of(List.copyOf(ranges));
  }

  private static Optional<PortRange> tryParse(String s) {
    int dash = s.indexOf('-');
    String a = dash < 0 ? s : s.substring(0, dash);
    String b = dash < 0 ? s : s.substring(dash + 1);
    if (!isPort(a) || !isPort(b)) {
      return Optional.empty();
    }
    int from = Integer.parseInt(a);
    int to = Integer.parseInt(b);
    return from <= to ? Optional.of(new PortRange(from, to)) : Optional.empty();
  }

  private static boolean isPort(String s) {
    return !s.isEmpty()
        && s.length() <= 5
        && s.chars().allMatch(c -> c >= '0' && c <= '9')
        && Integer.parseInt(s) <= 65535;
  }

  @Override
  public String toString() {
    return from == to ? Integer.toString(from) : from + "-" + to;
  }
}
