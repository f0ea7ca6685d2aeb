package dev.zpaaudit.probe;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;

/** A host (name or address literal) and a port, as given on the command line or in a file. */
public record Endpoint(String host, int port) {
  public Endpoint {
    Objects.requireNonNull(host, "host");
    if (host.isEmpty() || port < 1 || port > 65535) {
      throw new IllegalArgumentException("bad endpoint '" + host + ":" + port + "'");
    }
  }

  /**
   * Parses {@code HOST}, {@code HOST:PORT}, {@code IPV6}, or {@code [IPV6]:PORT}; a missing port is
   * {@code defaultPort}. Throws IllegalArgumentException quoting the text.
   */
  public static Endpoint parse(String text, int defaultPort) {
    String s = text.trim();
    String host = s;
    String port = null;
    if (s.startsWith("[")) {
      int close = s.indexOf(']');
      if (close < 0 || (close + 1 < s.length() && s.charAt(close + 1) != ':')) {
        throw new IllegalArgumentException("not HOST[:PORT]: '" + text + "'");
      }
      host = s.substring(1, close);
      port = close + 1 < s.length() ? s.substring(close + 2) : null;
    } else if (s.indexOf(':') == s.lastIndexOf(':') && s.indexOf(':') >= 0) {
      host = s.substring(0, s.indexOf(':'));
      port = s.substring(s.indexOf(':') + 1);
    }
    int p = defaultPort;
    if (port != null) {
      if (!port.matches("\\d{1,5}")
          || Integer.parseInt(port) < 1
          || Integer.parseInt(port) > 65535) {
        throw new IllegalArgumentException("bad port in '" + text + "'");
      }
      p = Integer.parseInt(port);
    }
    if (host.isEmpty() || !host.matches("[A-Za-z0-9.:%_-]+")) {
      throw new IllegalArgumentException("not HOST[:PORT]: '" + text + "'");
    }
    return new Endpoint(host, p);
  }

  /** Whether the host is an IPv4 or IPv6 literal (no name lookup needed). */
  public boolean isLiteral() {
    return host.contains(":") || host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
  }

  /** Resolves the host through the system resolver (a literal is only parsed). */
  public InetSocketAddress resolve() throws java.net.UnknownHostException {
    return new InetSocketAddress(InetAddress.getByName(host), port);
  }

  @Override
  public String toString() {
    return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
  }

  /** {@code 192.0.2.1:443} or {@code [2001:db8::1]:443}. */
  public static String format(InetAddress a, int port) {
    return a instanceof Inet6Address
        ? "[" + a.getHostAddress() + "]:" + port
        : a.getHostAddress() + ":" + port;
  }

  public static String format(InetSocketAddress a) {
    return format(a.getAddress(), a.getPort());
  }
}
