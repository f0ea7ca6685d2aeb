package dev.zpaaudit.checks.hosts;

import dev.zpaaudit.checks.CheckResult;
import dev.zpaaudit.model.SourceLocation;
import dev.zpaaudit.model.host.Connector;
import dev.zpaaudit.model.host.Fact;
import dev.zpaaudit.model.host.FactKey;
import dev.zpaaudit.model.host.Inventory;
import java.util.Map;

/**
 * R1: memory per connector. A provisioned size (stated, or from the instance-type table) is
 * compared exactly. A measured size (online memory blocks, else MemTotal) reads a little below the
 * provisioned one, so a shortfall within the kernel's share is indeterminate, not a fail.
 */
final class MemoryCheck {
  static final String ID = "host-memory";

  private MemoryCheck() {}

  static CheckResult run(Inventory inv, HostRules r) {
    Outcome o = new Outcome(ID, "R1");
    for (Connector c : inv.connectors()) {
      judge(o, c, r);
    }
    String min = Known.gib(r.memory().minimumGiB().value() * Known.GIB);
    return o.result(
        r.severity(ID),
        "connectors",
        "have at least " + min + " RAM",
        "Give each connector at least " + min + " of RAM (reserved, on VMware).",
        "no connectors in the inventory");
  }

  private static void judge(Outcome o, Connector c, HostRules r) {
    Param<Double> min = r.memory().minimumGiB();
    double need = min.value() * Known.GIB;
    Fact<Long> provisioned = Known.provisionedMemory(c, r);
    if (provisioned.known()) {
      exact(o, c, r, provisioned, "provisioned", need);
      return;
    }
    Fact<Long> blocks = c.host().get(FactKey.INSTALLED_MEMORY_BYTES);
    Fact<Long> total = c.host().get(FactKey.MEMORY_BYTES);
    Fact<Long> m = blocks.known() ? blocks : total;
    String what = blocks.known() ? "online memory blocks" : "MemTotal";
    if (!m.known()) {
      o.unknown(c.name(), Known.at(total, c), min, "memory unknown: " + total.missing(), null);
      return;
    }
    Map<String, Object> data =
        Map.of("measuredBytes", m.value(), "requiredBytes", (long) need, "measure", what);
    double floor = need * (1 - r.memory().kernelReservePercent().value() / 100);
    String cmp = what + " " + Known.gib(m.value());
    if (m.value() >= need) {
      o.pass(c.name(), Known.at(m, c), min, cmp + " >= " + Known.gib(need), data);
    } else if (m.value() < floor) {
      belowMinimum(
          o,
          c,
          r,
          Known.at(m, c),
          cmp
              + " < "
              + Known.gib(floor)
              + " ("
              + Known.gib(need)
              + " less the kernel's share, "
              + r.memory().kernelReservePercent().cite()
              + ")",
          data);
    } else {
      o.unknown(
          c.name(),
          Known.at(m, c),
          min,
          cmp
              + " is below "
              + Known.gib(need)
              + " but within the kernel's share ("
              + r.memory().kernelReservePercent().cite()
              + "); state memoryGiB or the instance type for an exact verdict",
          data);
    }
  }

  private static void exact(
      Outcome o, Connector c, HostRules r, Fact<Long> f, String what, double need) {
    Map<String, Object> data =
        Map.of("measuredBytes", f.value(), "requiredBytes", (long) need, "measure", what);
    String cmp = Known.gib(f.value()) + " " + what;
    if (f.value() >= need) {
      o.pass(
          c.name(), Known.at(f, c), r.memory().minimumGiB(), cmp + " >= " + Known.gib(need), data);
    } else {
      belowMinimum(o, c, r, Known.at(f, c), cmp + " < " + Known.gib(need), data);
    }
  }

  private static void belowMinimum(
      Outcome o,
      Connector c,
      HostRules r,
      SourceLocation at,
      String msg,
      Map<String, Object> data) {
    if (r.memory().acceptRecommended().value() && Known.recommended(c, r)) {
      o.pass(
          c.name(),
          at,
          r.memory().acceptRecommended(),
          msg + ", accepted: " + Known.instanceType(c).value() + " is a recommended type (R3)",
          data);
    } else {
      o.fail(c.name(), at, r.memory().minimumGiB(), msg, data);
    }
  }
}
