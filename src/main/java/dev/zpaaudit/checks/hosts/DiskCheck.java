package dev.zpaaudit.checks.hosts;

import dev.zpaaudit.checks.CheckResult;
import dev.zpaaudit.model.host.Connector;
import dev.zpaaudit.model.host.Fact;
import dev.zpaaudit.model.host.FactKey;
import dev.zpaaudit.model.host.Inventory;
import java.util.Map;

/**
 * R4: the disk holding the install path: its provisioned size as the guest sees it (the block
 * device, or a stated {@code diskGiB}), else the file system. Whether a virtual disk is thin or
 * thick cannot be seen from inside the guest: only a stated {@code diskProvisioning} is judged, on
 * the customer's own hypervisors (VMware, KVM), where the choice is the user's.
 */
final class DiskCheck {
  static final String ID = "host-disk";

  private DiskCheck() {}

  static CheckResult run(Inventory inv, HostRules r) {
    Outcome o = new Outcome(ID, "R4");
    for (Connector c : inv.connectors()) {
      judge(o, c, r);
      provisioning(o, c, r);
    }
    String min = Known.gib(r.disk().minimumGiB().value() * Known.GIB);
    return o.result(
        r.severity(ID),
        "connectors",
        "have at least " + min + " of disk",
        "Give the connector a disk of at least "
            + min
            + " (thin provisioned) for "
            + r.disk().installPath().value()
            + ".",
        "no connectors in the inventory");
  }

  private static void judge(Outcome o, Connector c, HostRules r) {
    Param<Double> min = r.disk().minimumGiB();
    double need = min.value() * Known.GIB;
    Fact<Long> disk = c.host().get(FactKey.DISK_BYTES);
    Fact<Long> fs = c.host().get(FactKey.FILESYSTEM_BYTES);
    Fact<String> path = c.host().get(FactKey.INSTALL_PATH);
    String on = path.known() ? " for " + path.value() : "";
    if (disk.known()) {
      Map<String, Object> data =
          Map.of("measuredBytes", disk.value(), "requiredBytes", (long) need, "measure", "device");
      String cmp = "device " + Known.gib(disk.value()) + on;
      if (disk.value() >= need) {
        o.pass(c.name(), Known.at(disk, c), min, cmp + " >= " + Known.gib(need), data);
        return;
      }
      if (!fs.known()) {
        o.fail(c.name(), Known.at(disk, c), min, cmp + " < " + Known.gib(need), data);
        return;
      }
    }
    if (!fs.known()) {
      o.unknown(c.name(), Known.at(disk, c), min, "disk size unknown: " + disk.missing(), null);
      return;
    }
    Map<String, Object> data =
        Map.of("measuredBytes", fs.value(), "requiredBytes", (long) need, "measure", "filesystem");
    String cmp = "file system " + Known.gib(fs.value()) + on;
    double floor = need * (1 - r.disk().filesystemOverheadPercent().value() / 100);
    if (fs.value() >= need) {
      o.pass(c.name(), Known.at(fs, c), min, cmp + " >= " + Known.gib(need), data);
    } else if (disk.known() || fs.value() < floor) {
      o.fail(
          c.name(),
          Known.at(fs, c),
          min,
          cmp
              + " < "
              + Known.gib(disk.known() ? need : floor)
              + (disk.known()
                  ? " and device " + Known.gib(disk.value()) + " < " + Known.gib(need)
                  : " ("
                      + Known.gib(need)
                      + " less "
                      + r.disk().filesystemOverheadPercent().cite()
                      + ")"),
          data);
    } else {
      o.unknown(
          c.name(),
          Known.at(fs, c),
          min,
          cmp
              + " is below "
              + Known.gib(need)
              + " but within file-system overhead and the device size is unknown",
          data);
    }
  }

  private static void provisioning(Outcome o, Connector c, HostRules r) {
    Param<Boolean> req = r.disk().requireThin();
    Fact<String> prov = c.host().get(FactKey.DISK_PROVISIONING);
    if (!c.platform().value().privateCloudVm()) {
      if (prov.known()) {
        o.note(
            "info",
            c.name(),
            Known.at(prov, c),
            "diskProvisioning "
                + prov.value()
                + " not judged:"
                + " thin or thick provisioning is judged on VMware and KVM only, not on "
                + c.platform().value().label());
      }
      return;
    }
    if (!prov.known()) {
      if (req.value()) {
        o.unknown(
            c.name(),
            Known.at(prov, c),
            req,
            "disk provisioning unknown: a guest cannot see whether"
                + " its virtual disk is thin or thick; state diskProvisioning (thin or thick)",
            null);
      }
      return;
    }
    Map<String, Object> data = Map.of("diskProvisioning", prov.value());
    if (prov.value().equals("thin")) {
      if (req.value()) {
        o.pass(c.name(), Known.at(prov, c), req, "disk thin provisioned (stated)", data);
      }
    } else if (req.value()) {
      o.fail(
          c.name(),
          Known.at(prov, c),
          req,
          "disk thick provisioned (stated); R4 asks for thin" + " provisioning",
          data);
    } else {
      o.note(
          "warning",
          c.name(),
          Known.at(prov, c),
          "disk thick provisioned (stated): allowed ("
              + req.cite()
              + "), but R4 calls for thin provisioning");
    }
  }
}
