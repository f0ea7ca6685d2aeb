package dev.zpaaudit.checks.hosts;

import dev.zpaaudit.checks.CheckResult;
import dev.zpaaudit.model.host.Connector;
import dev.zpaaudit.model.host.Fact;
import dev.zpaaudit.model.host.Inventory;
import dev.zpaaudit.model.host.Platform;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * R3: a cloud connector's instance type is recommended, or, from the instance-type table, meets R1
 * (memory), R2 (vCPUs) and R9 (x86_64). Physical and private-cloud (VMware, KVM) connectors do not
 * apply. The type judged is the one the host reports in its DMI strings where it reports one (AWS),
 * else the inventory's; a disagreement between the two is a warning naming both.
 */
final class InstanceTypeCheck {
  static final String ID = "instance-type";

  private InstanceTypeCheck() {}

  static CheckResult run(Inventory inv, HostRules r) {
    Outcome o = new Outcome(ID, "R3");
    for (Connector c : inv.connectors()) {
      if (c.platform().value().publicCloud()) {
        judge(o, c, r);
      }
    }
    return o.result(
        r.severity(ID),
        "cloud connectors",
        "use a recommended type or one that meets R1 and R2",
        "Use a recommended instance type ("
            + recommended(r)
            + ") or one with enough vCPUs and memory.",
        "no cloud connectors in the inventory");
  }

  private static String recommended(HostRules r) {
    List<String> all = new ArrayList<>();
    r.instances().recommended().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> all.add(e.getKey().label() + ": " + String.join(", ", e.getValue().value())));
    return String.join("; ", all);
  }

  private static void judge(Outcome o, Connector c, HostRules r) {
    Platform p = c.platform().value();
    Param<List<String>> rec = r.instances().recommended().get(p);
    Optional<Fact<String>> host = Known.hostInstanceType(c);
    Fact<String> judged = host.orElse(c.instanceType());
    if (!judged.known()) {
      String dmi =
          Dmi.seen(c)
              .map(s -> "; the host's DMI strings (" + s.describe() + ") do not name it")
              .orElse("");
      o.unknown(c.name(), c.at(), rec, "instance type not stated" + dmi, null);
      return;
    }
    String type = judged.value();
    String shown = type;
    boolean fromHost = host.isPresent();
    if (fromHost) {
      if (!c.instanceType().known()) {
        shown =
            type
                + " (the host's DMI product name, "
                + judged.where()
                + "; not stated in the inventory)";
      } else if (!c.instanceType().value().trim().equalsIgnoreCase(type)) {
        o.note(
            "warning",
            c.name(),
            c.instanceType().at(),
            "the inventory states instance type "
                + c.instanceType().value()
                + " ("
                + c.instanceType().where()
                + ") but the host's DMI product"
                + " name is "
                + type
                + " ("
                + judged.where()
                + "); "
                + type
                + ", what the host runs as,"
                + " is judged");
      }
    }
    Optional<String> match = r.instances().recommendedMatch(p, type);
    if (match.isPresent()) {
      o.pass(
          c.name(),
          judged.at(),
          rec,
          shown + " is recommended (" + match.get() + ")",
          Map.of("instanceType", type, "recommended", true, "instanceTypeFrom", from(fromHost)));
      return;
    }
    Optional<InstanceType> row = r.instances().find(p, type);
    if (row.isEmpty()) {
      o.unknown(
          c.name(),
          judged.at(),
          rec,
          shown
              + " is not recommended and not in the "
              + "instance-type table, so its vCPUs and memory are unknown (add it with --instance-types)",
          Map.of("instanceType", type, "recommended", false, "instanceTypeFrom", from(fromHost)));
      return;
    }
    InstanceType t = row.get();
    List<String> shortfalls = shortfalls(c, t, r);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("instanceType", type);
    data.put("recommended", false);
    data.put("instanceTypeFrom", from(fromHost));
    data.put("vcpus", t.vcpus());
    data.put("memoryGiB", t.memoryGiB());
    data.put("arch", t.arch());
    String what =
        shown
            + " ("
            + t.vcpus()
            + " vCPUs, "
            + dev.zpaaudit.model.host.Throughput.number(t.memoryGiB())
            + " GiB, "
            + t.arch()
            + ", "
            + t.at()
            + ")";
    if (shortfalls.isEmpty()) {
      o.pass(
          c.name(),
          judged.at(),
          rec,
          what + " is not a recommended type but meets R1, R2 and R9",
          data);
    } else {
      o.fail(c.name(), judged.at(), rec, what + ": " + String.join("; ", shortfalls), data);
    }
  }

  private static String from(boolean host) {
    return host ? "host" : "inventory";
  }

  private static List<String> shortfalls(Connector c, InstanceType t, HostRules r) {
    List<String> out = new ArrayList<>();
    double min = r.memory().minimumGiB().value();
    if (t.memoryGiB() < min) {
      out.add(
          "memory "
              + dev.zpaaudit.model.host.Throughput.number(t.memoryGiB())
              + " GiB < "
              + dev.zpaaudit.model.host.Throughput.number(min)
              + " GiB (R1)");
    }
    long need =
        c.platform().value() == Platform.AZURE
            ? (InstanceType.azureVersion(t.name()) >= 3
                    ? r.cpu().azureV3Vcpus()
                    : r.cpu().azureBeforeV3Cores())
                .value()
            : r.cpu().awsGcpVcpus().value();
    if (t.vcpus() < need) {
      out.add(t.vcpus() + " vCPUs < " + need + " (R2)");
    }
    if (!r.platform().architectures().value().contains(t.arch())) {
      out.add(
          t.arch()
              + " is not "
              + String.join(" or ", r.platform().architectures().value())
              + " (R9)");
    }
    return out;
  }
}
