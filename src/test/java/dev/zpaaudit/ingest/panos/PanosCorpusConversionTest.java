package dev.zpaaudit.ingest.panos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.zpaaudit.ingest.ExportScope;
import dev.zpaaudit.ingest.ParseResult;
import dev.zpaaudit.model.Action;
import dev.zpaaudit.model.Condition;
import dev.zpaaudit.model.Filter;
import dev.zpaaudit.model.Rule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every PAN-OS config of the corpus converts into the model, each vsys of a firewall and each
 * device group of Panorama, and what the converted policy leaves indeterminate is listed by kind:
 * the number of rules with an unknown test or action of each kind. A change in either shows here.
 */
class PanosCorpusConversionTest {
  /** Why an address member is not in the export, as the conversion says it. */
  private static final Pattern MEMBER =
      Pattern.compile(
          "'[^']*' \\((the FQDN|a region|a predefined region|an external dynamic list|a dynamic"
              + " address group|not defined|its definition is unreadable|the group contains"
              + " itself|[^)]*a wildcard mask too scattered)");

  /** The kinds of reason, by how the reason starts (in this order). */
  private static final Map<String, String> KINDS = new LinkedHashMap<>();

  static {
    KINDS.put("destination NAT rule", "destination NAT");
    KINDS.put("the managed firewall's own rules", "the firewalls' own rules (Panorama)");
    KINDS.put("what those rules do is not in this export", "the firewalls' own rules (Panorama)");
    KINDS.put("source user", "source user");
    KINDS.put("URL category", "URL category");
    KINDS.put("schedule", "schedule");
    KINDS.put("application-default with application any", "application-default of any");
    KINDS.put("application-default for", "application-default of an application not in the pack");
    KINDS.put("application ", "application beyond the pack (App-ID)");
    KINDS.put("service '", "service not resolved");
    KINDS.put("hip-profiles", "host information (HIP)");
    KINDS.put("source-hip", "host information (HIP)");
    KINDS.put("destination-hip", "host information (HIP)");
    KINDS.put("target:", "target devices (Panorama)");
  }

  /** The kinds of what a reason says is not modelled. */
  static Set<String> kinds(String reason) {
    Set<String> out = new LinkedHashSet<>();
    for (String part : reason.split("; (?=service|application)")) {
      out.add(kind(part));
    }
    return out;
  }

  private static String kind(String reason) {
    for (Map.Entry<String, String> k : KINDS.entrySet()) {
      if (reason.startsWith(k.getKey())) {
        return k.getValue();
      }
    }
    if (reason.startsWith("source") || reason.startsWith("destination")) {
      Matcher m = MEMBER.matcher(reason);
      List<String> why = new ArrayList<>();
      while (m.find()) {
        why.add(m.group(1).endsWith("scattered") ? "a scattered wildcard mask" : m.group(1));
      }
      return "address: " + String.join(", ", new LinkedHashSet<>(why));
    }
    return reason;
  }

  private static void collect(List<Condition> conditions, Set<String> out) {
    for (Condition c : conditions) {
      if (c instanceof Condition.Unknown u) {
        out.addAll(kinds(u.what()));
      } else if (c instanceof Condition.AnyOf a) {
        a.alternatives().forEach(alt -> collect(alt, out));
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
        kinds.addAll(kinds(u.reason()));
      }
      kinds.forEach(k -> counts.merge(k, 1, Integer::sum));
    }
    StringBuilder sb = new StringBuilder();
    sb.append(f.rules().size()).append(" rules");
    counts.forEach((k, n) -> sb.append("\n  ").append(k).append(": ").append(n));
    return sb.toString();
  }

  /** Each part of the config converted, with what it leaves indeterminate. */
  static String summary(Path file) throws Exception {
    PanosReader.Result read = PanosReader.read(file);
    PanosConfig c = read.config();
    List<ExportScope> scopes = new ArrayList<>();
    if (c.platform() == PanosConfig.Platform.PANORAMA) {
      c.deviceGroups().forEach(g -> scopes.add(new ExportScope(null, g.name())));
    } else {
      c.vsys().forEach(v -> scopes.add(new ExportScope(v.name(), null)));
    }
    List<String> parts = new ArrayList<>();
    for (ExportScope s : scopes) {
      ParseResult r = PanosConversions.convert(read, s, Applications.embedded());
      parts.add(r.firewall().format() + ": " + unknowns(r.firewall().filter("security")));
    }
    return String.join("\n", parts);
  }

  /** What each corpus config is known to convert into; a file not listed need only convert. */
  static final Map<String, String> EXPECTED =
      Map.of(
          "iron-skillet-panos-full.xml",
          """
            PAN-OS vsys 'vsys1': 1 rules""",
          "panorama-8.1.xml",
          """
            PAN-OS Panorama device group 'Perimeter-FWs': 7 rules
              address: a dynamic address group: 1
              application beyond the pack (App-ID): 1
              application-default of any: 4
              source user: 1
              the firewalls' own rules (Panorama): 1
            PAN-OS Panorama device group 'Datacenter-Firewalls': 5 rules
              application beyond the pack (App-ID): 1
              application-default of any: 2
              the firewalls' own rules (Panorama): 1
            PAN-OS Panorama device group 'FR Datacenter': 5 rules
              application beyond the pack (App-ID): 1
              application-default of any: 2
              the firewalls' own rules (Panorama): 1
            PAN-OS Panorama device group 'DE-Berlin Office': 14 rules
              address: a dynamic address group: 1
              application beyond the pack (App-ID): 1
              application-default of any: 4
              destination NAT: 4
              source user: 1
              the firewalls' own rules (Panorama): 1
            PAN-OS Panorama device group 'testDG': 6 rules
              application beyond the pack (App-ID): 1
              application-default of any: 3
              the firewalls' own rules (Panorama): 1""",
          "panorama-example.xml",
          """
            PAN-OS Panorama device group 'Perimeter-FWs': 6 rules
              application-default of any: 4
              source user: 1
              the firewalls' own rules (Panorama): 1
            PAN-OS Panorama device group 'Datacenter-Firewalls': 4 rules
              application-default of any: 2
              the firewalls' own rules (Panorama): 1
            PAN-OS Panorama device group 'ResolvZoneTest': 6 rules
              application-default of any: 4
              the firewalls' own rules (Panorama): 1""",
          "panos-example-2.xml",
          """
            PAN-OS vsys 'vsys1': 6 rules
              application beyond the pack (App-ID): 1
              application-default of an application not in the pack: 1
              destination NAT: 2""",
          "policy-best-practices.xml",
          """
            PAN-OS vsys 'vsys1': 24 rules
              URL category: 1
              application beyond the pack (App-ID): 14
              application-default of an application not in the pack: 7
              destination NAT: 2
              source user: 6""");

  @Test
  void eachKindOfUnknownIsCountedOncePerRule() throws Exception {
    assertThat(unknowns(PanosFixtures.security("convert-addresses.xml")))
        .isEqualTo(
            """
            10 rules
              address: a scattered wildcard mask: 1
              address: the FQDN: 2
              address: the FQDN, a region, an external dynamic list, a dynamic address group, a\
             predefined region: 1""");
    assertThat(unknowns(PanosFixtures.security("convert-services.xml")))
        .isEqualTo(
            """
            11 rules
              URL category: 1
              application beyond the pack (App-ID): 3
              application-default of an application not in the pack: 1
              application-default of any: 1
              host information (HIP): 1
              schedule: 1
              source user: 1""");
  }

  @TestFactory
  Stream<DynamicTest> everyConfigOfTheCorpusConverts() throws IOException {
    assumeTrue(Files.isDirectory(PanosCorpusTest.DIR), "no PAN-OS corpus here");
    List<Path> files;
    try (Stream<Path> s = Files.list(PanosCorpusTest.DIR)) {
      files = s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    return files.stream()
        .map(
            f ->
                DynamicTest.dynamicTest(
                    f.getFileName().toString(),
                    () -> {
                      String s = summary(f);
                      System.out.println(f.getFileName() + "\n" + s);
                      String expected = EXPECTED.get(f.getFileName().toString());
                      if (expected != null) {
                        assertThat(s).isEqualTo(expected);
                      }
                    }));
  }
}
