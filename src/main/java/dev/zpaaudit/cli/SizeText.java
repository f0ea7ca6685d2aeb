package dev.zpaaudit.cli;

import dev.zpaaudit.checks.hosts.Sizing;
import dev.zpaaudit.model.host.Throughput;
import java.util.List;
import java.util.Map;

/** The text form of {@code size}: the answer first, then the working and the R7 warning. */
final class SizeText {
  private SizeText() {}

  static String render(Map<String, Sizing> sized, List<String> notes) {
    StringBuilder sb = new StringBuilder();
    sized.forEach(
        (name, s) -> {
          if (sb.length() > 0) {
            sb.append('\n');
          }
          sb.append("zpa-audit size")
              .append(name.isEmpty() ? "" : " (group " + name + ")")
              .append(": ")
              .append(s.total())
              .append(" connectors (")
              .append(s.forPeak())
              .append(" for the peak + ")
              .append(s.spares())
              .append(" spare)\n");
          sb.append("peak: ").append(s.peak());
          if (s.average() != null) {
            sb.append("; average: ").append(s.average());
          }
          sb.append("; double encryption: ")
              .append(Throughput.number(s.doubleEncryptionPercent()))
              .append("%\n");
          sb.append("working:\n");
          s.working().forEach(w -> sb.append("  ").append(w).append('\n'));
          sb.append("warning: ").append(s.r7Warning()).append('\n');
        });
    notes.forEach(n -> sb.append("note: ").append(n).append('\n'));
    if (sized.isEmpty()) {
      sb.append("zpa-audit size: no group states a measured peak\n");
    }
    return sb.toString();
  }
}
