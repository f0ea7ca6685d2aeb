package dev.zpaaudit.checks.hosts;

import dev.zpaaudit.model.host.Throughput;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * R6 and R7: how many connectors a peak needs. Per-connector throughput comes from the rule table;
 * the count for the peak is rounded up; spares (N+1) are added; the working is kept.
 */
public record Sizing(
    Throughput peak,
    Throughput average,
    double doubleEncryptionPercent,
    double perConnectorMbps,
    long forPeak,
    Long forAverage,
    long spares,
    List<String> working) {
  public Sizing {
    Objects.requireNonNull(peak, "peak");
    working = List.copyOf(working);
  }

  /** The working as one line, steps separated by "; ". */
  public String workingText() {
    return String.join("; ", working);
  }

  public long total() {
    return forPeak + spares;
  }

  /** Sizes a group. {@code average} may be null. */
  public static Sizing of(
      Throughput peak, Throughput average, double percent, long spares, ThroughputTable table) {
    if (spares < 0) {
      throw new IllegalArgumentException("spares must not be negative");
    }
    double per = perConnectorMbps(table, percent);
    List<String> w = new ArrayList<>();
    w.add(perConnectorWorking(table, percent));
    long forPeak = count(peak, per);
    w.add(
        "for the peak: ceil("
            + peak
            + " / "
            + Throughput.number(per)
            + " Mbps) = ceil("
            + ratio(peak, per)
            + ") = "
            + forPeak
            + (peak.bitsPerSecond() == 0 ? " (at least one)" : ""));
    Long forAvg = null;
    if (average != null) {
      forAvg = count(average, per);
      w.add(
          "for the average: ceil("
              + average
              + " / "
              + Throughput.number(per)
              + " Mbps) = "
              + forAvg
              + " (for information; the peak decides)");
    }
    w.add("spares (N+" + spares + "): " + forPeak + " + " + spares + " = " + (forPeak + spares));
    return new Sizing(peak, average, percent, per, forPeak, forAvg, spares, w);
  }

  /** One connector's throughput at this double-encryption share, as the sizing uses it. */
  static double perConnectorMbps(ThroughputTable table, double percent) {
    return BigDecimal.valueOf(table.mbpsAt(percent))
        .setScale(6, RoundingMode.HALF_UP)
        .doubleValue();
  }

  /**
   * The working of {@link #perConnectorMbps}, e.g. {@code per connector: 500 - ... = 437.5 Mbps (R6
   * table, ...)}.
   */
  static String perConnectorWorking(ThroughputTable table, double percent) {
    return "per connector: "
        + table.formula(percent)
        + " = "
        + Throughput.number(perConnectorMbps(table, percent))
        + " Mbps (R6 table, "
        + table.at()
        + ")";
  }

  /**
   * Whether {@code t} is more than one connector of {@code perMbps} carries (it needs two or more).
   */
  static boolean exceeds(Throughput t, double perMbps) {
    return count(t, perMbps) > 1;
  }

  static long count(Throughput t, double perMbps) {
    BigDecimal need =
        BigDecimal.valueOf(t.mbps())
            .divide(BigDecimal.valueOf(perMbps), 9, RoundingMode.HALF_UP)
            .setScale(0, RoundingMode.CEILING);
    return Math.max(1, need.longValueExact());
  }

  private static String ratio(Throughput t, double perMbps) {
    return BigDecimal.valueOf(t.mbps())
        .divide(BigDecimal.valueOf(perMbps), 3, RoundingMode.HALF_UP)
        .stripTrailingZeros()
        .toPlainString();
  }

  /** R7's advice, with this sizing's numbers. */
  public String r7Warning() {
    long n = total();
    return "R7: prefer more, smaller connectors: run "
        + n
        + " connectors of the recommended size"
        + " rather than fewer, larger ones; the R6 figures are per connector and are not raised for"
        + " larger hosts, and with "
        + n
        + " connectors one failure removes 1/"
        + n
        + " of the capacity.";
  }

  /** The figures for {@code size --format json}. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("schema", "zpa-audit/sizing/v1");
    m.put("peakMbps", peak.mbps());
    m.put("averageMbps", average == null ? null : average.mbps());
    m.put("doubleEncryptionPercent", doubleEncryptionPercent);
    m.put("perConnectorMbps", perConnectorMbps);
    m.put("connectorsForPeak", forPeak);
    m.put("connectorsForAverage", forAverage);
    m.put("spares", spares);
    m.put("connectorsTotal", total());
    m.put("working", working);
    m.put("requirements", List.of("R6", "R7"));
    m.put("warnings", List.of(r7Warning()));
    return m;
  }
}
