package dev.zpaaudit.ingest.fortios;

import dev.zpaaudit.model.IpSet;
import java.util.List;
import java.util.Optional;

/**
 * Addresses with masks as FortiOS writes them, into {@code ADDRESS/LENGTH}: {@code 10.0.0.1
 * 255.255.255.0} (two words), {@code 10.0.0.1/24}, {@code 10.0.0.1/255.255.255.0}, and IPv6 {@code
 * 2001:db8::1/64}. The address keeps its host bits: an interface's address is written so.
 */
final class Prefixes {
  private Prefixes() {}

  /** The prefix the words of a setting write, if they write one. */
  static Optional<String> of(List<String> words) {
    if (words.size() == 2) {
      return withMask(words.get(0), words.get(1));
    }
    if (words.size() != 1) {
      return Optional.empty();
    }
    String w = words.get(0);
    int slash = w.indexOf('/');
    if (slash < 0) {
      return IpSet.tryParse(w).map(s -> w + (w.indexOf(':') >= 0 ? "/128" : "/32"));
    }
    String tail = w.substring(slash + 1);
    if (tail.indexOf('.') >= 0) {
      return withMask(w.substring(0, slash), tail);
    }
    return IpSet.tryParse(w).isPresent() ? Optional.of(w) : Optional.empty();
  }

  private static Optional<String> withMask(String address, String mask) {
    if (address.indexOf(':') >= 0 || IpSet.tryParse(address).isEmpty()) {
      return Optional.empty();
    }
    Optional<Long> m = ipv4(mask);
    if (m.isEmpty()) {
      return Optional.empty();
    }
    long bits = m.get();
    int len = Long.bitCount(bits);
    long contiguous = len == 0 ? 0 : (0xFFFFFFFFL << (32 - len)) & 0xFFFFFFFFL;
    return bits == contiguous ? Optional.of(address + "/" + len) : Optional.empty();
  }

  /** An IPv4 address as a number, if it is one. */
  static Optional<Long> ipv4(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return Optional.empty();
    }
    long x = 0;
    for (String p : parts) {
      if (!p.matches("\\d{1,3}") || Integer.parseInt(p) > 255) {
        return Optional.empty();
      }
      x = (x << 8) | Integer.parseInt(p);
    }
    return Optional.of(x);
  }

  /** Whether the words are the unset address {@code 0.0.0.0 0.0.0.0} (or {@code 0.0.0.0/0}). */
  static boolean isUnset(List<String> words) {
    return of(words).map(p -> p.equals("0.0.0.0/0") || p.equals("::/0")).orElse(false);
  }
}
