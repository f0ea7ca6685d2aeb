package dev.zpaaudit.model.host;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A traffic rate in bits per second; parses {@code 1Gbps}, {@code 500Mbps}, {@code 1.5 Gbps},
 * {@code 750M}.
 */
public record Throughput(double bitsPerSecond) implements Comparable<Throughput> {
  /** The largest rate read: 1000 Tbps, far beyond any connector group. */
  public static final double MAX_BITS_PER_SECOND = 1e15;

  private static final Pattern FORM =
      Pattern.compile(
          "([0-9]+(?:\\.[0-9]+)?)\\s*([kmgt]?)(?:bps|bit/s|b/s|bit)?", Pattern.CASE_INSENSITIVE);

  public Throughput {
    if (Double.isNaN(bitsPerSecond) || Double.isInfinite(bitsPerSecond) || bitsPerSecond < 0) {
      throw new IllegalArgumentException("throughput must be a finite, non-negative rate");
    }
  }

  public static Throughput mbps(double mbps) {
    return new Throughput(mbps * 1e6);
  }

  public double mbps() {
    return bitsPerSecond / 1e6;
  }

  /**
   * Parses a rate: a number and a decimal unit (k, M, G, T; "bps" optional; a bare number is
   * rejected because its unit would be a guess). Bytes ("MB/s") are rejected, not converted.
   */
  public static Throughput parse(String text) {
    String s = text == null ? "" : text.trim();
    if (s.startsWith("-")) {
      throw new IllegalArgumentException("throughput '" + text + "' is negative");
    }
    if (s.matches(".*[0-9.\\s][kKmMgGtT]?B(/s|ps)?")) {
      throw new IllegalArgumentException(
          "throughput '" + text + "' is in bytes; give bits, e.g. 800Mbps or 1Gbps");
    }
    Matcher m = FORM.matcher(s);
    if (!m.matches() || m.group(2).isEmpty() && !s.toLowerCase(Locale.ROOT).endsWith("bps")) {
      throw new IllegalArgumentException(
          "cannot read throughput '"
              + text
              + "': expected a number and a unit, e.g. 1Gbps,"
              + " 500Mbps, 1.5 Gbps or 750M");
    }
    double scale =
        switch (m.group(2).toLowerCase(Locale.ROOT)) {
          case "k" -> 1e3;
          case "m" -> 1e6;
          case "g" -> 1e9;
          case "t" -> 1e12;
          default -> 1;
        };
    double bits = new BigDecimal(m.group(1)).doubleValue() * scale;
    if (bits > MAX_BITS_PER_SECOND) {
      throw new IllegalArgumentException("throughput '" + text + "' is above 1000 Tbps");
    }
    return new Throughput(bits);
  }

  /** The rate in Mbps without trailing zeros, e.g. {@code 437.5 Mbps}. */
  @Override
  public String toString() {
    return number(mbps()) + " Mbps";
  }

  public static String number(double v) {
    BigDecimal d =
        BigDecimal.valueOf(v).setScale(3, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
    return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
  }

  @Override
  public int compareTo(Throughput o) {
    return Double.compare(bitsPerSecond, o.bitsPerSecond);
  }
}
