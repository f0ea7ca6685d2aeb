package dev.zpaaudit.cli;

import static dev.zpaaudit.cli.Audits.audit;
import static dev.zpaaudit.cli.Audits.check;
import static dev.zpaaudit.cli.Audits.ranges;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.IpSet;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * explain gives, for addresses sampled from the published ranges, the verdict audit gives for their
 * range: zen-egress against explain's new and established packets, zen-return against its reply.
 * allowed is allow, denied is deny, indeterminate is indeterminate; a partial range's denied
 * sub-ranges are deny and the rest allow.
 */
class ExplainAgreesWithAuditTest {
  /** Two published ranges of each family. */
  static final String RANGES = "src/test/resources/families/ranges.txt";

  static final Map<Integer, String> CONNECTOR = Map.of(4, "10.0.0.10", 6, "2001:db8:1::10");

  @Test
  void explainAndAuditAgreeOnEverySample() {
    List<String> disagreements = new ArrayList<>();
    int flows = 0;
    for (String config : Samples.configs()) {
      for (List<String> placement : Samples.placements()) {
        List<String> common = new ArrayList<>(List.of("--config", config, "--ranges", RANGES));
        common.addAll(placement);
        common.addAll(List.of("--connector", CONNECTOR.get(4), "--connector", CONNECTOR.get(6)));
        JsonNode report = audit(common);
        for (String id : List.of("zen-egress", "zen-return")) {
          JsonNode c = check(report, id);
          if (c.get("status").asText().equals("skipped")) {
            continue;
          }
          List<String> states =
              id.equals("zen-egress") ? List.of("new", "established") : List.of("reply");
          for (Map.Entry<String, String> e : expectations(c).entrySet()) {
            flows++;
            String got = explain(common, e.getKey(), states);
            if (!got.equals(e.getValue())) {
              disagreements.add(
                  common
                      + " "
                      + id
                      + " "
                      + e.getKey()
                      + ": audit "
                      + e.getValue()
                      + ", explain "
                      + got);
            }
          }
        }
      }
    }
    System.out.println("explain-audit: " + flows + " flows compared");
    assertThat(flows).isGreaterThan(500);
    assertThat(disagreements).isEmpty();
  }

  /** explain's verdict on the connection to {@code addr}, over the given packets. */
  static String explain(List<String> common, String addr, List<String> states) {
    String worst = "allow";
    for (String st : states) {
      List<String> args = new ArrayList<>(List.of("explain", "--format", "json"));
      // At a gateway, explain takes the flow's source from --src alone (it refuses --connector).
      boolean gateway = common.contains("FORWARD");
      for (int i = 0; i < common.size(); i++) {
        if (gateway && common.get(i).equals("--connector")) {
          i++;
        } else {
          args.add(common.get(i));
        }
      }
      int fam = addr.contains(":") ? 6 : 4;
      args.addAll(List.of("--src", CONNECTOR.get(fam), "--dst", addr, "--state", st));
      Audits.Run r = Audits.run(args);
      String v = r.json().get("verdict").asText();
      if (v.equals("deny") || (v.equals("indeterminate") && worst.equals("allow"))) {
        worst = v;
      }
    }
    return worst;
  }

  /** Sampled addresses of each range with the verdict audit's results give them. */
  static Map<String, String> expectations(JsonNode check) {
    IpSet against = IpSet.empty(4);
    IpSet against6 = IpSet.empty(6);
    for (JsonNode e : check.get("evidence")) {
      String v = e.get("verdict").asText();
      if (v.equals("deny") || v.equals("indeterminate")) {
        for (JsonNode d : e.get("destinations")) {
          IpSet s = IpSet.parse(d.asText());
          if (s.family() == AddressFamily.IPV4) {
            against = against.union(s);
          } else {
            against6 = against6.union(s);
          }
        }
      }
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (JsonNode r : ranges(check).values()) {
      IpSet range = IpSet.parse(r.get("range").asText());
      IpSet notAllowed = range.family() == AddressFamily.IPV4 ? against : against6;
      switch (r.get("status").asText()) {
        case "allowed" -> sample(range, "allow", out, false);
        case "denied" -> sample(range, "deny", out, false);
        case "indeterminate" -> {
          sample(range.intersect(notAllowed), "indeterminate", out, true);
          sample(range.minus(notAllowed), "allow", out, true);
        }
        case "partial" -> partial(r, range, out);
        default -> {}
      }
    }
    return out;
  }

  /** A partial range: what a rule denies on every interface is deny, what no rule stops allow. */
  private static void partial(JsonNode r, IpSet range, Map<String, String> out) {
    IpSet denied = IpSet.empty(range.family());
    IpSet stopped = IpSet.empty(range.family());
    for (JsonNode p : r.get("parts")) {
      if (p.get("verdict").asText().equals("allow")) {
        continue;
      }
      for (JsonNode d : p.get("destinations")) {
        IpSet s = IpSet.parse(d.asText());
        stopped = stopped.union(s);
        if (p.get("verdict").asText().equals("deny") && !p.has("interfaces")) {
          denied = denied.union(s);
        }
      }
    }
    sample(denied, "deny", out, true);
    sample(range.minus(stopped), "allow", out, true);
  }

  /**
   * Addresses of a set expected to get {@code verdict}: its first address, and its last where the
   * set is only part of its range.
   */
  private static void sample(IpSet set, String verdict, Map<String, String> out, boolean both) {
    if (set.isEmpty()) {
      return;
    }
    out.put(set.first().map(InetAddress::getHostAddress).orElseThrow(), verdict);
    if (both) {
      out.put(set.last().map(InetAddress::getHostAddress).orElseThrow(), verdict);
    }
  }
}
