package dev.zpaaudit.checks.hosts;

import dev.zpaaudit.model.host.Connector;
import dev.zpaaudit.model.host.Throughput;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a group's connectors say about its peak: the largest stated, and the sum when all state one.
 */
record MemberPeaks(List<Connector> stated, long members) {
  boolean any() {
    return !stated.isEmpty();
  }

  boolean all() {
    return members > 0 && stated.size() == members;
  }

  Connector largest() {
    Connector max = stated.get(0);
    for (Connector c : stated) {
      if (c.peak().value().compareTo(max.peak().value()) > 0) {
        max = c;
      }
    }
    return max;
  }

  /** The sum of the connectors' peaks, or null when not every connector states one. */
  Throughput sum() {
    if (!all()) {
      return null;
    }
    BigDecimal bits = BigDecimal.ZERO;
    for (Connector c : stated) {
      bits = bits.add(BigDecimal.valueOf(c.peak().value().bitsPerSecond()));
    }
    return new Throughput(bits.doubleValue());
  }

  /** E.g. {@code 300 Mbps (ac-1) + 200 Mbps (ac-2) = 500 Mbps}. */
  String sumWorking() {
    return stated.stream()
            .map(c -> c.peak().value() + " (" + c.name() + ")")
            .collect(Collectors.joining(" + "))
        + " = "
        + sum();
  }

  List<Map<String, Object>> data() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Connector c : stated) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("connector", c.name());
      m.put("peakMbps", c.peak().value().mbps());
      m.put("file", c.peak().at() == null ? null : c.peak().at().file());
      m.put("line", c.peak().at() == null ? null : c.peak().at().line());
      out.add(m);
    }
    return out;
  }
}
