package dev.zpaaudit.oracle;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One connection and the packet of it that the kernel lab sends.
 *
 * <p>{@code src}, {@code sport}, {@code dst}, {@code dport}, {@code inIface} and {@code outIface}
 * always describe the connection in its original direction, as the ruleset host sees it: the client
 * {@code src:sport} opens the connection to the server {@code dst:dport}, and its first packet
 * enters on {@code inIface} and leaves on {@code outIface}. {@link Kind} picks the packet that is
 * tested; {@link Hook} says where the ruleset sits. A {@code REPLY} packet therefore goes from
 * {@code dst:dport} to {@code src:sport}, entering on {@code outIface} and leaving on {@code
 * inIface}; {@link #packetInIface()} and {@link #packetOutIface()} give the interfaces the tested
 * packet itself crosses.
 *
 * <ul>
 *   <li>{@code FORWARD}: the ruleset host is a gateway; both interfaces are needed.
 *   <li>{@code INPUT}: the tested packet is delivered to the ruleset host, so the host is the
 *       server for {@code NEW}/{@code ESTABLISHED} (needs {@code inIface}) and the client for
 *       {@code REPLY} (needs {@code outIface}).
 *   <li>{@code OUTPUT}: the tested packet is generated on the ruleset host, so the host is the
 *       client for {@code NEW}/{@code ESTABLISHED} (needs {@code outIface}) and the server for
 *       {@code REPLY} (needs {@code inIface}).
 * </ul>
 *
 * <p>For UDP, {@code NEW} is the first datagram, {@code REPLY} a datagram back after it, and {@code
 * ESTABLISHED} a further datagram in the original direction after a reply was seen.
 *
 * <p>Flows are IPv4 ({@code family} 4) or IPv6 (6). ICMPv6 flows (IPv6 only) carry the ICMPv6 type
 * in {@code sport} and the code in {@code dport}, as the engine does. An echo request (type 128)
 * opens a connection: {@code REPLY} is the echo reply (129) and {@code ESTABLISHED} a further
 * request with the same identifier after it. Any other type is a single packet, {@code NEW} only
 * (type 129 is only ever an echo flow's reply).
 */
public record Flow(
    int family,
    InetAddress src,
    InetAddress dst,
    int proto,
    int sport,
    int dport,
    Kind kind,
    Hook hook,
    String inIface,
    String outIface) {

  public static final int TCP = 6;
  public static final int UDP = 17;
  public static final int ICMPV6 = 58;

  /** The ICMPv6 echo request, the one ICMPv6 type that opens a connection here. */
  public static final int ECHO_REQUEST = 128;

  public static final int ECHO_REPLY = 129;

  private static final Pattern IFACE_NAME = Pattern.compile("[^\\s/:]{1,15}");

  /** Which packet of the connection is tested. */
  public enum Kind {
    /** TCP SYN, or the first UDP datagram, in the original direction. */
    NEW,
    /** TCP SYN+ACK, or a UDP datagram, from {@code dst:dport} back to {@code src:sport}. */
    REPLY,
    /** TCP ACK in the original direction after the handshake (UDP: after a reply). */
    ESTABLISHED,
    /**
     * As {@code REPLY}, for a connection whose opening packet crossed the ruleset itself (not the
     * accept-all table), so that the ruleset's source NAT applies: the reply is sent to the address
     * and port conntrack translated the client to. TCP and UDP over IPv4, through FORWARD or INPUT
     * (the host as client) only.
     */
    NAT_REPLY
  }

  /** Where the ruleset is loaded relative to the tested packet. */
  public enum Hook {
    FORWARD,
    INPUT,
    OUTPUT
  }

  public Flow {
    Objects.requireNonNull(src, "src");
    Objects.requireNonNull(dst, "dst");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(hook, "hook");
    if (family != 4 && family != 6) {
      throw new IllegalArgumentException("family must be 4 or 6, got " + family);
    }
    Class<?> kindOf = family == 4 ? Inet4Address.class : Inet6Address.class;
    if (!kindOf.isInstance(src) || !kindOf.isInstance(dst)) {
      throw new IllegalArgumentException(
          "family " + family + " needs IPv" + family + " addresses: " + src + " " + dst);
    }
    if (proto == ICMPV6) {
      if (family != 6) {
        throw new IllegalArgumentException("ICMPv6 needs family 6");
      }
      checkByte("ICMPv6 type (sport)", sport);
      checkByte("ICMPv6 code (dport)", dport);
      if (sport == ECHO_REPLY || sport != ECHO_REQUEST && kind != Kind.NEW) {
        throw new IllegalArgumentException(
            "ICMPv6 type " + sport + " is a single packet: NEW only (129 is an echo's reply)");
      }
    } else if (proto != TCP && proto != UDP) {
      throw new IllegalArgumentException(
          "protocol must be 6 (tcp), 17 (udp) or 58 (icmpv6), got " + proto);
    } else {
      checkPort("sport", sport);
      checkPort("dport", dport);
    }
    if (kind == Kind.NAT_REPLY
        && (family != 4 || hook == Hook.OUTPUT || proto != TCP && proto != UDP)) {
      throw new IllegalArgumentException(
          "a NAT_REPLY flow is TCP or UDP over IPv4, through FORWARD or INPUT");
    }
    checkIface("inIface", inIface);
    checkIface("outIface", outIface);
    boolean usesIn =
        hook == Hook.FORWARD
            || (hook == Hook.INPUT) != (kind == Kind.REPLY || kind == Kind.NAT_REPLY);
    boolean usesOut = hook == Hook.FORWARD || !usesIn;
    if (usesIn && inIface == null || usesOut && outIface == null) {
      String needs = usesIn && usesOut ? "inIface and outIface" : usesIn ? "inIface" : "outIface";
      throw new IllegalArgumentException("a " + hook + " " + kind + " flow needs " + needs);
    }
  }

  /**
   * A TCP {@code NEW} flow through {@code FORWARD} from {@code eth0} to {@code eth1}; IPv4 or IPv6
   * as the literals are.
   */
  public static Flow tcp(String src, int sport, String dst, int dport) {
    return of(TCP, src, sport, dst, dport);
  }

  /** A UDP {@code NEW} flow through {@code FORWARD} from {@code eth0} to {@code eth1}. */
  public static Flow udp(String src, int sport, String dst, int dport) {
    return of(UDP, src, sport, dst, dport);
  }

  /** An ICMPv6 {@code NEW} flow through {@code FORWARD} from {@code eth0} to {@code eth1}. */
  public static Flow icmpv6(String src, String dst, int type, int code) {
    return of(ICMPV6, src, type, dst, code);
  }

  private static Flow of(int proto, String src, int sport, String dst, int dport) {
    InetAddress s = ip(src);
    int family = s instanceof Inet4Address ? 4 : 6;
    return new Flow(
        family, s, ip(dst), proto, sport, dport, Kind.NEW, Hook.FORWARD, "eth0", "eth1");
  }

  /** Whether the flow opens a connection that conntrack follows (every flow but lone ICMPv6). */
  /** Whether the tested packet is the server's reply (REPLY or NAT_REPLY). */
  public boolean isReply() {
    return kind == Kind.REPLY || kind == Kind.NAT_REPLY;
  }

  public boolean isConnection() {
    return proto != ICMPV6 || sport == ECHO_REQUEST;
  }

  public Flow withKind(Kind newKind) {
    return new Flow(family, src, dst, proto, sport, dport, newKind, hook, inIface, outIface);
  }

  public Flow withHook(Hook newHook) {
    return new Flow(family, src, dst, proto, sport, dport, kind, newHook, inIface, outIface);
  }

  /** The interfaces of the original direction; either may be null where the hook has none. */
  public Flow via(String newInIface, String newOutIface) {
    return new Flow(family, src, dst, proto, sport, dport, kind, hook, newInIface, newOutIface);
  }

  /** The interface the tested packet enters the ruleset host on; null for {@code OUTPUT}. */
  public String packetInIface() {
    return hook == Hook.OUTPUT ? null : isReply() ? outIface : inIface;
  }

  /** The interface the tested packet leaves the ruleset host on; null for {@code INPUT}. */
  public String packetOutIface() {
    return hook == Hook.INPUT ? null : isReply() ? inIface : outIface;
  }

  @Override
  public String toString() {
    if (proto == ICMPV6) {
      return String.format(
          "%s icmpv6 %s -> %s type %d code %d %s [%s -> %s]",
          hook, src.getHostAddress(), dst.getHostAddress(), sport, dport, kind, inIface, outIface);
    }
    return String.format(
        "%s %s %s -> %s %s [%s -> %s]",
        hook,
        proto == TCP ? "tcp" : "udp",
        endpoint(src, sport),
        endpoint(dst, dport),
        kind,
        inIface,
        outIface);
  }

  private static String endpoint(InetAddress a, int port) {
    String h = a.getHostAddress();
    return (a instanceof Inet6Address ? "[" + h + "]" : h) + ":" + port;
  }

  private static void checkPort(String name, int port) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(name + " must be 1..65535, got " + port);
    }
  }

  private static void checkByte(String name, int value) {
    if (value < 0 || value > 255) {
      throw new IllegalArgumentException(name + " must be 0..255, got " + value);
    }
  }

  private static void checkIface(String name, String iface) {
    boolean bad = iface != null && !IFACE_NAME.matcher(iface).matches();
    if (bad || ".".equals(iface) || "..".equals(iface)) {
      throw new IllegalArgumentException(name + " is not a Linux interface name: '" + iface + "'");
    }
  }

  private static InetAddress ip(String literal) {
    if (!literal.matches("[0-9.]+") && !literal.matches("[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*")) {
      throw new IllegalArgumentException("not an IPv4 or IPv6 literal: " + literal);
    }
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IPv4 or IPv6 literal: " + literal, e);
    }
  }
}
