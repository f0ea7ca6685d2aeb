package dev.zpaaudit.ingest.aws;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/** The protocols security groups and network ACLs name: {@code -1} (all), a name or a number. */
final class Protocols {
  /** The protocol a rule names when it names all of them. */
  static final int ALL = -1;

  static final int ICMP = 1;
  static final int TCP = 6;
  static final int UDP = 17;
  static final int ICMPV6 = 58;

  private static final Map<String, Integer> NAMES =
      Map.of("tcp", TCP, "udp", UDP, "icmp", ICMP, "icmpv6", ICMPV6);

  private Protocols() {}

  /** The protocol number written, {@link #ALL} for {@code -1}, empty when it is not one. */
  static OptionalInt number(String written) {
    String w = written.trim().toLowerCase(Locale.ROOT);
    if (w.equals("-1")) {
      return OptionalInt.of(ALL);
    }
    if (NAMES.containsKey(w)) {
      return OptionalInt.of(NAMES.get(w));
    }
    try {
      int n = Integer.parseInt(w);
      return n >= 0 && n <= 255 ? OptionalInt.of(n) : OptionalInt.empty();
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
  }

  /** Whether packets of the protocol carry ports. */
  static boolean hasPorts(int protocol) {
    return protocol == TCP || protocol == UDP;
  }

  static boolean isIcmp(int protocol) {
    return protocol == ICMP || protocol == ICMPV6;
  }

  /** How a protocol reads in a trace: {@code tcp}, {@code all}, {@code protocol 47}. */
  static String text(int protocol) {
    return switch (protocol) {
      case ALL -> "all traffic";
      case TCP -> "tcp";
      case UDP -> "udp";
      case ICMP -> "icmp";
      case ICMPV6 -> "icmpv6";
      default -> "protocol " + protocol;
    };
  }
}
