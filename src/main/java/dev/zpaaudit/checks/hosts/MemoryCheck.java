package dev.zpaaudit.checks.hosts;

import dev.zpaaudit.checks.CheckResult;
import dev.zpaaudit.model.host.Connector;
import dev.zpaaudit.model.host.Fact;
import dev.zpaaudit.model.host.FactKey;
import dev.zpaaudit.model.host.Inventory;
import java.util.Map;

/** R1: memory per connector. */
final class MemoryCheck {
  static final String ID = "host-memory";

  private MemoryCheck() {}

  static CheckResult run(Inventory inv, HostRules r) {
    Outcome o = new Outcome(ID, "R1");
    for (Connector c : inv.connectors()) {
      judge(o, c, r);
    }
    return o.result(r.severity(ID), "connectors",
        "have at least " + Known.gib(r.memory().minimumGiB().value() * Known.GIB) + " RAM",
        "Give each connector at least " + Known.gib(r.memory().minimumGiB().value() * Known.GIB)
            + " of RAM (reserved, on VMware).", "no connectors in the inventory");
  }

  private static void judge(Outcome o, Connector c, HostRules r) {
    Param<Double> min = r.memory().minimumGiB();
    double need = min.value() * Known.GIB;
    Fact<Long> installed = Known.installedMemory(c, r);
    Fact<Long> total = c.host().get(FactKey.MEMORY_BYTES);
    if (installed.known()) {
      Map<String, Object> data = Map.of("measuredBytes", installed.value(), "requiredBytes", (long) need,
          "measure", "installed");
      if (installed.value() >= need) {
        o.pass(c.name(), Known.at(installed, c), min, Known.gib(installed.value()) + " installed >= "
            + Known.gib(need), data);
      } else {
        belowMinimum(o, c, r, Known.at(installed, c), Known.gib(installed.value()) + " installed < "
            + Known.gib(need), data);
      }
      return;
    }
    if (!total.known()) {
      o.unknown(c.name(), Known.at(total, c), min, "memory unknown: " + total.missing(), null);
      return;
    }
    Map<String, Object> data = Map.of("measuredBytes", total.value(), "requiredBytes", (long) need,
        "measure", "MemTotal");
    double floor = need * (1 - r.memory().kernelReservePercent().value() / 100);
    String cmp = "MemTotal " + Known.gib(total.value());
    if (total.value() >= need) {
      o.pass(c.name(), Known.at(total, c), min, cmp + " >= " + Known.gib(need), data);
    } else if (total.value() < floor) {
      belowMinimum(o, c, r, Known.at(total, c), cmp + " < " + Known.gib(floor) + " ("
          + Known.gib(need) + " less the kernel's share, " + r.memory().kernelReservePercent().cite()
          + ")", data);
    } else {
      o.unknown(c.name(), Known.at(total, c), min, cmp + " is below " + Known.gib(need)
          + " but within the kernel's share (" + r.memory().kernelReservePercent().cite()
          + "); the installed size is unknown (no memory blocks in /sys, no instance type)", data);
    }
  }

  private static void belowMinimum(Outcome o, Connector c, HostRules r,
      dev.zpaaudit.model.SourceLocation at, String msg, Map<String, Object> data) {
    if (r.memory().acceptRecommended().value() && Known.recommended(c, r)) {
      o.pass(c.name(), at, r.memory().acceptRecommended(), msg + ", accepted: "
          + c.instanceType().value() + " is a recommended type (R3)", data);
    } else {
      o.fail(c.name(), at, r.memory().minimumGiB(), msg, data);
    }
  }
}
