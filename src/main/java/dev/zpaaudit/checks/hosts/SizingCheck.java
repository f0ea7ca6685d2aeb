package dev.zpaaudit.checks.hosts;

import dev.zpaaudit.checks.CheckResult;
import dev.zpaaudit.model.SourceLocation;
import dev.zpaaudit.model.host.Connector;
import dev.zpaaudit.model.host.ConnectorGroup;
import dev.zpaaudit.model.host.Fact;
import dev.zpaaudit.model.host.Inventory;
import dev.zpaaudit.model.host.Throughput;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * R6, R7: each connector group against its measured peak, and each connector against its own.
 *
 * <p>A group is sized from its stated peak. Without one, its connectors' own peaks bound it: the
 * group's simultaneous peak is at least the largest of them and at most their sum (known only when
 * every connector states one). Enough connectors for the upper bound is a pass, too few for the
 * lower bound a fail, anything between indeterminate. With the double-encryption share unknown,
 * both ends (0% and 100%) are sized: a pass needs enough at 100%, a fail too few at 0%.
 *
 * <p>A connector whose own peak is more than one connector carries at the group's share (at 0% when
 * the share is unknown) is overloaded, a fail; within one connector's capacity at 100% it passes
 * whatever the share; between, it is indeterminate. Larger-than-needed connectors get an R7
 * warning.
 */
final class SizingCheck {
  static final String ID = "sizing";

  private SizingCheck() {}

  static CheckResult run(Inventory inv, HostRules r) {
    Outcome o = new Outcome(ID, "R6", "R7");
    for (ConnectorGroup g : inv.groups()) {
      judge(o, g, inv.inGroup(g.name()), r);
    }
    boolean connectors = inv.connectors().stream().anyMatch(c -> c.peak().known());
    return o.result(
        r.severity(ID),
        connectors ? "connector groups and connectors" : "connector groups",
        connectors
            ? "have the capacity their measured peaks need (groups with spares)"
            : "have enough connectors for their peak, plus spares",
        "Add connectors to the group (R6, with N+"
            + r.sizing().spares().value()
            + " spare) and spread the"
            + " load of any overloaded connector over them; prefer more, smaller connectors over fewer,"
            + " larger ones (R7). Where a group's peak is only bounded by its connectors' peaks, state the"
            + " group's measured peak.",
        "no connector groups in the inventory");
  }

  private static void judge(Outcome o, ConnectorGroup g, List<Connector> members, HostRules r) {
    String subject = "group " + g.name();
    long n = members.size();
    MemberPeaks mp = new MemberPeaks(members.stream().filter(c -> c.peak().known()).toList(), n);
    if (g.peak().known()) {
      declared(o, subject, g, n, r);
      ConnectorLoad.disagreements(o, subject, g, mp);
    } else if (mp.any()) {
      bounded(o, subject, g, n, mp, r);
    } else {
      o.unknown(
          subject,
          g.peak().at() != null ? g.peak().at() : g.at(),
          r.sizing().spares(),
          n + " connector(s); no measured peak: " + g.peak().missing(),
          Map.of("connectors", n));
      return;
    }
    for (Connector c : mp.stated()) {
      ConnectorLoad.connector(o, c, g, r);
    }
    largeConnectors(o, subject, members, r);
  }

  /** The group states its peak: size from it. */
  private static void declared(Outcome o, String subject, ConnectorGroup g, long n, HostRules r) {
    Param<Long> spares = r.sizing().spares();
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
      String msg =
          n
              + " connector(s) for peak "
              + peak
              + " at "
              + Throughput.number(de.value())
              + "% double encryption: need "
              + s.total()
              + " ["
              + s.workingText()
              + "]";
      verdict(o, subject, g.peak().at(), spares, n, s, msg, "the peak", data);
    } else {
      Sizing lo = Sizing.of(peak, avg, 0, spares.value(), r.sizing().table());
      Sizing hi = Sizing.of(peak, avg, 100, spares.value(), r.sizing().table());
      data.put("requiredAt0Percent", lo.total());
      data.put("requiredAt100Percent", hi.total());
      String msg =
          n
              + " connector(s) for peak "
              + peak
              + "; double encryption not stated: need "
              + lo.total()
              + " at 0% to "
              + hi.total()
              + " at 100%";
      if (n >= hi.total()) {
        o.pass(
            subject,
            g.peak().at(),
            spares,
            msg + " (enough either way) [at 100%: " + hi.workingText() + "]",
            data);
      } else if (n < lo.total()) {
        verdict(
            o,
            subject,
            g.peak().at(),
            spares,
            n,
            lo,
            msg + " [at 0%: " + lo.workingText() + "]",
            "the peak",
            data);
      } else {
        o.unknown(
            subject,
            g.peak().at(),
            spares,
            msg
                + "; state doubleEncryption for an exact verdict [at 0%: "
                + lo.workingText()
                + "] [at 100%: "
                + hi.workingText()
                + "]",
            data);
      }
    }
  }

  /**
   * The group states no peak but connectors do: its simultaneous peak is at least the largest
   * connector peak and at most their sum (when every connector states one).
   */
  private static void bounded(
      Outcome o, String subject, ConnectorGroup g, long n, MemberPeaks mp, HostRules r) {
    Param<Long> spares = r.sizing().spares();
    ThroughputTable table = r.sizing().table();
    Fact<Double> de = g.doubleEncryptionPercent();
    double loPct = de.known() ? de.value() : 0;
    double hiPct = de.known() ? de.value() : 100;
    Connector largest = mp.largest();
    Throughput lower = largest.peak().value();
    Throughput upper = mp.sum();
    Sizing lo = Sizing.of(lower, null, loPct, spares.value(), table);
    Sizing hi = upper == null ? null : Sizing.of(upper, null, hiPct, spares.value(), table);

    Map<String, Object> data = new LinkedHashMap<>();
    data.put("connectors", n);
    data.put("connectorsWithPeak", (long) mp.stated().size());
    data.put("peakLowerBoundMbps", lower.mbps());
    data.put("peakUpperBoundMbps", upper == null ? null : upper.mbps());
    data.put("connectorPeaks", mp.data());
    if (de.known()) {
      data.put("doubleEncryptionPercent", de.value());
      data.put("perConnectorMbps", lo.perConnectorMbps());
      data.put("requiredAtLowerBound", lo.total());
      data.put("requiredAtUpperBound", hi == null ? null : hi.total());
    } else {
      data.put("requiredAtLowerBound0Percent", lo.total());
      data.put("requiredAtUpperBound100Percent", hi == null ? null : hi.total());
    }
    String head =
        n
            + " connector(s); no group peak stated"
            + (de.known() ? "" : "; double encryption not stated")
            + "; ";
    String lowerWhy =
        "group peak >= largest connector peak: "
            + lower
            + " ("
            + largest.name()
            + ", "
            + largest.peak().where()
            + ")";
    String upperWhy =
        upper == null ? null : "group peak <= sum of connector peaks: " + mp.sumWorking();

    if (hi != null && n >= hi.total()) {
      data.put("peakFrom", "sum of connector peaks");
      data.put("required", hi.total());
      o.pass(
          subject,
          g.at(),
          spares,
          head
              + "from the sum of its connectors' measured peaks, "
              + upper
              + ", a safe upper bound on the group's simultaneous peak, "
              + share(hiPct, de.known())
              + ": need "
              + hi.total()
              + " ["
              + upperWhy
              + "; "
              + hi.workingText()
              + "]",
          data);
    } else if (n < lo.total()) {
      data.put("peakFrom", "largest connector peak");
      data.put("required", lo.total());
      String msg =
          head
              + "its peak is at least its largest connector's, "
              + lower
              + " ("
              + largest.name()
              + "), which alone needs "
              + lo.total()
              + " "
              + share(loPct, de.known())
              + " ["
              + lowerWhy
              + "; "
              + lo.workingText()
              + "]";
      verdict(o, subject, largest.peak().at(), spares, n, lo, msg, "that peak", data);
    } else {
      String advice =
          "; state the group's measured peak"
              + (de.known() ? "" : " and doubleEncryption")
              + " for an exact verdict";
      if (hi == null) {
        o.unknown(
            subject,
            g.at(),
            spares,
            head
                + "its simultaneous peak is at least "
                + lower
                + " (largest connector peak, "
                + largest.name()
                + "), but only "
                + mp.stated().size()
                + " of "
                + n
                + " connectors state a peak, so no upper bound is known: need at least "
                + lo.total()
                + " "
                + share(loPct, de.known())
                + advice
                + " ["
                + lowerWhy
                + "; "
                + lo.workingText()
                + "]",
            data);
      } else {
        o.unknown(
            subject,
            g.at(),
            spares,
            head
                + "its simultaneous peak lies between "
                + lower
                + " (largest connector peak, "
                + largest.name()
                + ") and "
                + upper
                + " (sum of connector peaks):"
                + " need "
                + lo.total()
                + " "
                + share(loPct, de.known())
                + " to "
                + hi.total()
                + " "
                + share(hiPct, de.known())
                + advice
                + " [lower bound: "
                + lowerWhy
                + "; "
                + lo.workingText()
                + "] [upper bound: "
                + upperWhy
                + "; "
                + hi.workingText()
                + "]",
            data);
      }
    }
  }

  static String share(double pct, boolean stated) {
    return "at "
        + Throughput.number(pct)
        + "% double encryption"
        + (stated ? "" : pct == 0 ? " (the least it can need)" : " (the most it can need)");
  }

  /** E.g. {@code 0% 500 Mbps, 100% 250 Mbps, linear}. */
  static String tableText(ThroughputTable t) {
    return t.points().stream()
            .map(
                p ->
                    Throughput.number(p.doubleEncryptionPercent())
                        + "% "
                        + Throughput.number(p.mbps())
                        + " Mbps")
            .collect(Collectors.joining(", "))
        + ", linear";
  }

  static void verdict(
      Outcome o,
      String subject,
      SourceLocation at,
      Param<Long> spares,
      long n,
      Sizing s,
      String msg,
      String what,
      Map<String, Object> data) {
    if (n >= s.total()) {
      o.pass(subject, at, spares, msg, data);
    } else if (n >= s.forPeak()) {
      o.fail(
          subject,
          at,
          spares,
          msg + ": enough for " + what + " but no spare for failover (N+" + spares.value() + ")",
          data);
    } else {
      o.fail(subject, at, spares, msg + ": too few for " + what, data);
    }
  }

  private static void largeConnectors(
      Outcome o, String subject, List<Connector> members, HostRules r) {
    long limit = r.sizing().largeConnectorVcpus().value();
    for (Connector c : members) {
      Fact<Long> v = Known.vcpus(c, r);
      if (v.known() && v.value() > limit) {
        o.note(
            "warning",
            subject,
            Known.at(v, c),
            "R7: "
                + c.name()
                + " has "
                + v.value()
                + " vCPUs (> "
                + limit
                + "); the R6 figures are per connector and do not grow with"
                + " size, so prefer more, smaller connectors over fewer, larger ones");
      }
    }
  }
}
