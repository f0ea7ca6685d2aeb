package dev.zpaaudit.model;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/** Addresses as text: reading CIDRs, addresses and ranges into sets, and writing IPv6 addresses. */
final class IpText {
  private IpText() {}

  /** A CIDR, a bare address or a range ("10.0.0.1-10.0.0.9"), or empty. */
  static Optional<IpSet> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String s = text.trim();
    int dash = s.indexOf('-');
    if (dash > 0) {
      Optional<long[]> a = address(s.substring(0, dash));
      Optional<long[]> b = address(s.substring(dash + 1));
      if (a.isEmpty() || b.isEmpty() || a.get()[2] != b.get()[2]) {
        return Optional.empty();
      }
      long[] x = a.get();
      long[] y = b.get();
      if (IpSet.compare(x[0], x[1], y[0], y[1]) > 0) {
        return Optional.empty();
      }
      return Optional.of(IpSet.range((int) x[2], x[0], x[1], y[0], y[1]));
    }
    int slash = s.indexOf('/');
    String addr = slash < 0 ? s : s.substring(0, slash);
    Optional<long[]> a = address(addr);
    if (a.isEmpty()) {
      return Optional.empty();
    }
    long[] x = a.get();
    int family = (int) x[2];
    int bits = family == 4 ? 32 : 128;
    int len = bits;
    if (slash >= 0) {
      String p = s.substring(slash + 1);
      if (p.isEmpty() || p.length() > 3 || !allDigits(p)) {
        return Optional.empty();
      }
      len = Integer.parseInt(p);
      if (len > bits) {
        return Optional.empty();
      }
    }
    return Optional.of(IpSet.prefix(family, x[0], x[1], len));
  }

  private static boolean allDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Returns {high, low, family} for a literal IPv4 or IPv6 address; no name lookups. */
  private static Optional<long[]> address(String s) {
    if (s.isEmpty() || s.length() > 45) {
      return Optional.empty();
    }
    boolean v6 = s.indexOf(':') >= 0;
    if (!v6) {
      long x = Ipv4Text.parse(s);
      return x < 0 ? Optional.empty() : Optional.of(new long[] {0, x, 4});
    }
    if (!V6_CHARS.matcher(s).matches()) {
      return Optional.empty();
    }
    try {
      byte[] b = InetAddress.getByName(s).getAddress();
      if (v6 && b.length == 4) {
        // Java reads an IPv4-mapped IPv6 address (::ffff:a.b.c.d) as IPv4; it is an IPv6 address.
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xFF;
        mapped[11] = (byte) 0xFF;
        System.arraycopy(b, 0, mapped, 12, 4);
        b = mapped;
      }
      return Optional.of(fromBytes(b));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  private static final java.util.regex.Pattern V6_CHARS =
      java.util.regex.Pattern.compile("[0-9A-Fa-f:.]+");

  /** {high, low, family} of an address's 4 or 16 bytes. */
  static long[] fromBytes(byte[] b) {
    if (b.length == 4) {
      long x =
          ((b[0] & 0xFFL) << 24) | ((b[1] & 0xFFL) << 16) | ((b[2] & 0xFFL) << 8) | (b[3] & 0xFFL);
      return new long[] {0, x, 4};
    }
    long hi = 0;
    long lo = 0;
    for (int i = 0; i < 8; i++) {
      hi = (hi << 8) | (b[i] & 0xFFL);
      lo = (lo << 8) | (b[i + 8] & 0xFFL);
    }
    return new long[] {hi, lo, 6};
  }

  /** The address (high, low) of a family (4 or 6) as an InetAddress. */
  static InetAddress toInet(int family, long h, long l) {
    byte[] b = new byte[family == 4 ? 4 : 16];
    if (family == 4) {
      for (int i = 0; i < 4; i++) {
        b[i] = (byte) (l >>> (24 - 8 * i));
      }
    } else {
      for (int i = 0; i < 8; i++) {
        b[i] = (byte) (h >>> (56 - 8 * i));
        b[i + 8] = (byte) (l >>> (56 - 8 * i));
      }
    }
    try {
      // Inet6Address keeps an IPv4-mapped address (::ffff:a.b.c.d) IPv6; getByAddress would not.
      return family == 4
          ? InetAddress.getByAddress(b)
          : java.net.Inet6Address.getByAddress(null, b, -1);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An IPv6 address (high, low) in its RFC 5952 form ("2001:db8::1"). */
  static String v6(long h, long l) {
    return compressV6(toInet(6, h, l).getHostAddress());
  }

  private static String compressV6(String full) {
    // InetAddress prints 2001:db8:0:0:0:0:0:1; use the RFC 5952 form 2001:db8::1.
    String[] parts = full.split(":");
    int bestStart = -1;
    int bestLen = 0;
    for (int i = 0; i < parts.length; ) {
      if (parts[i].equals("0")) {
        int j = i;
        while (j < parts.length && parts[j].equals("0")) {
          j++;
        }
        if (j - i > bestLen && j - i > 1) {
          bestStart = i;
          bestLen = j - i;
        }
        i = j;
      } else {
        i++;
      }
    }
    if (bestStart < 0) {
      return full;
    }
    String head = String.join(":", Arrays.copyOfRange(parts, 0, bestStart));
    String tail = String.join(":", Arrays.copyOfRange(parts, bestStart + bestLen, parts.length));
    return head + "::" + tail;
  }
}
