package dev.zpaaudit.checks.probe;

import dev.zpaaudit.checks.Evidence;
import dev.zpaaudit.checks.Status;
import dev.zpaaudit.probe.ProbeRules;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Shared pieces of the probe checks: evidence with a status, and the status of a set of it. */
final class Findings {
  private Findings() {}

  static Evidence evidence(
      Status s,
      String file,
      int line,
      String rule,
      String message,
      List<String> destinations,
      Map<String, Object> data) {
    return new Evidence(s.label(), file, line, rule, message, destinations, List.of(), data);
  }

  /** Evidence decided by a name's entry in the rule pack. */
  static Evidence byName(
      Status s,
      ProbeRules rules,
      String name,
      String message,
      List<String> destinations,
      Map<String, Object> data) {
    int line = rules.rule(name).map(ProbeRules.NameRule::line).orElse(0);
    return evidence(s, rules.file(), line, "names: " + name, message, destinations, data);
  }

  /** fail if any evidence fails, else indeterminate if any is, else pass (none: indeterminate). */
  static Status status(List<Evidence> evidence) {
    if (evidence.isEmpty()) {
      return Status.INDETERMINATE;
    }
    if (evidence.stream().anyMatch(e -> e.verdict().equals(Status.FAIL.label()))) {
      return Status.FAIL;
    }
    if (evidence.stream().anyMatch(e -> e.verdict().equals(Status.INDETERMINATE.label()))) {
      return Status.INDETERMINATE;
    }
    return Status.PASS;
  }

  static long count(List<Evidence> evidence, Status s) {
    return evidence.stream().filter(e -> e.verdict().equals(s.label())).count();
  }

  /** The message of the first evidence with the status. */
  static String first(List<Evidence> evidence, Status s) {
    return evidence.stream()
        .filter(e -> e.verdict().equals(s.label()))
        .map(Evidence::message)
        .findFirst()
        .orElse("");
  }

  static String ms(long micros) {
    return String.format(Locale.ROOT, "%.1f ms", micros / 1000.0);
  }

  static double millis(long micros) {
    return Math.round(micros / 100.0) / 10.0;
  }
}
