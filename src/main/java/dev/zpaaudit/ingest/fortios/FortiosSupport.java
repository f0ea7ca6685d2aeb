package dev.zpaaudit.ingest.fortios;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What of a VDOM's configuration bears on the traffic it forwards but is not modelled, declared as
 * data. A policy table that decides forwarded traffic is not read makes the verdicts indeterminate
 * (see {@link UnreadPolicies}); the rest is a warning at the line of its block, said only where the
 * block holds something. Everything else a configuration holds (administration, logging, security
 * profiles, wireless...) has no bearing on what is judged and is passed over.
 */
final class FortiosSupport {
  /** Policy tables that decide forwarded traffic and are not read, and why that matters. */
  static final Map<String, String> UNREAD_POLICIES =
      Map.of(
          "firewall security-policy",
          "security policies (policy-based NGFW mode) judge what the firewall policies accept, by"
              + " application and URL category, which is not modelled",
          "firewall consolidated policy",
          "consolidated policies (consolidated firewall mode) are not read");

  /** Blocks whose content is not modelled, and what the warning says of them. */
  static final Map<String, String> UNMODELLED =
      Map.ofEntries(
          Map.entry("firewall DoS-policy", "DoS policies may drop traffic they find anomalous"),
          Map.entry("firewall DoS-policy6", "DoS policies may drop traffic they find anomalous"),
          Map.entry("firewall interface-policy", "interface policies apply security profiles"),
          Map.entry("firewall interface-policy6", "interface policies apply security profiles"),
          Map.entry("firewall proxy-policy", "explicit proxy policies judge proxied traffic"),
          Map.entry("firewall policy46", "NAT46 policies translate between families"),
          Map.entry("firewall policy64", "NAT64 policies translate between families"),
          Map.entry("router bgp", "routes learnt by BGP are not in the export"),
          Map.entry("router ospf", "routes learnt by OSPF are not in the export"),
          Map.entry("router ospf6", "routes learnt by OSPFv3 are not in the export"),
          Map.entry("router rip", "routes learnt by RIP are not in the export"),
          Map.entry("router isis", "routes learnt by IS-IS are not in the export"));

  /** SD-WAN, where {@code status enable}: its rules steer traffic whatever the routes say. */
  static final List<String> SDWAN = List.of("system sdwan", "system virtual-wan-link");

  private FortiosSupport() {}

  /** The policy tables of the VDOM that are not read, where they hold policies. */
  static List<UnreadPolicies> unread(VdomNodes v) {
    List<UnreadPolicies> out = new ArrayList<>();
    UNREAD_POLICIES.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            u ->
                v.own()
                    .block(u.getKey())
                    .filter(b -> !b.entries().isEmpty())
                    .ifPresent(
                        b -> out.add(new UnreadPolicies(u.getKey(), u.getValue(), b.line()))));
    return out;
  }

  /** Warns of each block that holds something not modelled. */
  static void warn(VdomNodes v, Reading r) {
    for (Map.Entry<String, String> u : UNMODELLED.entrySet()) {
      v.own()
          .block(u.getKey())
          .filter(FortiosSupport::holdsSomething)
          .ifPresent(
              b ->
                  r.warning(
                      b.line(), "'config " + u.getKey() + "' is not modelled: " + u.getValue()));
    }
    for (String s : SDWAN) {
      v.block(s)
          .filter(b -> b.is("status", "enable"))
          .ifPresent(
              b ->
                  r.warning(
                      b.line(),
                      "'config "
                          + s
                          + "' is not modelled: its rules steer traffic over its members whatever"
                          + " the static routes say"));
    }
  }

  /** Whether a block sets anything or has entries, itself or in the blocks it holds. */
  static boolean holdsSomething(ConfigNode n) {
    if (!n.settings().isEmpty()) {
      return true;
    }
    if (n instanceof ConfigBlock b && !b.entries().isEmpty()) {
      return true;
    }
    return n.blocks().stream().anyMatch(FortiosSupport::holdsSomething);
  }
}
