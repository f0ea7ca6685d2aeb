package dev.zpaaudit.ingest.fortios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.zpaaudit.diag.Diagnostic;
import dev.zpaaudit.ingest.ExportScope;
import dev.zpaaudit.ingest.ParseResult;
import dev.zpaaudit.model.Action;
import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.Condition;
import dev.zpaaudit.model.Filter;
import dev.zpaaudit.model.Firewall;
import dev.zpaaudit.model.Rule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every FortiGate configuration of the corpus reads and converts into the model, each VDOM, and
 * what the converted policy leaves indeterminate is counted by kind: the number of rules with an
 * unknown test or action of each kind. A change in either shows here.
 */
class FortiosCorpusTest {
  static final Path DIR = Path.of("src/test/resources/corpus/fortios");

  /** The kind of an unknown, by how its reason starts. */
  static String kind(String reason) {
    int colon = reason.indexOf(':');
    String head = colon < 0 ? reason : reason.substring(0, colon);
    if (head.startsWith("source") || head.startsWith("destination")) {
      return head.replaceAll(" '.*", "") + " address: " + addressKind(reason);
    }
    int blank = head.indexOf(' ');
    return blank < 0 ? head : head.substring(0, blank);
  }

  private static String addressKind(String reason) {
    for (String k :
        List.of(
            "the FQDN",
            "the country",
            "the wildcard FQDN",
            "a virtual IP",
            "an address of type",
            "a mask too scattered")) {
      if (reason.contains(k)) {
        return k;
      }
    }
    return reason;
  }

  private static void collect(List<Condition> conditions, Set<String> out) {
    for (Condition c : conditions) {
      if (c instanceof Condition.Unknown u) {
        out.add(kind(u.what()));
      } else if (c instanceof Condition.AnyOf a) {
        a.alternatives().forEach(alt -> collect(alt, out));
      } else if (c instanceof Condition.Not n) {
        collect(n.of(), out);
      }
    }
  }

  /** What a converted policy leaves indeterminate: each kind with the number of its rules. */
  static String unknowns(Filter f) {
    Map<String, Integer> counts = new TreeMap<>();
    for (Rule r : f.rules()) {
      Set<String> kinds = new LinkedHashSet<>();
      collect(r.match(), kinds);
      if (r.action() instanceof Action.Unknown u) {
        kinds.add(kind(u.reason()));
      }
      kinds.forEach(k -> counts.merge(k, 1, Integer::sum));
    }
    StringBuilder sb = new StringBuilder();
    sb.append(f.rules().size()).append(" rules");
    counts.forEach((k, n) -> sb.append("\n  ").append(k).append(": ").append(n));
    return sb.toString();
  }

  /** Each VDOM converted: what it holds and what its policy leaves indeterminate. */
  static String summary(Path file) throws Exception {
    FortiosReader.Result read = FortiosReader.read(file);
    StringBuilder sb = new StringBuilder();
    long warnings =
        read.diagnostics().stream()
            .filter(d -> d.severity() == Diagnostic.Severity.WARNING)
            .count();
    sb.append(warnings).append(" warnings");
    for (Vdom vdom : read.config().vdoms()) {
      sb.append('\n').append(objects(vdom));
    }
    for (String v : read.vdomNames()) {
      ParseResult r = FortiosConversions.convert(read, new ExportScope(null, null, v));
      Firewall fw = r.firewall();
      sb.append('\n')
          .append(fw.format())
          .append(": ")
          .append(fw.interfaces().size())
          .append(" interfaces, ")
          .append(fw.routes().size())
          .append(" routes, ")
          .append(fw.decryption().size())
          .append(" decryption rules, ")
          .append(unknowns(fw.filter(FortiosConversions.POLICY)));
    }
    return sb.toString();
  }

  /** How many objects a VDOM has, and those of its addresses whose addresses are not settled. */
  static String objects(Vdom v) {
    FortiosObjects o = v.objects();
    Map<String, Integer> unsettled = new TreeMap<>();
    for (Address a : o.addresses().values()) {
      AddressResolver.Resolved r =
          new AddressResolver(o).resolve(List.of(a.name()), AddressFamily.IPV4);
      if (!r.unknown().isEmpty()) {
        unsettled.merge(a.value().getClass().getSimpleName(), 1, Integer::sum);
      }
    }
    return "VDOM "
        + v.name()
        + ": "
        + v.policies().size()
        + " policies, "
        + o.addresses().size()
        + " addresses (not settled: "
        + unsettled
        + "), "
        + o.addresses6().size()
        + " IPv6 addresses, "
        + (o.groups().size() + o.groups6().size())
        + " address groups, "
        + o.services().size()
        + " services, "
        + o.serviceGroups().size()
        + " service groups, "
        + v.zones().size()
        + " zones";
  }

  /** What each corpus configuration is known to convert into. */
  static final Map<String, String> EXPECTED =
      Map.of(
          "batfish-address.conf",
          """
            0 warnings
            VDOM root: 0 policies, 13 addresses (not settled: {Fqdn=1, Geography=1, Other=4, Wildcard=1}), 0 IPv6 addresses, 0 address groups, 0 services, 0 service groups, 1 zones
            FortiOS: 2 interfaces, 0 routes, 0 decryption rules, 0 rules""",
          "batfish-firewall-policy.conf",
          """
            0 warnings
            VDOM root: 5 policies, 3 addresses (not settled: {}), 0 IPv6 addresses, 0 address groups, 3 services, 0 service groups, 3 zones
            FortiOS: 5 interfaces, 0 routes, 3 decryption rules, 4 rules""",
          "batfish-service-custom.conf",
          """
            0 warnings
            VDOM root: 0 policies, 0 addresses (not settled: {}), 0 IPv6 addresses, 0 address groups, 11 services, 0 service groups, 0 zones
            FortiOS: 0 interfaces, 0 routes, 0 decryption rules, 0 rules""",
          "first-basic-d2-fw.conf",
          """
            0 warnings
            VDOM root: 1 policies, 11 addresses (not settled: {Fqdn=6}), 3 IPv6 addresses, 2 address groups, 87 services, 4 service groups, 3 zones
            FortiOS: 13 interfaces, 2 routes, 1 decryption rules, 3 rules""",
          "fw-policy-basic.conf",
          """
            0 warnings
            VDOM root: 3 policies, 13 addresses (not settled: {Fqdn=6}), 3 IPv6 addresses, 2 address groups, 91 services, 4 service groups, 3 zones
            FortiOS: 12 interfaces, 0 routes, 2 decryption rules, 5 rules""");

  @Test
  void eachKindOfUnknownIsCountedOncePerRule() throws Exception {
    assertThat(unknowns(FortiosFixtures.policy("policies.conf")))
        .isEqualTo(
            """
            6 rules
              destination address: the FQDN: 1
              groups: 1
              internet-service: 1
              internet-service-name: 1
              schedule: 1
              users: 1""");
  }

  @TestFactory
  Stream<DynamicTest> everyConfigurationOfTheCorpusConverts() throws IOException {
    assumeTrue(Files.isDirectory(DIR), "no FortiOS corpus here");
    List<Path> files;
    try (Stream<Path> s = Files.list(DIR)) {
      files = s.filter(p -> p.toString().endsWith(".conf")).sorted().toList();
    }
    assertThat(files).hasSize(5);
    return files.stream()
        .map(
            f ->
                DynamicTest.dynamicTest(
                    f.getFileName().toString(),
                    () -> {
                      String s = summary(f);
                      System.out.println(f.getFileName() + "\n" + s);
                      assertThat(s).isEqualTo(EXPECTED.get(f.getFileName().toString()));
                    }));
  }
}
