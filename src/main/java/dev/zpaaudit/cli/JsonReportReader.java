package dev.zpaaudit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zpaaudit.checks.CheckResult;
import dev.zpaaudit.checks.Evidence;
import dev.zpaaudit.checks.Report;
import dev.zpaaudit.checks.Severity;
import dev.zpaaudit.checks.Status;
import dev.zpaaudit.diag.Diagnostic;
import dev.zpaaudit.diag.InputException;
import dev.zpaaudit.io.InputFiles;
import dev.zpaaudit.io.SafeParsers;
import dev.zpaaudit.io.Tree;
import dev.zpaaudit.model.SourceLocation;
import dev.zpaaudit.report.JsonReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a JSON report ({@code zpa-audit/report/v1}) back into the report it was written from, so
 * that reports of several runs can be compared or joined and written in every format.
 */
final class JsonReportReader {
  private JsonReportReader() {}

  static Report read(Path file) throws InputException {
    Tree tree = SafeParsers.json(InputFiles.read(file), file.toString());
    JsonNode n = new ObjectMapper().valueToTree(plain(tree));
    if (!n.path("schema").asText().equals(JsonReport.SCHEMA) || !n.path("checks").isArray()) {
      throw new InputException(
          new Diagnostic(
              Diagnostic.Severity.ERROR,
              new SourceLocation(file.toString(), 1),
              "not a zpa-audit JSON report (schema "
                  + JsonReport.SCHEMA
                  + "): write one with audit --format json"));
    }
    try {
      return report(n);
    } catch (RuntimeException e) {
      throw new InputException(
          new Diagnostic(
              Diagnostic.Severity.ERROR,
              new SourceLocation(file.toString(), 1),
              "not a zpa-audit JSON report: " + e.getMessage()));
    }
  }

  private static Report report(JsonNode n) {
    JsonNode rg = n.path("ranges");
    Report.RangeInfo ranges =
        rg.isObject()
            ? new Report.RangeInfo(
                rg.path("source").asText(),
                rg.path("date").isNull() ? null : rg.path("date").asText(),
                rg.path("count").asInt(),
                rg.path("blocks").isNull() ? -1 : rg.path("blocks").asInt())
            : null;
    List<Report.Input> inputs = new ArrayList<>();
    for (JsonNode i : n.path("inputs")) {
      List<Integer> fams = null;
      if (i.has("families")) {
        fams = new ArrayList<>();
        for (JsonNode f : i.get("families")) {
          fams.add(f.asInt());
        }
      }
      inputs.add(
          new Report.Input(
              i.path("file").asText(),
              i.path("format").asText(),
              i.has("device") ? i.get("device").asInt() : null,
              fams));
    }
    Map<String, String> ctx = new LinkedHashMap<>();
    n.path("context").fields().forEachRemaining(e -> ctx.put(e.getKey(), e.getValue().asText()));
    List<CheckResult> checks = new ArrayList<>();
    for (JsonNode c : n.path("checks")) {
      checks.add(check(c));
    }
    List<Diagnostic> diags = new ArrayList<>();
    for (JsonNode d : n.path("diagnostics")) {
      diags.add(
          new Diagnostic(
              Diagnostic.Severity.valueOf(d.path("severity").asText().toUpperCase(Locale.ROOT)),
              new SourceLocation(d.path("file").asText(), d.path("line").asInt(0)),
              d.path("message").asText()));
    }
    return new Report(n.path("command").asText(), ranges, inputs, ctx, checks, diags);
  }

  private static CheckResult check(JsonNode c) {
    List<String> reqs = new ArrayList<>();
    c.path("requirements").forEach(r -> reqs.add(r.asText()));
    List<String> uncovered = null;
    if (c.has("uncovered")) {
      uncovered = new ArrayList<>();
      for (JsonNode u : c.get("uncovered")) {
        uncovered.add(u.asText());
      }
    }
    List<Evidence> ev = new ArrayList<>();
    for (JsonNode e : c.path("evidence")) {
      List<String> dst = new ArrayList<>();
      e.path("destinations").forEach(x -> dst.add(x.asText()));
      List<String> src = new ArrayList<>();
      e.path("sources").forEach(x -> src.add(x.asText()));
      @SuppressWarnings("unchecked")
      Map<String, Object> data = new ObjectMapper().convertValue(e.path("data"), Map.class);
      ev.add(
          new Evidence(
              e.path("verdict").asText(),
              e.path("file").isNull() ? null : e.path("file").asText(),
              e.path("line").asInt(0),
              e.path("rule").isNull() ? null : e.path("rule").asText(),
              e.path("message").asText(),
              dst,
              src,
              data == null ? Map.of() : data));
    }
    return new CheckResult(
        c.path("id").asText(),
        reqs,
        Severity.parse(c.path("severity").asText()),
        status(c.path("status").asText()),
        c.path("summary").asText(),
        uncovered,
        ev,
        c.path("remediation").isMissingNode() ? null : c.path("remediation").asText(),
        c.has("inputs") ? texts(c.get("inputs")) : null);
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(x -> out.add(x.asText()));
    return out;
  }

  private static Status status(String label) {
    for (Status s : Status.values()) {
      if (s.label().equals(label)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown status '" + label + "'");
  }

  /** A parsed tree as plain maps, lists and values. */
  static Object plain(Tree t) {
    if (t instanceof Tree.Obj o) {
      Map<String, Object> m = new LinkedHashMap<>();
      o.fields().forEach((k, v) -> m.put(k, plain(v)));
      return m;
    }
    if (t instanceof Tree.Seq s) {
      return s.items().stream().map(JsonReportReader::plain).toList();
    }
    return ((Tree.Scalar) t).value();
  }
}
