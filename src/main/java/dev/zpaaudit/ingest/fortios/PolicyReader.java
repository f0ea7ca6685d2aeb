package dev.zpaaudit.ingest.fortios;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a VDOM's firewall policies, {@code firewall policy} then {@code firewall policy6}, each in
 * the order its entries stand. What a policy tests that is not modelled is kept as words for the
 * conversion to make indeterminate.
 */
final class PolicyReader {
  static final String POLICY = "firewall policy";
  static final String POLICY6 = "firewall policy6";

  private PolicyReader() {}

  static List<Policy> read(VdomNodes v) {
    List<Policy> out = new ArrayList<>();
    for (ConfigEntry e : v.own(POLICY)) {
      out.add(policy(e, POLICY));
    }
    for (ConfigEntry e : v.own(POLICY6)) {
      out.add(policy(e, POLICY6));
    }
    return out;
  }

  private static Policy policy(ConfigEntry e, String table) {
    boolean six = table.equals(POLICY6);
    PolicyMatch.Negation negation =
        new PolicyMatch.Negation(
            enabled(e, "srcaddr-negate"),
            enabled(e, "dstaddr-negate"),
            e.setting("srcaddr6-negate").isPresent()
                ? enabled(e, "srcaddr6-negate")
                : enabled(e, "srcaddr-negate"),
            e.setting("dstaddr6-negate").isPresent()
                ? enabled(e, "dstaddr6-negate")
                : enabled(e, "dstaddr-negate"),
            enabled(e, "service-negate"));
    PolicyMatch match =
        new PolicyMatch(
            e.values("srcintf"),
            e.values("dstintf"),
            six ? List.of() : e.values("srcaddr"),
            six ? List.of() : e.values("dstaddr"),
            six ? e.values("srcaddr") : e.values("srcaddr6"),
            six ? e.values("dstaddr") : e.values("dstaddr6"),
            negation,
            e.values("service"));
    boolean utm = enabled(e, "utm-status");
    return new Policy(
        e.name(),
        e.value("name").orElse(""),
        table,
        !e.is("status", "disable"),
        match,
        action(e),
        e.value("schedule").orElse("always"),
        unmodelled(e),
        utm ? e.value("ssl-ssh-profile") : Optional.empty(),
        e.line());
  }

  private static boolean enabled(ConfigEntry e, String key) {
    return e.is(key, "enable");
  }

  private static Policy.Action action(ConfigEntry e) {
    return switch (e.value("action").orElse("deny")) {
      case "accept" -> Policy.Action.ACCEPT;
      case "ipsec" -> Policy.Action.IPSEC;
      default ->
          enabled(e, "send-deny-packet") ? Policy.Action.DENY_WITH_PACKET : Policy.Action.DENY;
    };
  }

  /** The lists a policy may test that are not modelled, and the switches that enable one. */
  private static final List<String> LISTS =
      List.of(
          "users",
          "groups",
          "fsso-groups",
          "devices",
          "internet-service-name",
          "internet-service-id",
          "internet-service-group",
          "internet-service-custom",
          "internet-service-src-name",
          "internet-service-src-id",
          "internet-service-src-group",
          "internet-service-src-custom",
          "internet-service6-name",
          "internet-service6-src-name",
          "src-vendor-mac",
          "ztna-ems-tag",
          "ztna-geo-tag",
          "application",
          "url-category");

  private static final List<String> SWITCHES =
      List.of(
          "internet-service",
          "internet-service-src",
          "internet-service6",
          "internet-service6-src",
          "ztna-status");

  private static List<String> unmodelled(ConfigEntry e) {
    List<String> out = new ArrayList<>();
    for (String s : SWITCHES) {
      if (enabled(e, s)) {
        out.add(s + " enable");
      }
    }
    for (String l : LISTS) {
      List<String> v = e.values(l);
      if (!v.isEmpty()) {
        out.add(l + " " + String.join(",", v));
      }
    }
    return out;
  }
}
