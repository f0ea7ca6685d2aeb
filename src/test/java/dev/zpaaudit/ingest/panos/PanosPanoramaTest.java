package dev.zpaaudit.ingest.panos;

import static dev.zpaaudit.ingest.panos.PanosFixtures.diagnostics;
import static dev.zpaaudit.ingest.panos.PanosFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.zpaaudit.ingest.panos.PanosReader.Result;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PanosPanoramaTest {
  @Test
  void deviceGroupsWithTheirParentsObjectsAndRulebases() throws Exception {
    Result r = read("panorama-device-groups.xml");
    PanosConfig c = r.config();
    assertThat(c.platform()).isEqualTo(PanosConfig.Platform.PANORAMA);
    assertThat(c.vsys()).isEmpty();
    assertThat(c.deviceGroups())
        .extracting(DeviceGroup::name, DeviceGroup::parent, DeviceGroup::devices, DeviceGroup::line)
        .containsExactly(
            tuple("europe", Optional.empty(), List.of("013201000001"), 48),
            tuple("paris", Optional.of("europe"), List.of(), 61),
            tuple("lab", Optional.empty(), List.of(), 132));
    DeviceGroup paris = c.deviceGroups().get(1);
    assertThat(paris.preRulebase().security())
        .extracting(SecurityRule::name, SecurityRule::line)
        .containsExactly(tuple("lan-to-proxy", 70));
    assertThat(paris.postRulebase().security())
        .extracting(SecurityRule::name, SecurityRule::line)
        .containsExactly(tuple("no-lab", 104));
    assertThat(c.shared().preRulebase().security())
        .extracting(SecurityRule::name)
        .containsExactly("shared-dns");
    assertThat(c.shared().postRulebase().defaults().interzone())
        .isEqualTo(
            new DefaultSecurityRules.Rule("interzone-default", SecurityAction.DROP, false, 38));
    assertThat(diagnostics(r))
        .containsExactly(
            "panorama-device-groups.xml:91: warning: 'target' is not modelled (security rule"
                + " 'lan-to-proxy' applies only to some devices; what it decides is indeterminate)",
            "panorama-device-groups.xml:104: error: security rule 'no-lab': address 'lab-net' is"
                + " not defined");
  }

  @Test
  void namesResolveNearestFirstThroughParentGroupsThenShared() throws Exception {
    PanosConfig c = read("panorama-device-groups.xml").config();
    DeviceGroup paris = c.deviceGroups().get(1);
    assertThat(
            PanosResolver.forDeviceGroup(c, paris)
                .addresses(List.of("paris-lan", "eu-proxy", "dns-servers", "lab-net")))
        .containsExactly(
            new AddressLeaf.Value("paris-lan", new AddressValue.IpNetmask("10.31.0.0/16")),
            new AddressLeaf.Value("eu-proxy", new AddressValue.IpNetmask("10.30.0.8")),
            new AddressLeaf.Value("dns-servers", new AddressValue.IpNetmask("10.30.0.53")),
            new AddressLeaf.Unresolved("lab-net", "not defined"));
    assertThat(PanosResolver.forShared(c).addresses(List.of("dns-servers")))
        .containsExactly(
            new AddressLeaf.Value("dns-servers", new AddressValue.IpNetmask("192.0.2.53")));
  }

  @Test
  void rulebasesApplyFromSharedDownAndBackUp() throws Exception {
    PanosConfig c = read("panorama-device-groups.xml").config();
    DeviceGroup europe = c.deviceGroups().get(0);
    DeviceGroup paris = c.deviceGroups().get(1);
    assertThat(DeviceGroups.ancestry(c.deviceGroups(), paris)).containsExactly(paris, europe);
    assertThat(DeviceGroups.preRulebases(c, paris))
        .containsExactly(c.shared().preRulebase(), europe.preRulebase(), paris.preRulebase());
    assertThat(DeviceGroups.postRulebases(c, paris))
        .containsExactly(paris.postRulebase(), europe.postRulebase(), c.shared().postRulebase());
  }

  @Test
  void olderReleasesKeepParentsInDgMetaDataAndBadParentsAreErrors() throws Exception {
    Result r = read("panorama-dg-meta-data.xml");
    assertThat(r.config().deviceGroups())
        .extracting(DeviceGroup::name, DeviceGroup::parent)
        .containsExactly(
            tuple("parent", Optional.empty()),
            tuple("child", Optional.of("parent")),
            tuple("orphan", Optional.of("gone")),
            tuple("ring-a", Optional.of("ring-b")),
            tuple("ring-b", Optional.of("ring-a")));
    assertThat(diagnostics(r))
        .containsExactly(
            "panorama-dg-meta-data.xml:7: error: device group 'orphan': parent device group"
                + " 'gone' is not defined",
            "panorama-dg-meta-data.xml:8: error: device group 'ring-a' is its own ancestor:"
                + " ring-a -> ring-b -> ring-a",
            "panorama-dg-meta-data.xml:9: error: device group 'ring-b' is its own ancestor:"
                + " ring-b -> ring-a -> ring-b");
  }

  @Test
  void templatesAndStacksWithTheirNetworkAndZones() throws Exception {
    Result r = read("panorama-templates.xml");
    List<Template> templates = r.config().templates();
    Template branch = templates.get(0);
    assertThat(branch.network().interfaces())
        .containsExactly(
            new PanosInterface(
                "ethernet1/1",
                PanosInterface.Kind.ETHERNET,
                PanosInterface.Mode.LAYER3,
                Optional.empty(),
                Optional.empty(),
                List.of("$wan-ip"),
                List.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                22));
    assertThat(branch.network().virtualRouters())
        .containsExactly(new VirtualRouter("default", List.of("ethernet1/1"), List.of(), 32));
    assertThat(branch.vsys()).extracting(Vsys::name).containsExactly("vsys1");
    assertThat(branch.vsys().get(0).zones())
        .containsExactly(new Zone("untrust", Zone.Type.LAYER3, List.of("ethernet1/1"), 42));
    assertThat(templates.get(1))
        .isEqualTo(new Template("branch-base", false, List.of(), List.of(), Network.NONE, 56));
    assertThat(templates.get(2))
        .isEqualTo(
            new Template(
                "branch-stack",
                true,
                List.of("branch-network", "branch-base"),
                List.of(),
                Network.NONE,
                59));
    assertThat(diagnostics(r))
        .containsExactly(
            "panorama-templates.xml:9: warning: 'variable' is not modelled (template variables"
                + " are not substituted)");
  }
}
