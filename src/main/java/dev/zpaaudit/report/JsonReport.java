package dev.zpaaudit.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.zpaaudit.checks.CheckResult;
import dev.zpaaudit.checks.Evidence;
import dev.zpaaudit.checks.Fingerprints;
import dev.zpaaudit.checks.Report;
import dev.zpaaudit.checks.Status;
import dev.zpaaudit.diag.Diagnostic;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The machine-readable report: schema {@value #SCHEMA}, documented in the README. */
public final class JsonReport implements Renderer {
  public static final String SCHEMA = "zpa-audit/report/v1";

  /** Made on first use: a run that writes no JSON does not pay for starting the JSON library. */
  private static final class Json {
    static final ObjectMapper MAPPER =
        new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
  }

  @Override
  public String extension() {
    return "json";
  }

  @Override
  public String render(Report r) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("schema", SCHEMA);
    root.putObject("tool").put("name", "zpa-audit").put("version", Version.get());
    root.put("command", r.command());
    root.put("requirementsDoc", Report.REQUIREMENTS_DOC);
    root.put("status", Renderer.overall(r).label());
    ObjectNode counts = root.putObject("summary");
    for (Status s : Status.values()) {
      counts.put(s.label(), r.count(s));
    }
    ranges(root, r.ranges());
    ArrayNode inputs = root.putArray("inputs");
    for (Report.Input i : r.inputs()) {
      ObjectNode n = inputs.addObject().put("file", i.file()).put("format", i.format());
      if (i.device() != null) {
        n.put("device", i.device());
        ArrayNode fams = n.putArray("families");
        i.families().forEach(fams::add);
      }
    }
    ObjectNode ctx = root.putObject("context");
    r.context().forEach(ctx::put);
    ArrayNode checks = root.putArray("checks");
    r.checks().forEach(c -> check(checks.addObject(), c, r));
    diagnostics(root.putArray("diagnostics"), r.diagnostics());
    return write(root);
  }

  /** Where the published ranges came from: entries as published, CIDR blocks once merged. */
  private static void ranges(ObjectNode root, Report.RangeInfo info) {
    if (info == null) {
      root.putNull("ranges");
      return;
    }
    ObjectNode ranges =
        root.putObject("ranges")
            .put("source", info.source())
            .put("date", info.date())
            .put("count", info.count());
    if (info.blocks() >= 0) {
      ranges.put("blocks", info.blocks());
    } else {
      ranges.putNull("blocks");
    }
  }

  private static void diagnostics(ArrayNode diags, List<Diagnostic> diagnostics) {
    for (Diagnostic d : diagnostics) {
      ObjectNode n = diags.addObject();
      n.put("severity", d.severity().label());
      n.put("file", d.location().file());
      if (d.location().line() > 0) {
        n.put("line", d.location().line());
      } else {
        n.putNull("line");
      }
      n.put("message", d.message());
      n.put("kind", d.kind());
    }
  }

  private static void check(ObjectNode n, CheckResult c, Report r) {
    n.put("id", c.id());
    n.put("fingerprint", Fingerprints.of(c, r));
    if (c.inputs() != null) {
      ArrayNode in = n.putArray("inputs");
      c.inputs().forEach(in::add);
    }
    n.put("requirement", String.join(", ", c.requirements()));
    ArrayNode reqs = n.putArray("requirements");
    c.requirements().forEach(reqs::add);
    n.put("severity", c.severity().label());
    n.put("status", c.status().label());
    r.suppression(c)
        .ifPresent(
            x ->
                n.putObject("suppressed")
                    .put("reason", x.reason())
                    .put("expires", x.expires().toString())
                    .put("file", x.file())
                    .put("line", x.line()));
    n.put("summary", c.summary());
    if (c.uncovered() != null) {
      ArrayNode u = n.putArray("uncovered");
      c.uncovered().forEach(u::add);
    }
    if (c.remediation() != null) {
      n.put("remediation", c.remediation());
    }
    ArrayNode ev = n.putArray("evidence");
    for (Evidence e : c.evidence()) {
      ObjectNode x = ev.addObject();
      x.put("verdict", e.verdict());
      x.put("file", e.file());
      if (e.line() > 0) {
        x.put("line", e.line());
      } else {
        x.putNull("line");
      }
      x.put("rule", e.rule());
      x.put("message", e.message());
      ArrayNode d = x.putArray("destinations");
      e.destinations().forEach(d::add);
      ArrayNode s = x.putArray("sources");
      e.sources().forEach(s::add);
      x.set("data", Json.MAPPER.valueToTree(new TreeMap<String, Object>(e.data())));
    }
  }

  static String write(ObjectNode root) {
    DefaultPrettyPrinter pp = new DefaultPrettyPrinter();
    pp.indentArraysWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
    pp.indentObjectsWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
    try {
      return Json.MAPPER.writer(pp).writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** For renderers of other data (e.g. sizing figures) that share the same output style. */
  public static String write(Map<String, Object> tree) {
    return write((ObjectNode) Json.MAPPER.valueToTree(tree));
  }
}
