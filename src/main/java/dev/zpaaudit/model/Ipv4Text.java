package dev.zpaaudit.model;

import java.nio.charset.StandardCharsets;

/**
 * IPv4 addresses as text, read and written by hand: exports and reports hold hundreds of thousands
 * of them.
 */
final class Ipv4Text {
  private Ipv4Text() {}

  /**
   * A dotted-quad IPv4 address (four groups of 1 to 3 decimal digits, each at most 255) as a
   * number, or -1.
   */
  static long parse(String s) {
    long x = 0;
    int groups = 0;
    int i = 0;
    while (groups < 4) {
      int start = i;
      int v = 0;
      while (i < s.length() && i - start < 4 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        v = v * 10 + (s.charAt(i) - '0');
        i++;
      }
      if (i == start || i - start > 3 || v > 255) {
        return -1;
      }
      x = (x << 8) | v;
      groups++;
      if (groups < 4) {
        if (i >= s.length() || s.charAt(i) != '.') {
          return -1;
        }
        i++;
      }
    }
    return i == s.length() ? x : -1;
  }

  /** "a.b.c.d/len", written digit by digit: a report may list hundreds of thousands. */
  static String cidr(long x, int len) {
    byte[] b = new byte[18];
    int n = 0;
    for (int shift = 24; shift >= 0; shift -= 8) {
      n = digits(b, n, (int) ((x >>> shift) & 255));
      b[n++] = (byte) (shift == 0 ? '/' : '.');
    }
    n = digits(b, n, len);
    return new String(b, 0, n, StandardCharsets.ISO_8859_1);
  }

  /** Writes 0..255 in decimal at {@code n}; returns where it ends. */
  private static int digits(byte[] b, int n, int v) {
    if (v >= 100) {
      b[n++] = (byte) ('0' + v / 100);
    }
    if (v >= 10) {
      b[n++] = (byte) ('0' + v / 10 % 10);
    }
    b[n++] = (byte) ('0' + v % 10);
    return n;
  }
}
