package dev.zpaaudit.checks.hosts;

import dev.zpaaudit.checks.CheckResult;
import dev.zpaaudit.model.host.Connector;
import dev.zpaaudit.model.host.Fact;
import dev.zpaaudit.model.host.FactKey;
import dev.zpaaudit.model.host.Inventory;
import dev.zpaaudit.model.host.Nic;
import java.util.List;
import java.util.Map;

/** R5: at least one network interface that is not a software device (loopback, bridge, ...). */
final class NicCheck {
  static final String ID = "host-nic";

  private NicCheck() {}

  static CheckResult run(Inventory inv, HostRules r) {
    Outcome o = new Outcome(ID, "R5");
    for (Connector c : inv.connectors()) {
      judge(o, c, r);
    }
    return o.result(
        r.severity(ID),
        "connectors",
        "have a network interface",
        "Give the connector at least " + r.nicMinimum().value() + " network interface.",
        "no connectors in the inventory");
  }

  private static void judge(Outcome o, Connector c, HostRules r) {
    Param<Long> min = r.nicMinimum();
    Fact<List<Nic>> nics = c.host().get(FactKey.NICS);
    Fact<Long> stated = c.host().get(FactKey.NIC_COUNT);
    long n;
    Fact<?> from;
    String names = "";
    if (nics.known()) {
      List<String> real = nics.value().stream().filter(x -> !x.virtual()).map(Nic::name).toList();
      n = real.size();
      from = nics;
      names =
          real.isEmpty()
              ? " (only software devices: "
                  + String.join(", ", nics.value().stream().map(Nic::name).toList())
                  + ")"
              : " (" + String.join(", ", real) + ")";
    } else if (stated.known()) {
      n = stated.value();
      from = stated;
    } else {
      o.unknown(c.name(), Known.at(nics, c), min, "NICs unknown: " + nics.missing(), null);
      return;
    }
    Map<String, Object> data = Map.of("measured", n, "required", min.value());
    if (n >= min.value()) {
      o.pass(c.name(), Known.at(from, c), min, n + " NIC(s)" + names, data);
    } else {
      o.fail(c.name(), Known.at(from, c), min, n + " NIC(s) < " + min.value() + names, data);
    }
  }
}
