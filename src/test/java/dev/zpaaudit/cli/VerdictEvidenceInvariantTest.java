package dev.zpaaudit.cli;

import static dev.zpaaudit.cli.Audits.DIR;
import static dev.zpaaudit.cli.Audits.audit;
import static dev.zpaaudit.cli.Audits.ranges;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Whatever the export, placement and connectors: a published range that is not allowed says why (a
 * deciding rule's file:line or a reason), and a check that does not pass has evidence against it.
 */
class VerdictEvidenceInvariantTest {
  static final String MIXED = DIR + "ranges-mixed.txt";
  static final Pattern RULE = Pattern.compile(".+:\\d+");

  static List<List<String>> connectors() {
    return List.of(
        List.of(),
        List.of("--connector", "10.0.0.10"),
        List.of("--connector", "10.1.0.0/24", "--connector", "2001:db8:1::/64"));
  }

  @Test
  void everyVerdictThatIsNotAllowedSaysWhy() {
    List<String> problems = new ArrayList<>();
    int audits = 0;
    for (String config : Samples.configs()) {
      for (List<String> placement : Samples.placements()) {
        for (List<String> conn : connectors()) {
          List<String> args = new ArrayList<>(List.of("--config", config, "--ranges", MIXED));
          args.addAll(placement);
          args.addAll(conn);
          args.addAll(List.of("--resolver", "10.0.0.53", "--resolver", "2001:db8::53"));
          JsonNode report = audit(args);
          audits++;
          for (JsonNode check : report.get("checks")) {
            problems.addAll(problems(args, check));
          }
        }
      }
    }
    assertThat(audits).isGreaterThan(300);
    assertThat(problems).isEmpty();
  }

  @Test
  void theCorpusRulesetsSayWhyToo() throws Exception {
    List<String> problems = new ArrayList<>();
    try (var files = java.nio.file.Files.list(java.nio.file.Path.of(CORPUS))) {
      for (String f : files.map(Object::toString).filter(x -> x.endsWith(".rules")).toList()) {
        for (List<String> placement : Samples.placements()) {
          // The embedded published ranges.
          List<String> args = new ArrayList<>(List.of("--config", f, "--connector", "10.0.0.10"));
          args.addAll(placement);
          args.addAll(List.of("--resolver", "10.0.0.53"));
          for (JsonNode check : audit(args).get("checks")) {
            problems.addAll(problems(args, check));
          }
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  static final String CORPUS = "src/test/resources/corpus/iptables";

  /** What a check's evidence leaves unexplained. */
  static List<String> problems(List<String> args, JsonNode check) {
    List<String> out = new ArrayList<>();
    String id = check.get("id").asText();
    String status = check.get("status").asText();
    // Skipped checks were not evaluated and say why in their summary.
    if (!status.equals("pass") && !status.equals("skipped") && !againstIt(check)) {
      out.add(args + " " + id + " is " + status + " with no evidence against it");
    }
    for (Map.Entry<String, JsonNode> e : ranges(check).entrySet()) {
      JsonNode r = e.getValue();
      String st = r.get("status").asText();
      boolean why =
          switch (st) {
            case "allowed" -> true;
            case "denied", "partial" -> namesRule(r.get("denyBy"));
            default -> r.hasNonNull("reason") && !r.get("reason").asText().isBlank();
          };
      if (!why) {
        out.add(args + " " + id + " " + e.getKey() + " " + st + " without a why: " + r);
      }
    }
    return out;
  }

  private static boolean againstIt(JsonNode check) {
    for (JsonNode e : check.get("evidence")) {
      String v = e.get("verdict").asText();
      if (!v.equals("allow") && !v.equals("info")) {
        return true;
      }
    }
    return false;
  }

  private static boolean namesRule(JsonNode by) {
    if (by == null) {
      return false;
    }
    for (JsonNode x : by) {
      if (RULE.matcher(x.asText()).matches()) {
        return true;
      }
    }
    return false;
  }

  @Test
  void rangesOfAFamilyNoConnectorHasAreNotApplicable() {
    String host = "src/test/resources/families/host.rules";
    JsonNode report =
        audit(
            List.of(
                "--config",
                host,
                "--ranges",
                MIXED,
                "--connector",
                "10.0.0.10",
                "--resolver",
                "10.0.0.53",
                "--resolver",
                "2001:db8::53"));
    assertThat(report.get("status").asText()).isEqualTo("pass");
    for (String id : List.of("zen-egress", "zen-return")) {
      JsonNode check = Audits.check(report, id);
      assertThat(check.get("status").asText()).isEqualTo("pass");
      assertThat(check.get("summary").asText())
          .endsWith("; 3 IPv6 ranges not applicable: no IPv6 connector");
      assertThat(check.get("uncovered")).isEmpty();
      Map<String, JsonNode> r = ranges(check);
      assertThat(r.get("8.25.203.0/24").get("status").asText()).isEqualTo("allowed");
      for (String v6 : List.of("2001:db8:a::/48", "2001:db8:b::/48", "2001:db8:c::/48")) {
        assertThat(r.get(v6).get("status").asText()).isEqualTo("not-applicable");
        assertThat(r.get(v6).get("reason").asText()).isEqualTo("no IPv6 connector");
      }
    }
    JsonNode dns = Audits.check(report, "dns-egress");
    assertThat(dns.get("summary").asText())
        .isEqualTo("DNS over UDP and TCP 53 to 10.0.0.53/32 is allowed both ways");
    assertThat(dns.get("evidence").get(0).get("message").asText())
        .isEqualTo("resolver 2001:db8::53/128 not applicable: no IPv6 connector");
  }
}
