package dev.zpaaudit.ingest.azure;

import java.util.List;

/**
 * The default rules Azure gives every network security group, by name, for an export that leaves
 * them out: lowest in priority, after the group's own rules.
 */
final class AzureDefaults {
  private AzureDefaults() {}

  static List<NsgRule> rules() {
    return List.of(
        rule(
            "AllowVnetInBound",
            65000,
            NsgRule.Direction.INBOUND,
            true,
            "VirtualNetwork",
            "VirtualNetwork"),
        rule(
            "AllowAzureLoadBalancerInBound",
            65001,
            NsgRule.Direction.INBOUND,
            true,
            "AzureLoadBalancer",
            "*"),
        rule("DenyAllInBound", 65500, NsgRule.Direction.INBOUND, false, "*", "*"),
        rule(
            "AllowVnetOutBound",
            65000,
            NsgRule.Direction.OUTBOUND,
            true,
            "VirtualNetwork",
            "VirtualNetwork"),
        rule("AllowInternetOutBound", 65001, NsgRule.Direction.OUTBOUND, true, "*", "Internet"),
        rule("DenyAllOutBound", 65500, NsgRule.Direction.OUTBOUND, false, "*", "*"));
  }

  private static NsgRule rule(
      String name, int priority, NsgRule.Direction d, boolean allow, String src, String dst) {
    return new NsgRule(
        name,
        priority,
        d,
        allow,
        "*",
        List.of(src),
        List.of("*"),
        List.of(dst),
        List.of("*"),
        List.of(),
        List.of(),
        true,
        0);
  }
}
