package dev.zpaaudit.checks.hosts;

import dev.zpaaudit.model.SourceLocation;
import java.util.List;
import java.util.Objects;

/**
 * R6: the throughput of one connector (aggregate in+out, Mbps) by the percentage of applications
 * that are double-encrypted, linear between the points. Points ascend and cover 0 and 100.
 */
public record ThroughputTable(List<Point> points, SourceLocation at) {
  /** One point of the table. */
  public record Point(double doubleEncryptionPercent, double mbps) {}

  /**
   * The least rate a connector is rated at: less would ask for more connectors than a long holds.
   */
  static final double MIN_MBPS = 0.001;

  public ThroughputTable {
    points = List.copyOf(points);
    Objects.requireNonNull(at, "at");
    if (points.size() < 2
        || points.get(0).doubleEncryptionPercent() != 0
        || points.get(points.size() - 1).doubleEncryptionPercent() != 100) {
      throw new IllegalArgumentException("the table needs points at 0% and 100%");
    }
    for (int i = 0; i < points.size(); i++) {
      Point p = points.get(i);
      if (!(p.mbps() >= MIN_MBPS)) {
        throw new IllegalArgumentException("mbps must be at least " + MIN_MBPS);
      }
      if (i > 0 && p.doubleEncryptionPercent() <= points.get(i - 1).doubleEncryptionPercent()) {
        throw new IllegalArgumentException("points must ascend in doubleEncryptionPercent");
      }
    }
  }

  /** Mbps per connector at this share (0-100) of double-encrypted applications. */
  public double mbpsAt(double percent) {
    if (percent < 0 || percent > 100 || Double.isNaN(percent)) {
      throw new IllegalArgumentException("double encryption must be between 0% and 100%");
    }
    for (int i = 1; i < points.size(); i++) {
      Point a = points.get(i - 1);
      Point b = points.get(i);
      if (percent <= b.doubleEncryptionPercent()) {
        double t =
            (percent - a.doubleEncryptionPercent())
                / (b.doubleEncryptionPercent() - a.doubleEncryptionPercent());
        return a.mbps() + t * (b.mbps() - a.mbps());
      }
    }
    return points.get(points.size() - 1).mbps();
  }

  /** The formula as text, e.g. {@code 500 - (500 - 250) x 25% / 100%} for a two-point table. */
  public String formula(double percent) {
    for (int i = 1; i < points.size(); i++) {
      Point a = points.get(i - 1);
      Point b = points.get(i);
      if (percent <= b.doubleEncryptionPercent()) {
        String n = dev.zpaaudit.model.host.Throughput.number(a.mbps());
        return n
            + " - ("
            + n
            + " - "
            + dev.zpaaudit.model.host.Throughput.number(b.mbps())
            + ") x ("
            + pct(percent)
            + " - "
            + pct(a.doubleEncryptionPercent())
            + ") / ("
            + pct(b.doubleEncryptionPercent())
            + " - "
            + pct(a.doubleEncryptionPercent())
            + ")";
      }
    }
    return "";
  }

  private static String pct(double p) {
    return dev.zpaaudit.model.host.Throughput.number(p) + "%";
  }
}
