package dev.zpaaudit.ingest.inventory;

import dev.zpaaudit.diag.Diagnostics;
import dev.zpaaudit.model.SourceLocation;
import dev.zpaaudit.model.host.Connector;
import dev.zpaaudit.model.host.ConnectorGroup;
import dev.zpaaudit.model.host.Fact;
import dev.zpaaudit.model.host.Throughput;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects connector groups: declared ones (YAML {@code groups}, or the group columns of CSV rows,
 * which must agree within a group) and those only named by connectors (their traffic unknown).
 */
final class GroupBuilder {
  private final Diagnostics d;
  private final Map<String, ConnectorGroup> groups = new LinkedHashMap<>();

  GroupBuilder(Diagnostics d) {
    this.d = d;
  }

  /** Adds a group from its fields: peak, average, doubleEncryption (any may be absent). */
  void declare(String name, SourceLocation at, Cell peak, Cell average, Cell de) {
    ConnectorGroup g =
        new ConnectorGroup(
            name, at, rate("peak", peak, at), rate("average", average, at), percent(de, at));
    ConnectorGroup old = groups.get(name);
    if (old == null) {
      groups.put(name, g);
      return;
    }
    groups.put(
        name,
        new ConnectorGroup(
            name,
            old.at(),
            merge(name, "peak", old.peak(), g.peak()),
            merge(name, "average", old.average(), g.average()),
            merge(
                name,
                "doubleEncryption",
                old.doubleEncryptionPercent(),
                g.doubleEncryptionPercent())));
  }

  private <T> Fact<T> merge(String group, String field, Fact<T> a, Fact<T> b) {
    if (a.known() && b.known() && !a.value().equals(b.value())) {
      d.error(
          b.at(),
          "group "
              + group
              + ": "
              + field
              + " "
              + b.value()
              + " differs from "
              + a.value()
              + " given at "
              + a.at());
    }
    return a.known() ? a : b;
  }

  List<ConnectorGroup> build(List<Connector> connectors, boolean declaredOnly) {
    for (Connector c : connectors) {
      if (!groups.containsKey(c.group())) {
        if (declaredOnly) {
          d.error(c.at(), "connector " + c.name() + ": group '" + c.group() + "' is not in groups");
        }
        declare(c.group(), c.at(), null, null, null);
      }
    }
    return new ArrayList<>(groups.values());
  }

  private Fact<Throughput> rate(String field, Cell c, SourceLocation at) {
    return Rates.read(field, c, at, "no measured " + field + " throughput stated", d);
  }

  private Fact<Double> percent(Cell c, SourceLocation at) {
    if (c == null) {
      return Fact.unknown("double-encryption share not stated", at);
    }
    try {
      double v = parsePercent(c.text());
      return Fact.of(v, c.at());
    } catch (IllegalArgumentException e) {
      d.error(c.at(), "doubleEncryption: " + e.getMessage());
      return Fact.unknown("unreadable doubleEncryption", c.at());
    }
  }

  /** {@code 25%} or {@code 25}: a percentage from 0 to 100. */
  static double parsePercent(String text) {
    String t = text == null ? "" : text.trim();
    String n = t.endsWith("%") ? t.substring(0, t.length() - 1).trim() : t;
    double v;
    try {
      v = new BigDecimal(n).doubleValue();
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not a percentage (e.g. 25%)");
    }
    if (v < 0 || v > 100) {
      throw new IllegalArgumentException("'" + text + "' is outside 0-100%");
    }
    return v;
  }
}
