package dev.zpaaudit.ingest.panos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zpaaudit.diag.Diagnostic;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;

/**
 * Every PAN-OS config of the corpus is read, with what it holds counted and what it leaves
 * unmodelled listed by kind: a change in either shows here.
 */
class PanosCorpusTest {
  static final Path DIR = Path.of("src/test/resources/corpus/panos");

  /** Everything of a config, over all its scopes, templates and networks. */
  private record Parts(
      List<Rulebase> rulebases,
      List<PanosObjects> objects,
      List<Vsys> vsys,
      List<Network> networks) {
    static Parts of(PanosConfig c) {
      Parts p =
          new Parts(
              new ArrayList<>(List.of(c.shared().preRulebase(), c.shared().postRulebase())),
              new ArrayList<>(List.of(c.shared().objects())),
              new ArrayList<>(c.vsys()),
              new ArrayList<>(List.of(c.network())));
      for (DeviceGroup g : c.deviceGroups()) {
        p.rulebases.addAll(List.of(g.preRulebase(), g.postRulebase()));
        p.objects.add(g.objects());
      }
      for (Template t : c.templates()) {
        p.vsys.addAll(t.vsys());
        p.networks.add(t.network());
      }
      p.vsys.forEach(v -> p.objects.add(v.objects()));
      c.vsys().forEach(v -> p.rulebases.add(v.rulebase()));
      return p;
    }
  }

  /** What a config holds and leaves unmodelled. */
  static String summary(PanosReader.Result r) {
    PanosConfig c = r.config();
    Parts p = Parts.of(c);
    return String.join(
        "\n",
        c.platform()
            + " "
            + c.version()
            + ": "
            + p.vsys().size()
            + " vsys, "
            + c.deviceGroups().size()
            + " device groups, "
            + c.templates().size()
            + " templates",
        rules(p.rulebases()),
        objects(p.objects()),
        "network: "
            + sum(p.vsys(), v -> v.zones().size())
            + " zones, "
            + sum(p.networks(), n -> n.interfaces().size())
            + " interfaces, "
            + sum(p.networks(), n -> n.virtualRouters().size())
            + " virtual routers, "
            + sum(p.networks(), Network::routeCount)
            + " static routes",
        "errors: "
            + r.diagnostics().stream()
                .filter(d -> d.severity() == Diagnostic.Severity.ERROR)
                .count(),
        "unmodelled:" + kinds(r.diagnostics()));
  }

  private static String rules(List<Rulebase> rulebases) {
    long overridden =
        rulebases.stream()
            .flatMap(b -> List.of(b.defaults().intrazone(), b.defaults().interzone()).stream())
            .filter(DefaultSecurityRules.Rule::overridden)
            .count();
    return "rules: "
        + sum(rulebases, b -> b.security().size())
        + " security, "
        + sum(rulebases, b -> b.nat().size())
        + " NAT, "
        + sum(rulebases, b -> b.decryption().size())
        + " decryption, "
        + sum(rulebases, b -> b.pbf().size())
        + " PBF, "
        + overridden
        + " default rules overridden";
  }

  private static String objects(List<PanosObjects> objects) {
    return "objects: "
        + sum(objects, o -> o.addresses().size())
        + " addresses, "
        + sum(objects, o -> o.addressGroups().size())
        + " address groups, "
        + sum(objects, o -> o.services().size())
        + " services, "
        + sum(objects, o -> o.serviceGroups().size())
        + " service groups, "
        + sum(objects, PanosObjects::size)
        + " in all";
  }

  private static <T> int sum(List<T> items, ToIntFunction<T> count) {
    return items.stream().mapToInt(count).sum();
  }

  private static String kinds(List<Diagnostic> diagnostics) {
    Map<String, Integer> counts = new TreeMap<>();
    for (Diagnostic d : diagnostics) {
      if (d.kind() != null) {
        counts.merge(d.kind(), 1, Integer::sum);
      }
    }
    List<String> parts = new ArrayList<>();
    counts.forEach((k, n) -> parts.add("\n  " + (n == 1 ? k : k + " x" + n)));
    return String.join("", parts);
  }

  private static String read(String file) throws Exception {
    return summary(PanosReader.read(DIR.resolve(file)));
  }

  @Test
  void ironSkilletFirewallTemplate() throws Exception {
    assertThat(read("iron-skillet-panos-full.xml"))
        .isEqualTo(
            """
            FIREWALL 10.1.0: 1 vsys, 0 device groups, 0 templates
            rules: 0 security, 0 NAT, 1 decryption, 0 PBF, 2 default rules overridden
            objects: 0 addresses, 0 address groups, 0 services, 0 service groups, 7 in all
            network: 0 zones, 0 interfaces, 1 virtual routers, 0 static routes
            errors: 0
            unmodelled:
              decryption profiles
              deviceconfig
              email-scheduler
              file-blocking profiles
              ike
              mgt-config
              network profiles
              network qos
              report-group
              reports
              security profile groups
              spyware profiles
              url-filtering profiles
              virus profiles
              vulnerability profiles
              wildfire-analysis profiles""");
  }

  @Test
  void panorama81() throws Exception {
    assertThat(read("panorama-8.1.xml"))
        .isEqualTo(
            """
            PANORAMA 8.1.0: 5 vsys, 5 device groups, 6 templates
            rules: 9 security, 4 NAT, 2 decryption, 0 PBF, 0 default rules overridden
            objects: 10 addresses, 10 address groups, 9 services, 1 service groups, 34 in all
            network: 3 zones, 2 interfaces, 1 virtual routers, 0 static routes
            errors: 0
            unmodelled:
              authentication rules
              content-preview
              deviceconfig x3
              mgt-config
              ndp-proxy x2
              panorama
              security profile groups""");
  }

  @Test
  void panoramaExample() throws Exception {
    assertThat(read("panorama-example.xml"))
        .isEqualTo(
            """
            PANORAMA 6.0.0: 2 vsys, 3 device groups, 1 templates
            rules: 6 security, 0 NAT, 2 decryption, 0 PBF, 0 default rules overridden
            objects: 9 addresses, 4 address groups, 0 services, 0 service groups, 16 in all
            network: 4 zones, 4 interfaces, 1 virtual routers, 3 static routes
            errors: 0
            unmodelled:
              deviceconfig
              mgt-config
              security profile groups""");
  }

  @Test
  void firewallExample2() throws Exception {
    assertThat(read("panos-example-2.xml"))
        .isEqualTo(
            """
            FIREWALL 5.0.0: 1 vsys, 0 device groups, 0 templates
            rules: 4 security, 7 NAT, 1 decryption, 1 PBF, 0 default rules overridden
            objects: 2 addresses, 1 address groups, 2 services, 1 service groups, 12 in all
            network: 2 zones, 1 interfaces, 1 virtual routers, 0 static routes
            errors: 0
            unmodelled:
              botnet
              captive-portal rules
              custom applications
              data-filtering profiles
              deviceconfig
              file-blocking profiles
              global-protect
              ike
              mgt-config
              network profiles
              network qos
              network tunnel
              qos rules
              security profile groups
              spyware profiles
              ssl-decrypt
              url-filtering profiles
              virus profiles
              vulnerability profiles""");
  }

  @Test
  void policyBestPractices() throws Exception {
    assertThat(read("policy-best-practices.xml"))
        .isEqualTo(
            """
            FIREWALL 6.1.0: 1 vsys, 0 device groups, 0 templates
            rules: 23 security, 7 NAT, 2 decryption, 1 PBF, 0 default rules overridden
            objects: 11 addresses, 5 address groups, 3 services, 1 service groups, 39 in all
            network: 5 zones, 4 interfaces, 1 virtual routers, 0 static routes
            errors: 0
            unmodelled:
              authentication-profile
              authentication-sequence
              botnet
              captive-portal rules
              certificate
              custom applications
              data-filtering profiles
              decryption profiles
              deviceconfig
              file-blocking profiles
              global-protect
              ike
              local-user-database
              mgt-config
              network profiles
              network qos
              network tunnel
              qos rules
              security profile groups
              spyware profiles
              ssl-decrypt
              url-filtering profiles
              virus profiles
              vulnerability profiles
              zone-protection-profile""");
  }
}
