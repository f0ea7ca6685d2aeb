package dev.zpaaudit.oracle;

import java.net.Inet4Address;
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

  private static final Pattern IFACE_NAME = Pattern.compile("[^\\s/:]{1,15}");

  /** Which packet of the connection is tested. */
  public enum Kind {
    /** TCP SYN, or the first UDP datagram, in the original direction. */
    NEW,
    /** TCP SYN+ACK, or a UDP datagram, from {@code dst:dport} back to {@code src:sport}. */
    REPLY,
    /** TCP ACK in the original direction after the handshake (UDP: after a reply). */
    ESTABLISHED
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
    if (family != 4) {
      throw new IllegalArgumentException("only IPv4 (family 4) is supported, got " + family);
    }
    if (!(src instanceof Inet4Address) || !(dst instanceof Inet4Address)) {
      throw new IllegalArgumentException("family 4 needs IPv4 addresses: " + src + " " + dst);
    }
    if (proto != TCP && proto != UDP) {
      throw new IllegalArgumentException("protocol must be 6 (tcp) or 17 (udp), got " + proto);
    }
    checkPort("sport", sport);
    checkPort("dport", dport);
    checkIface("inIface", inIface);
    checkIface("outIface", outIface);
    boolean usesIn = hook == Hook.FORWARD || (hook == Hook.INPUT) == (kind != Kind.REPLY);
    boolean usesOut = hook == Hook.FORWARD || !usesIn;
    if (usesIn && inIface == null || usesOut && outIface == null) {
      String needs = usesIn && usesOut ? "inIface and outIface" : usesIn ? "inIface" : "outIface";
      throw new IllegalArgumentException("a " + hook + " " + kind + " flow needs " + needs);
    }
  }

  /** A TCP {@code NEW} flow through {@code FORWARD} from {@code eth0} to {@code eth1}. */
  public static Flow tcp(String src, int sport, String dst, int dport) {
    return new Flow(4, ip(src), ip(dst), TCP, sport, dport, Kind.NEW, Hook.FORWARD, "eth0", "eth1");
  }

  /** A UDP {@code NEW} flow through {@code FORWARD} from {@code eth0} to {@code eth1}. */
  public static Flow udp(String src, int sport, String dst, int dport) {
    return new Flow(4, ip(src), ip(dst), UDP, sport, dport, Kind.NEW, Hook.FORWARD, "eth0", "eth1");
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
    return hook == Hook.OUTPUT ? null : kind == Kind.REPLY ? outIface : inIface;
  }

  /** The interface the tested packet leaves the ruleset host on; null for {@code INPUT}. */
  public String packetOutIface() {
    return hook == Hook.INPUT ? null : kind == Kind.REPLY ? inIface : outIface;
  }

  @Override
  public String toString() {
    return String.format(
        "%s %s %s:%d -> %s:%d %s [%s -> %s]",
        hook,
        proto == TCP ? "tcp" : "udp",
        src.getHostAddress(),
        sport,
        dst.getHostAddress(),
        dport,
        kind,
        inIface,
        outIface);
  }

  private static void checkPort(String name, int port) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(name + " must be 1..65535, got " + port);
    }
  }

  private static void checkIface(String name, String iface) {
    boolean bad = iface != null && !IFACE_NAME.matcher(iface).matches();
    if (bad || ".".equals(iface) || "..".equals(iface)) {
      throw new IllegalArgumentException(name + " is not a Linux interface name: '" + iface + "'");
    }
  }

  private static InetAddress ip(String literal) {
    if (!literal.matches("[0-9.]+")) {
      throw new IllegalArgumentException("not an IPv4 literal: " + literal);
    }
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IPv4 literal: " + literal, e);
    }
  }
}
