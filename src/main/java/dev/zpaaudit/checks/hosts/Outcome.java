package dev.zpaaudit.checks.hosts;

import dev.zpaaudit.checks.CheckResult;
import dev.zpaaudit.checks.Evidence;
import dev.zpaaudit.checks.Severity;
import dev.zpaaudit.checks.Status;
import dev.zpaaudit.model.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects one check's evidence, subject by subject (a connector, a group, a key), and turns it
 * into a {@link CheckResult}: fail if any subject fails, else indeterminate if any is, else pass;
 * skipped when no subject applies.
 */
final class Outcome {
  private final String id;
  private final List<String> requirements;
  private final List<Evidence> evidence = new ArrayList<>();
  private final Map<String, Status> worst = new LinkedHashMap<>();
  private final Map<String, String> firstMessage = new LinkedHashMap<>();

  Outcome(String id, String... requirements) {
    this.id = id;
    this.requirements = List.of(requirements);
  }

  void pass(
      String subject, SourceLocation at, Param<?> rule, String message, Map<String, Object> data) {
    add(Status.PASS, subject, at, rule, message, data);
  }

  void fail(
      String subject, SourceLocation at, Param<?> rule, String message, Map<String, Object> data) {
    add(Status.FAIL, subject, at, rule, message, data);
  }

  void unknown(
      String subject, SourceLocation at, Param<?> rule, String message, Map<String, Object> data) {
    add(Status.INDETERMINATE, subject, at, rule, message, data);
  }

  /** Evidence that does not change the status (a warning or a note). */
  void note(String verdict, String subject, SourceLocation at, String message) {
    note(verdict, subject, at, message, Map.of());
  }

  /** A warning or note with machine-readable figures. */
  void note(
      String verdict, String subject, SourceLocation at, String message, Map<String, Object> data) {
    evidence.add(
        new Evidence(
            verdict,
            at == null ? null : at.file(),
            at == null ? 0 : at.line(),
            null,
            subject + ": " + message,
            List.of(),
            List.of(subject),
            clean(data)));
  }

  void add(
      Status s,
      String subject,
      SourceLocation at,
      Param<?> rule,
      String message,
      Map<String, Object> data) {
    evidence.add(
        new Evidence(
            s.label(),
            at == null ? null : at.file(),
            at == null ? 0 : at.line(),
            rule == null ? null : rule.cite(),
            subject + ": " + message,
            List.of(),
            List.of(subject),
            data == null ? Map.of() : clean(data)));
    Status w = worst.get(subject);
    if (w == null || rank(s) > rank(w)) {
      worst.put(subject, s);
      firstMessage.put(subject, subject + ": " + message);
    }
  }

  private static Map<String, Object> clean(Map<String, Object> data) {
    Map<String, Object> m = new LinkedHashMap<>();
    data.forEach(
        (k, v) -> {
          if (v != null) {
            m.put(k, v);
          }
        });
    return m;
  }

  private static int rank(Status s) {
    return s == Status.FAIL ? 3 : s == Status.INDETERMINATE ? 2 : s == Status.PASS ? 1 : 0;
  }

  Status status() {
    Status s = Status.SKIPPED;
    for (Status x : worst.values()) {
      if (rank(x) > rank(s)) {
        s = x;
      }
    }
    return s;
  }

  /** Builds the result; {@code what} names the subjects ("connectors", "groups"). */
  CheckResult result(
      Severity severity, String what, String passed, String remediation, String skipped) {
    Status s = status();
    long n = worst.size();
    String summary;
    if (s == Status.SKIPPED) {
      summary = skipped;
    } else if (s == Status.PASS) {
      summary = "all " + n + " " + what + " " + passed;
    } else {
      long k = worst.values().stream().filter(x -> x == s).count();
      String first =
          worst.entrySet().stream()
              .filter(e -> e.getValue() == s)
              .map(e -> firstMessage.get(e.getKey()))
              .findFirst()
              .orElse("");
      summary =
          k
              + " of "
              + n
              + " "
              + what
              + (s == Status.FAIL ? " fail" : " cannot be judged")
              + "; "
              + first
              + (k > 1 ? " (and " + (k - 1) + " more)" : "");
    }
    return new CheckResult(id, requirements, severity, s, summary, null, evidence, remediation);
  }
}
