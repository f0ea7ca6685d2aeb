package dev.zpaaudit.checks.hosts;

import dev.zpaaudit.checks.CheckResult;
import dev.zpaaudit.model.host.Connector;
import dev.zpaaudit.model.host.Inventory;
import dev.zpaaudit.model.host.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * R10 (AWS): a provisioning key serves one Region, and within it one VPC unless the VPCs that share
 * it are peered with each other (peering is not transitive, so each pair must be peered). A peering
 * stated on any connector of a VPC counts for that VPC, both ways.
 */
final class ProvisioningKeyCheck {
  static final String ID = "provisioning-key";

  private ProvisioningKeyCheck() {}

  static CheckResult run(Inventory inv, HostRules r) {
    Outcome o = new Outcome(ID, "R10");
    Map<String, List<Connector>> byKey = new TreeMap<>();
    for (Connector c : inv.connectors()) {
      if (c.platform().value() != Platform.AWS) {
        continue;
      }
      if (!c.provisioningKey().known()) {
        o.unknown(c.name(), c.at(), null, "provisioning key not stated", null);
      } else {
        byKey.computeIfAbsent(c.provisioningKey().value(), k -> new ArrayList<>()).add(c);
      }
    }
    java.util.Set<String> peerings = new java.util.HashSet<>();
    for (Connector c : inv.connectors()) {
      if (c.vpc().known() && c.peeredVpcs().known()) {
        c.peeredVpcs()
            .value()
            .forEach(
                p -> {
                  peerings.add(c.vpc().value() + " " + p);
                  peerings.add(p + " " + c.vpc().value());
                });
      }
    }
    byKey.forEach((key, cs) -> judge(o, key, cs, peerings));
    return o.result(
        r.severity(ID),
        "AWS provisioning keys",
        "serve one Region and one VPC (or peered VPCs)",
        "Create one provisioning key per AWS Region, and per VPC where VPCs are not peered.",
        "no AWS connectors in the inventory");
  }

  private static void judge(
      Outcome o, String key, List<Connector> cs, java.util.Set<String> peerings) {
    String subject = "key " + key;
    Connector first = cs.get(0);
    List<String> names = cs.stream().map(Connector::name).toList();
    for (Connector c : cs) {
      if (!c.region().known() || !c.vpc().known()) {
        o.unknown(
            subject,
            c.at(),
            null,
            c.name() + ": " + (c.region().known() ? "VPC" : "Region") + " not stated",
            null);
        return;
      }
    }
    TreeSet<String> regions = new TreeSet<>();
    cs.forEach(c -> regions.add(c.region().value()));
    if (regions.size() > 1) {
      Connector other =
          cs.stream()
              .filter(c -> !c.region().value().equals(first.region().value()))
              .findFirst()
              .orElse(first);
      o.fail(
          subject,
          other.provisioningKey().at(),
          null,
          "used in "
              + regions.size()
              + " Regions ("
              + String.join(", ", regions)
              + ") by "
              + String.join(", ", names),
          Map.of("regions", List.copyOf(regions)));
      return;
    }
    for (int i = 0; i < cs.size(); i++) {
      for (int j = i + 1; j < cs.size(); j++) {
        Connector a = cs.get(i);
        Connector b = cs.get(j);
        String va = a.vpc().value();
        String vb = b.vpc().value();
        if (!va.equals(vb) && !peerings.contains(va + " " + vb)) {
          o.fail(
              subject,
              b.provisioningKey().at(),
              null,
              "used in VPCs "
                  + va
                  + " ("
                  + a.name()
                  + ") and "
                  + vb
                  + " ("
                  + b.name()
                  + "), which are not peered",
              Map.of("vpcs", List.of(va, vb)));
          return;
        }
      }
    }
    TreeSet<String> vpcs = new TreeSet<>();
    cs.forEach(c -> vpcs.add(c.vpc().value()));
    o.pass(
        subject,
        first.provisioningKey().at(),
        null,
        "Region "
            + regions.first()
            + ", VPC(s) "
            + String.join(", ", vpcs)
            + (vpcs.size() > 1 ? " (peered)" : "")
            + ", used by "
            + String.join(", ", names),
        Map.of("regions", List.copyOf(regions), "vpcs", List.copyOf(vpcs)));
  }
}
