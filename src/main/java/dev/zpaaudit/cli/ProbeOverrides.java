package dev.zpaaudit.cli;

import dev.zpaaudit.probe.ProbeRules;
import dev.zpaaudit.probe.ProbeRules.NameRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Applies the probe command's options over the rule pack. */
final class ProbeOverrides {
  private ProbeOverrides() {}

  static int range(int v, int min, int max, String option) {
    if (v < min || v > max) {
      throw new UsageException(option + " must be from " + min + " to " + max + ", not " + v);
    }
    return v;
  }

  static ProbeRules apply(ProbeRules r, ProbeCommand c) {
    List<NameRule> names = r.names();
    if (!c.names.isEmpty()) {
      names = new ArrayList<>();
      for (String n : c.names) {
        String name = n.trim().toLowerCase(Locale.ROOT);
        if (!name.matches("[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?")) {
          throw new UsageException("--name needs a host name, not '" + n + "'");
        }
        names.add(
            r.rule(name).orElse(new NameRule(name, "", true, ProbeRules.ClientCert.UNKNOWN, 0)));
      }
    }
    int t = c.timeoutMs == null ? -1 : range(c.timeoutMs, 1, 60_000, "--timeout");
    ProbeRules.Dns dns =
        new ProbeRules.Dns(
            r.dns().recordTypes(), t > 0 ? t : r.dns().timeoutMs(), r.dns().maxCnameDepth());
    ProbeRules.Tcp tcp =
        new ProbeRules.Tcp(
            t > 0 ? t : r.tcp().timeoutMs(),
            c.sample == null ? r.tcp().samplePerRange() : range(c.sample, 0, 16, "--sample"),
            c.maxSample == null
                ? r.tcp().maxSample()
                : range(c.maxSample, 0, 10_000, "--max-sample"),
            r.tcp().localResetMs());
    ProbeRules.Tls tls =
        new ProbeRules.Tls(t > 0 ? t : r.tls().timeoutMs(), r.tls().maxAddressesPerName());
    ProbeRules.Ntp ntp =
        new ProbeRules.Ntp(
            r.ntp().servers(), t > 0 ? t : r.ntp().timeoutMs(), r.ntp().maxOffsetMs());
    int conc =
        c.concurrency == null ? r.concurrency() : range(c.concurrency, 1, 256, "--concurrency");
    return new ProbeRules(r.file(), r.port(), names, r.vendorDomains(), dns, tcp, tls, ntp, conc);
  }
}
