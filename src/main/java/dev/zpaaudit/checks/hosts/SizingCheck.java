package dev.zpaaudit.checks.hosts;

import dev.zpaaudit.checks.CheckResult;
import dev.zpaaudit.model.host.Connector;
import dev.zpaaudit.model.host.ConnectorGroup;
import dev.zpaaudit.model.host.Fact;
import dev.zpaaudit.model.host.Inventory;
import dev.zpaaudit.model.host.Throughput;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * R6, R7: each connector group against its measured peak. With the double-encryption share
 * unknown, both ends (0% and 100%) are sized: a pass or fail at both is exact, otherwise the
 * verdict is indeterminate. Larger-than-needed connectors get an R7 warning.
 */
final class SizingCheck {
  static final String ID = "sizing";

  private SizingCheck() {}

  static CheckResult run(Inventory inv, HostRules r) {
    Outcome o = new Outcome(ID, "R6", "R7");
    for (ConnectorGroup g : inv.groups()) {
      judge(o, g, inv.inGroup(g.name()), r);
    }
    return o.result(r.severity(ID), "connector groups", "have enough connectors for their peak, plus spares",
        "Add connectors to the group (R6, with N+" + r.sizing().spares().value() + " spare); prefer more,"
            + " smaller connectors over fewer, larger ones (R7).", "no connector groups in the inventory");
  }

  private static void judge(Outcome o, ConnectorGroup g, List<Connector> members, HostRules r) {
    String subject = "group " + g.name();
    long n = members.size();
    Param<Long> spares = r.sizing().spares();
    if (!g.peak().known()) {
      o.unknown(subject, g.peak().at() != null ? g.peak().at() : g.at(), spares,
          n + " connector(s); no measured peak: " + g.peak().missing(), Map.of("connectors", n));
      return;
    }
    Throughput peak = g.peak().value();
    Throughput avg = g.average().known() ? g.average().value() : null;
    Fact<Double> de = g.doubleEncryptionPercent();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("connectors", n);
    data.put("peakMbps", peak.mbps());
    if (de.known()) {
      Sizing s = Sizing.of(peak, avg, de.value(), spares.value(), r.sizing().table());
      data.put("doubleEncryptionPercent", de.value());
      data.put("perConnectorMbps", s.perConnectorMbps());
      data.put("required", s.total());
      String msg = n + " connector(s) for peak " + peak + " at " + Throughput.number(de.value())
          + "% double encryption: need " + s.total() + " [" + String.join("; ", s.working()) + "]";
      verdict(o, subject, g.peak().at(), spares, n, s.total(), s.forPeak(), msg, data);
    } else {
      Sizing lo = Sizing.of(peak, avg, 0, spares.value(), r.sizing().table());
      Sizing hi = Sizing.of(peak, avg, 100, spares.value(), r.sizing().table());
      data.put("requiredAt0Percent", lo.total());
      data.put("requiredAt100Percent", hi.total());
      String msg = n + " connector(s) for peak " + peak + "; double encryption not stated: need "
          + lo.total() + " at 0% to " + hi.total() + " at 100%";
      if (n >= hi.total()) {
        o.pass(subject, g.peak().at(), spares, msg + " (enough either way)", data);
      } else if (n < lo.total()) {
        verdict(o, subject, g.peak().at(), spares, n, lo.total(), lo.forPeak(), msg, data);
      } else {
        o.unknown(subject, g.peak().at(), spares, msg + "; state doubleEncryption for an exact verdict", data);
      }
    }
    largeConnectors(o, subject, members, r);
  }

  private static void verdict(Outcome o, String subject, dev.zpaaudit.model.SourceLocation at,
      Param<Long> spares, long n, long total, long forPeak, String msg, Map<String, Object> data) {
    if (n >= total) {
      o.pass(subject, at, spares, msg, data);
    } else if (n >= forPeak) {
      o.fail(subject, at, spares, msg + ": enough for the peak but no spare for failover (N+"
          + spares.value() + ")", data);
    } else {
      o.fail(subject, at, spares, msg + ": too few for the peak", data);
    }
  }

  private static void largeConnectors(Outcome o, String subject, List<Connector> members, HostRules r) {
    long limit = r.sizing().largeConnectorVcpus().value();
    for (Connector c : members) {
      Fact<Long> v = Known.vcpus(c, r);
      if (v.known() && v.value() > limit) {
        o.note("warning", subject, Known.at(v, c), "R7: " + c.name() + " has " + v.value()
            + " vCPUs (> " + limit + "); the R6 figures are per connector and do not grow with"
            + " size, so prefer more, smaller connectors over fewer, larger ones");
      }
    }
  }
}
