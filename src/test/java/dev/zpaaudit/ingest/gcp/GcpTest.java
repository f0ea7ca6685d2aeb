package dev.zpaaudit.ingest.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zpaaudit.cli.Main;
import dev.zpaaudit.model.Condition;
import dev.zpaaudit.model.Firewall;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.Rule;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Google Cloud firewalls: VPC rules by priority with the implied rules, target tags resolved by the
 * instances' addresses, firewall policies with goto_next, the network's MTU, bad input and the
 * corpus.
 */
class GcpTest {
  /** The rules for the metadata server come first: the ones read from the export after them. */
  static final int METADATA = GcpConversions.METADATA_SERVER.size();

  static Firewall read(String path) throws Exception {
    return GcpReader.read(Path.of(path)).firewall();
  }

  @Test
  void rulesByPriorityTargetsByAddressAndTheImpliedRules() throws Exception {
    Firewall fw = read("sample-configs/gcp/non-compliant");
    List<Rule> egress = fw.filter("egress").rules();
    assertThat(egress)
        .extracting(Rule::text)
        .containsExactly(
            "always allowed: traffic to the metadata server 169.254.169.254 (metadata, DNS, NTP),"
                + " whatever the firewall rules say",
            "always allowed: traffic to the metadata server fd20:ce::254 (metadata, DNS, NTP),"
                + " whatever the firewall rules say",
            "firewall rule 'block-aws-india' (priority 900) EGRESS, deny",
            "firewall rule 'zpa-connectors-egress' (priority 1000) EGRESS, allow",
            "firewall rule 'deny-all-egress' (priority 65000) EGRESS, deny");
    assertThat(egress.get(3).match()).contains(new Condition.Src(IpSet.parse("10.128.0.2")));
    assertThat(fw.filter("ingress").rules().get(0).match())
        .containsExactly(new Condition.Src(IpSet.parse("169.254.169.254")));
    assertThat(fw.filter("egress").defaultRule().text())
        .isEqualTo("implied allow egress (priority 65535)");
    assertThat(fw.filter("ingress").defaultRule().text())
        .isEqualTo("implied deny ingress (priority 65535)");
    assertThat(fw.interfaces().get(0).mtu()).isEqualTo(1460);
  }

  @Test
  void withoutTheInstancesATargetTagIsUnknown() throws Exception {
    Firewall fw = read("sample-configs/gcp/compliant/firewall-rules.json");
    assertThat(fw.filter("egress").rules().get(METADATA).match().toString())
        .contains("which VMs have them is not in the export");
  }

  @Test
  void aPolicysGotoNextHandsWhatItMatchesToTheNextLevel() throws Exception {
    Firewall fw = read("src/test/resources/corpus/gcp/gcpdiag-gce1-effective-firewalls.json");
    List<Rule> egress = fw.filter("egress").rules();
    Rule first = egress.get(METADATA);
    assertThat(first.text())
        .isEqualTo("firewall policy 'parent-folder-policy' rule 30 EGRESS, allow");
    assertThat(egress.stream().map(Rule::text)).noneMatch(t -> t.contains("goto_next"));
  }

  /** The sample denies all other egress, but never the metadata server, Google's own resolver. */
  @Test
  void theMetadataServerIsAlwaysReachable() {
    StringWriter out = new StringWriter();
    String[] args = {
      "audit",
      "--config",
      "sample-configs/gcp/non-compliant",
      "--connector",
      "10.128.0.2",
      "--resolver",
      "169.254.169.254"
    };
    Main.run(args, new PrintWriter(out), new PrintWriter(new StringWriter()));
    assertThat(out.toString())
        .contains("== dns-egress (R16): PASS")
        .contains("DNS over UDP and TCP 53 to 169.254.169.254/32 is allowed both ways");
  }

  @Test
  void badValuesAreErrorsAtTheirLines() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String f = "src/test/resources/gcp/bad/ports.json";
    int code =
        Main.run(new String[] {"audit", "--config", f}, new PrintWriter(out), new PrintWriter(err));
    assertThat(code).isEqualTo(2);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString().lines())
        .containsExactly(
            f + ":7: error: port '20-10' is not a port or a range of them",
            f + ":7: error: port '70000' is not a port or a range of them",
            f
                + ":10: error: firewall rule 'bad-direction': direction 'SIDEWAYS' is not INGRESS"
                + " or EGRESS");
  }

  @Test
  void theCorpusIsRead() throws Exception {
    StringBuilder sb = new StringBuilder();
    try (var files = Files.list(Path.of("src/test/resources/corpus/gcp"))) {
      for (Path f : files.sorted().toList()) {
        Firewall fw = read(f.toString());
        long rules = fw.filters().values().stream().mapToLong(x -> x.rules().size()).sum();
        long open =
            fw.filters().values().stream()
                .flatMap(x -> x.rules().stream())
                .filter(r -> r.match().toString().contains("Unknown["))
                .count();
        sb.append(f.getFileName())
            .append(": ")
            .append(rules)
            .append(" rules, ")
            .append(open)
            .append(" not settled\n");
      }
    }
    System.out.print(sb);
    // Not settled: target tags and source tags without the instances, in these exports.
    assertThat(sb.toString())
        .isEqualTo(
            """
            aerleon-sample-gce.json: 16 rules, 2 not settled
            gcpdiag-gce1-effective-firewalls.json: 24 rules, 8 not settled
            gcpdiag-gke1-effective-firewalls.json: 43 rules, 29 not settled
            """);
  }
}
