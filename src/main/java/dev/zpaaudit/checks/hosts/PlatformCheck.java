package dev.zpaaudit.checks.hosts;

import dev.zpaaudit.checks.CheckResult;
import dev.zpaaudit.model.host.Connector;
import dev.zpaaudit.model.host.Fact;
import dev.zpaaudit.model.host.FactKey;
import dev.zpaaudit.model.host.Inventory;
import dev.zpaaudit.model.host.Nic;
import dev.zpaaudit.model.host.Platform;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * R9: x86_64, booted with systemd, a static MAC address on every hardware NIC, and root or sudo (as
 * collected for the collecting account, or stated).
 */
final class PlatformCheck {
  static final String ID = "host-platform";

  private PlatformCheck() {}

  static CheckResult run(Inventory inv, HostRules r) {
    Outcome o = new Outcome(ID, "R9");
    for (Connector c : inv.connectors()) {
      dmi(o, c);
      arch(o, c, r);
      if (r.platform().requireSystemd().value()) {
        systemd(o, c, r);
      }
      if (r.platform().requireStaticMac().value()) {
        mac(o, c, r);
      }
      if (r.platform().requireRootOrSudo().value()) {
        privileged(o, c, r);
      }
    }
    return o.result(
        r.severity(ID),
        "connectors",
        "are x86_64 with systemd and static MAC addresses",
        "Run the connector on an x86_64 host booted with systemd, with a static MAC address, and"
            + " install it as root or through sudo.",
        "no connectors in the inventory");
  }

  /** A warning when the host's DMI strings name another platform than the inventory does. */
  private static void dmi(Outcome o, Connector c) {
    Optional<Dmi.Seen> seen = Dmi.seen(c);
    Optional<Platform> p = seen.flatMap(Dmi::platform);
    Platform stated = c.platform().value();
    if (p.isPresent() && p.get() != stated) {
      o.note(
          "warning",
          c.name(),
          c.platform().at(),
          "the inventory states platform "
              + stated.label()
              + " ("
              + c.platform().where()
              + ") but the host's DMI strings ("
              + seen.get().describe()
              + ") show "
              + Dmi.platformWords(p.get())
              + "; the checks use the inventory's platform");
    }
  }

  private static void arch(Outcome o, Connector c, HostRules r) {
    Param<List<String>> ok = r.platform().architectures();
    Fact<String> a = Known.arch(c, r);
    if (!a.known()) {
      o.unknown(c.name(), Known.at(a, c), ok, "architecture unknown: " + a.missing(), null);
    } else if (ok.value().contains(a.value().toLowerCase(Locale.ROOT))) {
      o.pass(
          c.name(),
          Known.at(a, c),
          ok,
          "architecture " + a.value(),
          Map.of("architecture", a.value()));
    } else {
      o.fail(
          c.name(),
          Known.at(a, c),
          ok,
          "architecture " + a.value() + " is not " + String.join(" or ", ok.value()),
          Map.of("architecture", a.value()));
    }
  }

  private static void systemd(Outcome o, Connector c, HostRules r) {
    Param<Boolean> req = r.platform().requireSystemd();
    Fact<Boolean> s = c.host().get(FactKey.SYSTEMD);
    if (!s.known()) {
      o.unknown(c.name(), Known.at(s, c), req, "systemd unknown: " + s.missing(), null);
    } else if (s.value()) {
      o.pass(c.name(), Known.at(s, c), req, "booted with systemd", Map.of("systemd", true));
    } else {
      o.fail(c.name(), Known.at(s, c), req, "not booted with systemd", Map.of("systemd", false));
    }
  }

  private static void mac(Outcome o, Connector c, HostRules r) {
    Param<Boolean> req = r.platform().requireStaticMac();
    Fact<List<Nic>> nics = c.host().get(FactKey.NICS);
    Fact<Boolean> stated = c.host().get(FactKey.MAC_STATIC);
    if (!nics.known() || nics.value().stream().noneMatch(n -> !n.virtual())) {
      if (stated.known()) {
        if (stated.value()) {
          o.pass(
              c.name(),
              Known.at(stated, c),
              req,
              "MAC address stated static",
              Map.of("macStatic", true));
        } else {
          o.fail(
              c.name(),
              Known.at(stated, c),
              req,
              "MAC address stated not static",
              Map.of("macStatic", false));
        }
      } else {
        o.unknown(
            c.name(),
            Known.at(nics, c),
            req,
            "MAC addresses unknown: " + (nics.known() ? "no hardware NIC listed" : nics.missing()),
            null);
      }
      return;
    }
    for (Nic n : nics.value()) {
      if (!n.virtual()) {
        nic(o, c, n, Known.at(nics, c), req);
      }
    }
  }

  private static void nic(
      Outcome o, Connector c, Nic n, dev.zpaaudit.model.SourceLocation at, Param<Boolean> req) {
    String what =
        n.name()
            + " "
            + (n.mac() == null ? "(no MAC)" : n.mac())
            + ", addr_assign_type "
            + n.addrAssignType()
            + " ("
            + n.assignLabel()
            + ")";
    Map<String, Object> data = Map.of("nic", n.name(), "addrAssignType", n.addrAssignType());
    if (n.addrAssignType() == -1 || n.mac() == null) {
      o.unknown(c.name(), at, req, what + ": cannot tell whether the MAC address is fixed", data);
      return;
    }
    if (!n.macFixed()) {
      o.fail(
          c.name(),
          at,
          req,
          what + ": the kernel generated this address; it changes on reboot",
          data);
      return;
    }
    if (c.platform().value() == Platform.VMWARE) {
      VmwareMac kind = VmwareMac.of(n.mac());
      if (kind == VmwareMac.MANUAL) {
        o.pass(
            c.name(),
            at,
            req,
            what + ": in VMware's static range 00:50:56:00:00:00-00:50:56:3F:FF:FF",
            data);
      } else if (kind == VmwareMac.AUTOMATIC) {
        o.fail(
            c.name(),
            at,
            req,
            what
                + ": a VMware-generated address (automatic), which can change when"
                + " the VM is copied or moved; set a static MAC in 00:50:56:00:00:00-00:50:56:3F:FF:FF",
            data);
      } else {
        o.unknown(
            c.name(),
            at,
            req,
            what
                + ": fixed in the guest, but not a VMware address, so whether"
                + " VMware keeps it static is unknown",
            data);
      }
      return;
    }
    o.pass(c.name(), at, req, what, data);
  }

  private static void privileged(Outcome o, Connector c, HostRules r) {
    Param<Boolean> req = r.platform().requireRootOrSudo();
    Fact<String> a = c.host().get(FactKey.PRIVILEGED_ACCESS);
    if (!a.known()) {
      o.unknown(c.name(), Known.at(a, c), req, "root or sudo unknown: " + a.missing(), null);
      return;
    }
    Map<String, Object> data = Map.of("privilegedAccess", a.value());
    switch (a.value()) {
      case "root":
        o.pass(c.name(), Known.at(a, c), req, "privileged access: root", data);
        break;
      case "sudo":
        o.pass(c.name(), Known.at(a, c), req, "privileged access: sudo without a password", data);
        break;
      case "sudo-with-password":
        o.pass(c.name(), Known.at(a, c), req, "privileged access: sudo with a password", data);
        break;
      default:
        o.fail(
            c.name(),
            Known.at(a, c),
            req,
            "no root or sudo access (privilegedAccess " + a.value() + ")",
            data);
        break;
    }
  }
}
