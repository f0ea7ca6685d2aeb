package dev.zpaaudit.checks.hosts;

import dev.zpaaudit.checks.CheckResult;
import dev.zpaaudit.model.host.Connector;
import dev.zpaaudit.model.host.Fact;
import dev.zpaaudit.model.host.FactKey;
import dev.zpaaudit.model.host.Inventory;
import dev.zpaaudit.model.host.Platform;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * R2: cores or vCPUs by platform (physical, VM, AWS/GCP, Azure by series), and AES-NI and a
 * PassMark CPU mark if asked. The CPU mark cannot be measured on the host: only a stated one
 * counts.
 */
final class CpuCheck {
  static final String ID = "host-cpu";

  private CpuCheck() {}

  static CheckResult run(Inventory inv, HostRules r) {
    Outcome o = new Outcome(ID, "R2");
    for (Connector c : inv.connectors()) {
      count(o, c, r);
      aesNi(o, c, r);
      passmark(o, c, r);
    }
    String fix =
        "Give physical hosts at least "
            + r.cpu().physicalCores().value()
            + " cores, VMs (and AWS,"
            + " GCP, Azure v3 or later) at least "
            + r.cpu().vmVcpus().value()
            + " vCPUs.";
    if (r.cpu().minimumPassmark().isPresent()) {
      fix +=
          " Use CPUs with a PassMark CPU mark of at least "
              + r.cpu().minimumPassmark().get().value()
              + " and state it per connector (passmark).";
    }
    return o.result(
        r.severity(ID),
        "connectors",
        "have the cores or vCPUs R2 asks for their platform",
        fix,
        "no connectors in the inventory");
  }

  private static void count(Outcome o, Connector c, HostRules r) {
    Platform p = c.platform().value();
    if (p == Platform.PHYSICAL) {
      Fact<Long> cores = c.host().get(FactKey.CORES);
      Fact<Boolean> ht = c.host().get(FactKey.HYPER_THREADING);
      String htNote =
          ht.known()
              ? (ht.value()
                  ? " (hyper-threading on; cores counted without it)"
                  : " (no hyper-threading)")
              : "";
      compare(o, c, cores, r.cpu().physicalCores(), "physical cores", htNote);
      return;
    }
    Fact<Long> v = Known.vcpus(c, r);
    if (p.privateCloudVm()) {
      compare(o, c, v, r.cpu().vmVcpus(), "vCPUs", " (VM)");
    } else if (p == Platform.AWS || p == Platform.GCP) {
      compare(o, c, v, r.cpu().awsGcpVcpus(), "vCPUs", " (" + p.label() + ")");
    } else {
      azure(o, c, v, r);
    }
  }

  private static void azure(Outcome o, Connector c, Fact<Long> v, HostRules r) {
    Param<Long> old = r.cpu().azureBeforeV3Cores();
    Param<Long> v3 = r.cpu().azureV3Vcpus();
    Fact<String> type = Known.instanceType(c);
    if (type.known()) {
      int ver = InstanceType.azureVersion(type.value());
      String series = type.value() + " is series v" + ver;
      compare(
          o,
          c,
          v,
          ver >= 3 ? v3 : old,
          "vCPUs",
          " (Azure: " + series + (ver >= 3 ? ", v3 or later" : ", older than v3") + ")");
      return;
    }
    if (v.known() && v.value() >= Math.max(old.value(), v3.value())) {
      compare(o, c, v, v3, "vCPUs", " (Azure; enough for any series)");
    } else if (v.known() && v.value() < Math.min(old.value(), v3.value())) {
      compare(o, c, v, old, "vCPUs", " (Azure; too few for any series)");
    } else {
      o.unknown(
          c.name(),
          c.at(),
          v3,
          (v.known() ? v.value() + " vCPUs" : "vCPUs unknown")
              + ": Azure needs "
              + old.value()
              + " before v3 and "
              + v3.value()
              + " from v3; the instance type is not stated",
          null);
    }
  }

  private static void compare(
      Outcome o, Connector c, Fact<Long> have, Param<Long> need, String unit, String note) {
    if (!have.known()) {
      o.unknown(c.name(), Known.at(have, c), need, unit + " unknown: " + have.missing(), null);
      return;
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("measured", have.value());
    data.put("required", need.value());
    data.put("unit", unit);
    Fact<String> model = c.host().get(FactKey.CPU_MODEL);
    if (model.known()) {
      data.put("cpuModel", model.value());
    }
    if (have.value() >= need.value()) {
      o.pass(
          c.name(),
          Known.at(have, c),
          need,
          have.value() + " " + unit + " >= " + need.value() + note,
          data);
    } else {
      o.fail(
          c.name(),
          Known.at(have, c),
          need,
          have.value() + " " + unit + " < " + need.value() + note,
          data);
    }
  }

  private static void aesNi(Outcome o, Connector c, HostRules r) {
    Param<Boolean> req = r.cpu().requireAesNi();
    if (!req.value()) {
      return;
    }
    Fact<Boolean> aes = c.host().get(FactKey.AES_NI);
    if (!aes.known()) {
      o.unknown(c.name(), Known.at(aes, c), req, "AES-NI unknown: " + aes.missing(), null);
    } else if (aes.value()) {
      o.pass(c.name(), Known.at(aes, c), req, "AES-NI present", Map.of("aesNi", true));
    } else {
      o.fail(
          c.name(),
          Known.at(aes, c),
          req,
          "AES-NI missing (no 'aes' CPU flag)",
          Map.of("aesNi", false));
    }
  }

  private static void passmark(Outcome o, Connector c, HostRules r) {
    if (r.cpu().minimumPassmark().isEmpty()) {
      return;
    }
    Param<Long> need = r.cpu().minimumPassmark().get();
    Fact<Long> mark = c.host().get(FactKey.PASSMARK);
    Fact<String> model = c.host().get(FactKey.CPU_MODEL);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("requiredPassmark", need.value());
    if (model.known()) {
      data.put("cpuModel", model.value());
    }
    if (!mark.known()) {
      String cpu =
          model.known()
              ? "look up the CPU mark of " + model.value() + " (" + model.where() + ")"
              : "the CPU model is unknown too; look up the CPU's mark";
      o.unknown(
          c.name(),
          Known.at(mark, c),
          need,
          "PassMark CPU mark not stated (it cannot be measured"
              + " on the host): "
              + cpu
              + " and state it as passmark in the inventory",
          data);
      return;
    }
    data.put("passmark", mark.value());
    String cmp = "PassMark CPU mark " + mark.value() + " (stated)";
    if (mark.value() >= need.value()) {
      o.pass(c.name(), Known.at(mark, c), need, cmp + " >= " + need.value(), data);
    } else {
      o.fail(c.name(), Known.at(mark, c), need, cmp + " < " + need.value(), data);
    }
  }
}
