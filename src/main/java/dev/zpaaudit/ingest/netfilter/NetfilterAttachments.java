package dev.zpaaudit.ingest.netfilter;

import dev.zpaaudit.model.Attachment;
import dev.zpaaudit.model.Point;
import java.util.Locale;
import java.util.Set;

/**
 * The one lowering of netfilter's places into the neutral model, shared by iptables and nftables: a
 * hook becomes the point its packets pass; a base chain's type and priority become what its
 * attachment sees. NAT chains see only a connection's first packet (the kernel runs them for new
 * connections only); chains below priority -200 (raw) run before conntrack has matched the packet
 * to a connection; the rest see every packet.
 */
public final class NetfilterAttachments {
  /** conntrack's own priority: chains below it run before a packet has a connection. */
  public static final int CONNTRACK_PRIORITY = -200;

  private NetfilterAttachments() {}

  /** The point of a hook by its name in either reader ("PREROUTING", "input"...), or null. */
  public static Point point(String hook) {
    return switch (hook.toLowerCase(Locale.ROOT)) {
      case "prerouting" -> Point.ARRIVING;
      case "input" -> Point.DELIVERED;
      case "forward" -> Point.FORWARDED;
      case "output" -> Point.ORIGINATED;
      case "postrouting" -> Point.LEAVING;
      default -> null;
    };
  }

  /** A base chain of {@code type} ("filter", "nat", "route") at a hook's point and priority. */
  public static Attachment baseChain(
      Point point, String type, int priority, String filter, Set<Integer> families, String label) {
    Attachment.Kind kind =
        "nat".equals(type)
            ? Attachment.Kind.TRANSLATION
            : priority < CONNTRACK_PRIORITY
                ? Attachment.Kind.BEFORE_SESSIONS
                : Attachment.Kind.FILTER;
    return new Attachment(point, kind, priority, filter, AddressFamilies.of(families), label);
  }

  /**
   * An iptables built-in chain of a table, as the kernel registers it: raw at -300, mangle at -150,
   * nat at -100 before routing and 100 after, filter at 0, security at 50; null where the table has
   * no such chain.
   */
  public static Attachment table(String table, Point point, String filter, Set<Integer> families) {
    boolean beforeRouting = point == Point.ARRIVING || point == Point.ORIGINATED;
    boolean local =
        point == Point.DELIVERED || point == Point.FORWARDED || point == Point.ORIGINATED;
    return switch (table) {
      case "raw" ->
          beforeRouting ? baseChain(point, "filter", -300, filter, families, filter) : null;
      case "mangle" -> baseChain(point, "filter", -150, filter, families, filter);
      case "nat" ->
          point == Point.FORWARDED
              ? null
              : baseChain(point, "nat", beforeRouting ? -100 : 100, filter, families, filter);
      case "filter" -> local ? baseChain(point, "filter", 0, filter, families, filter) : null;
      case "security" -> local ? baseChain(point, "filter", 50, filter, families, filter) : null;
      default -> null;
    };
  }
}
