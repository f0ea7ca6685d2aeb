package dev.zpaaudit.ingest.fortios;

import java.util.List;

/**
 * What a firewall policy matches on, as written: interfaces or zones ({@code any} for every one),
 * IPv4 addresses ({@code srcaddr}, {@code dstaddr}) and IPv6 ones ({@code srcaddr6}, {@code
 * dstaddr6}, or a {@code policy6}'s {@code srcaddr} and {@code dstaddr}), services, and what is
 * negated. A policy matches a family's traffic only where it names addresses of that family.
 */
record PolicyMatch(
    List<String> srcintf,
    List<String> dstintf,
    List<String> srcaddr,
    List<String> dstaddr,
    List<String> srcaddr6,
    List<String> dstaddr6,
    Negation negation,
    List<String> services) {
  /** Which of a policy's lists are negated ({@code srcaddr-negate}...). */
  record Negation(
      boolean source, boolean destination, boolean source6, boolean destination6, boolean service) {
    static final Negation NONE = new Negation(false, false, false, false, false);
  }

  PolicyMatch {
    srcintf = List.copyOf(srcintf);
    dstintf = List.copyOf(dstintf);
    srcaddr = List.copyOf(srcaddr);
    dstaddr = List.copyOf(dstaddr);
    srcaddr6 = List.copyOf(srcaddr6);
    dstaddr6 = List.copyOf(dstaddr6);
    services = List.copyOf(services);
  }

  /** Whether an interface list names every interface. */
  static boolean isAny(List<String> interfaces) {
    return interfaces.isEmpty() || interfaces.contains("any");
  }
}
