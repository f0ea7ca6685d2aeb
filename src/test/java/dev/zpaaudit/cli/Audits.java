package dev.zpaaudit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs the command line in-process and reads its JSON: shared by the verdict tests. */
final class Audits {
  static final String DIR = "src/test/resources/verdicts/";

  private Audits() {}

  record Run(int code, String out, String err) {
    JsonNode json() {
      try {
        return new ObjectMapper().readTree(out);
      } catch (Exception e) {
        throw new AssertionError("not JSON: " + out + err, e);
      }
    }
  }

  static Run run(List<String> args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  static Run run(String... args) {
    return run(List.of(args));
  }

  /** An audit's JSON report; fails on a usage error. */
  static JsonNode audit(List<String> args) {
    List<String> all = new ArrayList<>(List.of("audit", "--format", "json"));
    all.addAll(args);
    Run r = run(all);
    if (r.code() > 1) {
      throw new AssertionError("audit " + args + " exited " + r.code() + ": " + r.err());
    }
    return r.json();
  }

  static JsonNode check(JsonNode report, String id) {
    for (JsonNode c : report.get("checks")) {
      if (c.get("id").asText().equals(id)) {
        return c;
      }
    }
    throw new AssertionError("no check " + id);
  }

  /** The per-range entries of a range check, by range text. */
  static Map<String, JsonNode> ranges(JsonNode check) {
    JsonNode ev = check.get("evidence");
    Map<String, JsonNode> out = new LinkedHashMap<>();
    if (ev.isEmpty()) {
      return out;
    }
    for (JsonNode r : ev.get(ev.size() - 1).at("/data/ranges")) {
      out.put(r.get("range").asText(), r);
    }
    return out;
  }
}
