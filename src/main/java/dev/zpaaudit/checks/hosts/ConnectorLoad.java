package dev.zpaaudit.checks.hosts;

import dev.zpaaudit.model.SourceLocation;
import dev.zpaaudit.model.host.Connector;
import dev.zpaaudit.model.host.ConnectorGroup;
import dev.zpaaudit.model.host.Fact;
import dev.zpaaudit.model.host.Throughput;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * R6 for each connector that states its own measured peak, and the warnings where a group's stated
 * peak contradicts its connectors' peaks; part of the {@code sizing} check.
 */
final class ConnectorLoad {
  private ConnectorLoad() {}

  /** Warnings where a stated group peak contradicts its connectors' own peaks. */
  static void disagreements(Outcome o, String subject, ConnectorGroup g, MemberPeaks mp) {
    if (!mp.any()) {
      return;
    }
    Throughput peak = g.peak().value();
    Connector largest = mp.largest();
    if (peak.compareTo(largest.peak().value()) < 0) {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("groupPeakMbps", peak.mbps());
      data.put("connector", largest.name());
      data.put("connectorPeakMbps", largest.peak().value().mbps());
      o.note(
          "warning",
          subject,
          g.peak().at(),
          "the figures disagree: group peak "
              + peak
              + " ("
              + g.peak().where()
              + ") is below connector "
              + largest.name()
              + "'s own measured peak "
              + largest.peak().value()
              + " ("
              + largest.peak().where()
              + "), but a group's simultaneous peak"
              + " is at least its largest connector's; the group is sized from its stated peak and each"
              + " connector from its own: check both measurements",
          data);
    }
    Throughput sum = mp.sum();
    if (sum != null && peak.compareTo(sum) > 0) {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("groupPeakMbps", peak.mbps());
      data.put("sumOfConnectorPeaksMbps", sum.mbps());
      data.put("connectorPeaks", mp.data());
      o.note(
          "warning",
          subject,
          g.peak().at(),
          "the figures disagree: group peak "
              + peak
              + " ("
              + g.peak().where()
              + ") is above the sum of its connectors' measured peaks, "
              + mp.sumWorking()
              + ", but a group's simultaneous peak is at most that sum; the group is sized from its stated"
              + " peak: check both measurements",
          data);
    }
  }

  /** One connector against its own measured peak: more than one connector carries is overloaded. */
  static void connector(Outcome o, Connector c, ConnectorGroup g, HostRules r) {
    String subject = "connector " + c.name();
    ThroughputTable table = r.sizing().table();
    Param<String> rule = new Param<>("throughput.table", SizingCheck.tableText(table), table.at());
    Throughput peak = c.peak().value();
    Fact<Double> de = g.doubleEncryptionPercent();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("group", g.name());
    data.put("peakMbps", peak.mbps());
    data.put("averageMbps", c.average().known() ? c.average().value().mbps() : null);
    String avg =
        c.average().known()
            ? "; average " + c.average().value() + " (for information; the peak decides)"
            : "";
    SourceLocation at = c.peak().at();
    if (de.known()) {
      double per = Sizing.perConnectorMbps(table, de.value());
      data.put("doubleEncryptionPercent", de.value());
      data.put("capacityMbps", per);
      String cap =
          Throughput.number(per)
              + " Mbps, one connector's capacity at "
              + Throughput.number(de.value())
              + "% double encryption (group "
              + g.name()
              + ")";
      String working = " [" + Sizing.perConnectorWorking(table, de.value()) + avg + "]";
      if (Sizing.exceeds(peak, per)) {
        o.fail(
            subject,
            at,
            rule,
            "measured peak "
                + peak
                + " > "
                + cap
                + ": overloaded; spread its load"
                + " over more connectors"
                + working,
            data);
      } else {
        o.pass(subject, at, rule, "measured peak " + peak + " <= " + cap + working, data);
      }
      return;
    }
    double at0 = Sizing.perConnectorMbps(table, 0);
    double at100 = Sizing.perConnectorMbps(table, 100);
    data.put("capacityAt0PercentMbps", at0);
    data.put("capacityAt100PercentMbps", at100);
    String notStated = "group " + g.name() + " states no doubleEncryption";
    if (Sizing.exceeds(peak, at0)) {
      o.fail(
          subject,
          at,
          rule,
          "measured peak "
              + peak
              + " > "
              + Throughput.number(at0)
              + " Mbps, one"
              + " connector's capacity even at 0% double encryption ("
              + notStated
              + "): overloaded; spread its"
              + " load over more connectors ["
              + Sizing.perConnectorWorking(table, 0)
              + avg
              + "]",
          data);
    } else if (!Sizing.exceeds(peak, at100)) {
      o.pass(
          subject,
          at,
          rule,
          "measured peak "
              + peak
              + " <= "
              + Throughput.number(at100)
              + " Mbps, one"
              + " connector's capacity even at 100% double encryption ("
              + notStated
              + ") ["
              + Sizing.perConnectorWorking(table, 100)
              + avg
              + "]",
          data);
    } else {
      o.unknown(
          subject,
          at,
          rule,
          "measured peak "
              + peak
              + " is within "
              + Throughput.number(at0)
              + " Mbps, one connector's capacity at 0% double encryption, but above "
              + Throughput.number(at100)
              + " Mbps at 100%; "
              + notStated
              + ": state it for an exact verdict ["
              + Sizing.perConnectorWorking(table, 0)
              + "; "
              + Sizing.perConnectorWorking(table, 100)
              + avg
              + "]",
          data);
    }
  }
}
