package dev.zpaaudit.checks.hosts;

import dev.zpaaudit.checks.CheckResult;
import dev.zpaaudit.model.host.Connector;
import dev.zpaaudit.model.host.Fact;
import dev.zpaaudit.model.host.FactKey;
import dev.zpaaudit.model.host.Inventory;
import dev.zpaaudit.model.host.Listener;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * R11: SSH key-only on public clouds; the default console password changed on private-cloud VM
 * images; no listening services beyond the allowed ports; recent package updates; a supported OS.
 */
final class HardeningCheck {
  static final String ID = "os-hardening";

  private HardeningCheck() {}

  static CheckResult run(Inventory inv, HostRules r) {
    Outcome o = new Outcome(ID, "R11");
    for (Connector c : inv.connectors()) {
      if (c.platform().value().publicCloud()) {
        ssh(o, c);
      }
      if (c.platform().value().privateCloudVm()) {
        consolePassword(o, c);
      }
      listeners(o, c, r);
      patches(o, c, r);
      os(o, c, r);
    }
    return o.result(
        r.severity(ID),
        "connectors",
        "meet the OS hardening checks",
        "Disable SSH password login on public clouds, change default console passwords, stop"
            + " unneeded listening services, and patch (or redeploy fresh images) regularly.",
        "no connectors in the inventory");
  }

  private static void ssh(Outcome o, Connector c) {
    Fact<String> pw = c.host().get(FactKey.SSH_PASSWORD_AUTH);
    if (!pw.known()) {
      o.unknown(
          c.name(),
          Known.at(pw, c),
          null,
          "SSH PasswordAuthentication unknown: " + pw.missing(),
          null);
      return;
    }
    String v = pw.value().toLowerCase(Locale.ROOT);
    Map<String, Object> data = Map.of("passwordAuthentication", v);
    if (!v.equals("no")) {
      o.fail(
          c.name(),
          Known.at(pw, c),
          null,
          "SSH PasswordAuthentication "
              + v
              + " on "
              + c.platform().value().label()
              + ": public-cloud connectors must be key-only",
          data);
      return;
    }
    Fact<String> kbd = c.host().get(FactKey.SSH_KBD_INTERACTIVE);
    Fact<String> pam = c.host().get(FactKey.SSH_USE_PAM);
    if (kbd.known()
        && pam.known()
        && kbd.value().equalsIgnoreCase("yes")
        && pam.value().equalsIgnoreCase("yes")) {
      o.unknown(
          c.name(),
          Known.at(kbd, c),
          null,
          "SSH PasswordAuthentication no, but"
              + " KbdInteractiveAuthentication yes with UsePAM yes may still accept passwords",
          data);
      return;
    }
    o.pass(c.name(), Known.at(pw, c), null, "SSH PasswordAuthentication no (key-only)", data);
  }

  private static void consolePassword(Outcome o, Connector c) {
    Fact<Boolean> f = c.host().get(FactKey.DEFAULT_PASSWORD_CHANGED);
    if (!f.known()) {
      o.unknown(
          c.name(),
          Known.at(f, c),
          null,
          "whether the VM image's default console password was"
              + " changed cannot be read from the host; state defaultPasswordChanged in the inventory",
          null);
    } else if (f.value()) {
      o.pass(c.name(), Known.at(f, c), null, "default console password changed (stated)", null);
    } else {
      o.fail(c.name(), Known.at(f, c), null, "default console password not changed (stated)", null);
    }
  }

  private static void listeners(Outcome o, Connector c, HostRules r) {
    Param<List<Long>> allowed = r.hardening().allowedListeningPorts();
    Fact<List<Listener>> l = c.host().get(FactKey.LISTENING);
    if (!l.known()) {
      o.unknown(
          c.name(), Known.at(l, c), allowed, "listening services unknown: " + l.missing(), null);
      return;
    }
    List<String> extra =
        l.value().stream()
            .filter(x -> !x.loopback() && !allowed.value().contains((long) x.port()))
            .sorted()
            .map(Listener::toString)
            .distinct()
            .toList();
    Map<String, Object> data = Map.of("unexpectedListeners", extra);
    if (extra.isEmpty()) {
      o.pass(
          c.name(),
          Known.at(l, c),
          allowed,
          "no listening TCP services beyond the allowed ports",
          data);
    } else {
      o.fail(
          c.name(),
          Known.at(l, c),
          allowed,
          "listening TCP services beyond the allowed ports: " + String.join(", ", extra),
          data);
    }
  }

  private static void patches(Outcome o, Connector c, HostRules r) {
    Param<Long> max = r.hardening().maxPackageAgeDays();
    Fact<Long> age = c.host().get(FactKey.PACKAGE_AGE_DAYS);
    if (!age.known()) {
      o.unknown(
          c.name(),
          Known.at(age, c),
          max,
          "time since the last package update unknown: " + age.missing(),
          null);
      return;
    }
    Fact<String> when = c.host().get(FactKey.LAST_PACKAGE_UPDATE);
    String at = when.known() ? " (last change " + when.value() + ", as of collection)" : "";
    Map<String, Object> data = Map.of("packageAgeDays", age.value(), "maxDays", max.value());
    if (age.value() <= max.value()) {
      o.pass(
          c.name(),
          Known.at(age, c),
          max,
          "packages changed " + age.value() + " day(s) ago" + at,
          data);
    } else {
      o.fail(
          c.name(),
          Known.at(age, c),
          max,
          "packages last changed " + age.value() + " days ago (> " + max.value() + ")" + at,
          data);
    }
  }

  private static void os(Outcome o, Connector c, HostRules r) {
    Fact<String> id = c.host().get(FactKey.OS_ID);
    Fact<String> ver = c.host().get(FactKey.OS_VERSION_ID);
    if (!id.known() || !ver.known()) {
      o.unknown(
          c.name(),
          Known.at(id.known() ? ver : id, c),
          null,
          "OS release unknown: " + (id.known() ? ver.missing() : id.missing()),
          null);
      return;
    }
    String name = id.value() + " " + ver.value();
    for (HostRules.UnsupportedOs u : r.hardening().unsupportedOs()) {
      if (u.matches(id.value(), ver.value())) {
        o.fail(
            c.name(),
            Known.at(ver, c),
            null,
            name + ": " + u.reason() + " (" + u.at() + ")",
            Map.of("osId", id.value(), "osVersionId", ver.value()));
        return;
      }
    }
    o.pass(
        c.name(),
        Known.at(id, c),
        null,
        name + " is not on the unsupported list",
        Map.of("osId", id.value(), "osVersionId", ver.value()));
  }
}
