package dev.zpaaudit.ingest.fortios;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One range of a service's {@code tcp-portrange}, {@code udp-portrange} or {@code sctp-portrange}:
 * destination ports, and the source ports after a colon when given ({@code 443}, {@code 1-2:3-4},
 * {@code 12:11}); without them any source port.
 */
record PortRange(int from, int to, Integer sourceFrom, Integer sourceTo) {
  private static final Pattern SYNTAX =
      Pattern.compile("(\\d{1,5})(?:-(\\d{1,5}))?(?::(\\d{1,5})(?:-(\\d{1,5}))?)?");

  PortRange {
    if (from < 0 || to > 65535 || from > to) {
      throw new IllegalArgumentException("bad destination ports " + from + "-" + to);
    }
    if ((sourceFrom == null) != (sourceTo == null)
        || sourceFrom != null && (sourceFrom < 0 || sourceTo > 65535 || sourceFrom > sourceTo)) {
      throw new IllegalArgumentException("bad source ports " + sourceFrom + "-" + sourceTo);
    }
  }

  /** The range as FortiOS writes it, if it is one. */
  static Optional<PortRange> parse(String text) {
    Matcher m = SYNTAX.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    int from = Integer.parseInt(m.group(1));
    int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
    Integer sFrom = m.group(3) == null ? null : Integer.parseInt(m.group(3));
    Integer sTo = m.group(4) == null ? sFrom : Integer.valueOf(m.group(4));
    try {
      return Optional.of(new PortRange(from, to, sFrom, sTo));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  boolean hasSource() {
    return sourceFrom != null;
  }
}
