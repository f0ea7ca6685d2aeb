package dev.zpaaudit.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.zpaaudit.checks.CheckResult;
import dev.zpaaudit.checks.Evidence;
import dev.zpaaudit.checks.Fingerprints;
import dev.zpaaudit.checks.Report;
import dev.zpaaudit.checks.Severity;
import dev.zpaaudit.checks.Status;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report as SARIF 2.1.0, for code-scanning tools and CI. Each check is a rule; a failed or
 * indeterminate check gives one result per rule of the exports that stopped or could not settle it,
 * located at that rule's file and line, with a fingerprint that stays the same while the rule does;
 * a passed check is one result of kind {@code pass}, a skipped one {@code notApplicable}. Failures
 * are levelled by the check's severity (critical and high: error; medium: warning; low and info:
 * note); an indeterminate verdict is a result of kind {@code review}.
 */
public final class SarifReport implements Renderer {
  public static final String SCHEMA =
      "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

  /** Made on first use: a run that writes no SARIF does not pay for starting the JSON library. */
  private static final class Json {
    static final ObjectMapper MAPPER =
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  }

  @Override
  public String extension() {
    return "sarif";
  }

  @Override
  public String render(Report r) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("$schema", SCHEMA);
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "zpa-audit");
    driver.put("version", Version.get());
    Map<String, Integer> index = new LinkedHashMap<>();
    ArrayNode rules = driver.putArray("rules");
    for (CheckResult c : r.checks()) {
      if (!index.containsKey(c.id())) {
        index.put(c.id(), index.size());
        ObjectNode rule = rules.addObject();
        rule.put("id", c.id());
        rule.putObject("shortDescription")
            .put("text", c.id() + " (" + String.join(", ", c.requirements()) + ")");
        rule.putObject("defaultConfiguration").put("level", level(c.severity()));
        ObjectNode props = rule.putObject("properties");
        props.put("severity", c.severity().label());
        c.requirements().forEach(props.putArray("requirements")::add);
      }
    }
    ArrayNode results = run.putArray("results");
    for (CheckResult c : r.checks()) {
      for (ObjectNode res : results(c, index.get(c.id()))) {
        // An accepted finding stays a result, with its suppression (SARIF 2.1.0, section 3.35).
        r.suppression(c)
            .ifPresent(
                x ->
                    res.putArray("suppressions")
                        .addObject()
                        .put("kind", "external")
                        .put("status", "accepted")
                        .put("justification", Renderer.suppressedWhy(x)));
        results.add(res);
      }
    }
    return Json.MAPPER.valueToTree(root).toPrettyString() + "\n";
  }

  private static List<ObjectNode> results(CheckResult c, int ruleIndex) {
    List<ObjectNode> out = new ArrayList<>();
    if (c.status() == Status.PASS || c.status() == Status.SKIPPED) {
      ObjectNode res = base(c, ruleIndex, c.summary());
      res.put("kind", c.status() == Status.PASS ? "pass" : "notApplicable");
      res.put("level", "none");
      out.add(res);
      return out;
    }
    for (Evidence e : c.evidence()) {
      if (e.file() == null
          || e.verdict().equals("allow")
          || e.verdict().equals("info")
          || e.verdict().equals("fix")) {
        continue;
      }
      ObjectNode res = base(c, ruleIndex, c.summary() + ". " + e.message());
      finding(res, c);
      location(res, e);
      res.putObject("partialFingerprints")
          .put(
              "zpaAuditRule/v1",
              sha256(c.id() + "\n" + e.file() + "\n" + (e.rule() == null ? "" : e.rule())));
      out.add(res);
    }
    if (out.isEmpty()) {
      ObjectNode res = base(c, ruleIndex, c.summary());
      finding(res, c);
      res.putObject("partialFingerprints").put("zpaAuditCheck/v1", sha256(c.id()));
      out.add(res);
    }
    return out;
  }

  private static ObjectNode base(CheckResult c, int ruleIndex, String message) {
    ObjectNode res = Json.MAPPER.createObjectNode();
    res.put("ruleId", c.id());
    res.put("ruleIndex", ruleIndex);
    res.putObject("message").put("text", message);
    return res;
  }

  private static void finding(ObjectNode res, CheckResult c) {
    if (c.status() == Status.FAIL) {
      res.put("kind", "fail");
      res.put("level", level(c.severity()));
    } else {
      res.put("kind", "review");
      res.put("level", "none");
    }
  }

  private static void location(ObjectNode res, Evidence e) {
    ObjectNode phys = res.putArray("locations").addObject().putObject("physicalLocation");
    phys.putObject("artifactLocation").put("uri", uri(e.file()));
    if (e.line() > 0) {
      phys.putObject("region").put("startLine", e.line());
    }
    if (e.rule() != null) {
      res.putObject("properties").put("rule", e.rule());
    }
  }

  /** A file name as a relative URI reference (spaces and the like escaped). */
  static String uri(String file) {
    try {
      return new URI(null, null, file.replace('\\', '/'), null).toASCIIString();
    } catch (URISyntaxException e) {
      return file;
    }
  }

  static String level(Severity s) {
    return switch (s) {
      case CRITICAL, HIGH -> "error";
      case MEDIUM -> "warning";
      default -> "note";
    };
  }

  private static String sha256(String s) {
    return Fingerprints.sha256(s);
  }
}
