package dev.zpaaudit.ingest.panos;

import static dev.zpaaudit.ingest.panos.PanosFixtures.diagnostics;
import static dev.zpaaudit.ingest.panos.PanosFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PanosResolverTest {
  @Test
  void aVsysSeesItsOwnObjectsFirstThenSharedThenLiteralsAndPredefinedRegions() throws Exception {
    PanosReader.Result r = read("firewall-scopes.xml");
    assertThat(diagnostics(r)).isEmpty();
    PanosConfig c = r.config();
    Vsys vsys = c.vsys().get(0);
    RuleMatch m = vsys.rulebase().security().get(0).match();
    PanosResolver resolver = PanosResolver.forVsys(c, vsys);
    assertThat(resolver.addresses(m.source()))
        .containsExactly(
            new AddressLeaf.Value("proxy", new AddressValue.IpNetmask("10.0.0.8")),
            new AddressLeaf.Value("only-shared", new AddressValue.Fqdn("shared.example.com")),
            new AddressLeaf.Unresolved("branch", "a region"),
            new AddressLeaf.Unresolved("US", "a predefined region"));
    assertThat(resolver.addresses(m.destination()))
        .containsExactly(
            new AddressLeaf.Unresolved("blocklist", "an external dynamic list"),
            new AddressLeaf.Value(
                "10.1.1.1-10.1.1.5", new AddressValue.IpRange("10.1.1.1-10.1.1.5")),
            new AddressLeaf.Value("2001:db8::/48", new AddressValue.IpNetmask("2001:db8::/48")));
    assertThat(vsys.objects().externalLists().get("blocklist").type()).isEqualTo("ip");
  }

  @Test
  void aServiceObjectNamedLikeAPredefinedServiceWins() throws Exception {
    PanosConfig c = read("firewall-scopes.xml").config();
    Vsys vsys = c.vsys().get(0);
    assertThat(PanosResolver.forVsys(c, vsys).services(List.of("service-http", "service-https")))
        .containsExactly(
            new ServiceLeaf.Defined(c.shared().objects().services().get("service-http")),
            new ServiceLeaf.Defined(Service.HTTPS));
  }
}
