package dev.zpaaudit.ingest.panos;

import static dev.zpaaudit.ingest.panos.PanosFixtures.read;
import static dev.zpaaudit.ingest.panos.PanosFixtures.security;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.zpaaudit.diag.InputException;
import dev.zpaaudit.ingest.ExportScope;
import dev.zpaaudit.ingest.ParseResult;
import dev.zpaaudit.model.Action;
import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.Attachment;
import dev.zpaaudit.model.Condition;
import dev.zpaaudit.model.Filter;
import dev.zpaaudit.model.Firewall;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.Point;
import dev.zpaaudit.model.Rule;
import dev.zpaaudit.model.SourceLocation;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A firewall's security rulebase lowered into the neutral model, one feature per fixture: the
 * PAN-OS representation first, then the rules of the filter it becomes.
 */
class PanosConversionsTest {
  static Condition.InIface from(String... zones) {
    return new Condition.InIface(List.of(zones), false);
  }

  static Condition.OutIface to(String... zones) {
    return new Condition.OutIface(List.of(zones), false);
  }

  /** Traffic that arrives from and leaves to the same one of the zones. */
  static Condition.AnyOf sameZone(String... zones) {
    return new Condition.AnyOf(
        List.of(zones).stream().map(z -> List.<Condition>of(from(z), to(z))).toList());
  }

  static Rule rule(Filter f, String name) {
    return f.rules().stream()
        .filter(r -> r.text().startsWith("security rule '" + name + "'"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void oneStatefulZonedFilterOnForwardedTrafficOfBothFamilies() throws Exception {
    ParseResult r =
        PanosConversions.convert(
            read("convert-rules.xml"), ExportScope.ALL, Applications.embedded());
    Firewall fw = r.firewall();
    assertThat(fw.zoned()).isTrue();
    assertThat(fw.format()).isEqualTo("PAN-OS vsys 'vsys1'");
    assertThat(fw.families()).containsExactlyInAnyOrder(AddressFamily.IPV4, AddressFamily.IPV6);
    assertThat(fw.attachments())
        .containsExactly(
            new Attachment(
                Point.FORWARDED,
                Attachment.Kind.SESSION,
                0,
                "security",
                Set.of(AddressFamily.IPV4, AddressFamily.IPV6),
                "security policy"));
    assertThat(r.diagnostics()).isEmpty();
  }

  @Test
  void rulesKeepTheirOrderDisabledOnesAreLeftOutAndTheDefaultsEndTheFilter() throws Exception {
    assertThat(read("convert-rules.xml").config().vsys().get(0).rulebase().security())
        .extracting(SecurityRule::name, SecurityRule::disabled)
        .containsExactly(
            tuple("web", false),
            tuple("off", true),
            tuple("within", false),
            tuple("between", false),
            tuple("server", false),
            tuple("both", false));
    Filter f = security("convert-rules.xml");
    assertThat(f.name()).isEqualTo(PanosConversions.SECURITY);
    assertThat(f.rules())
        .extracting(x -> x.location().line(), Rule::action)
        .containsExactly(
            tuple(25, new Action.Accept("allow")),
            tuple(44, new Action.Drop("drop")),
            tuple(54, new Action.Reject("reset-client")),
            tuple(64, new Action.Reject("reset-server")),
            tuple(73, new Action.Reject("reset-both")),
            tuple(86, new Action.Drop("deny")));
    assertThat(f.rules().get(0).text())
        .isEqualTo(
            "security rule 'web': from trust to untrust, source any, destination any,"
                + " application any, service service-https, action allow");
  }

  @Test
  void zonesAreInterfaceTestsAndRuleTypesSayWhetherTheyMayBeTheSame() throws Exception {
    Filter f = security("convert-rules.xml");
    assertThat(rule(f, "web").match().subList(0, 2)).containsExactly(from("trust"), to("untrust"));
    assertThat(rule(f, "within").text()).contains("(intrazone): from any, source any");
    assertThat(rule(f, "within").match())
        .containsExactly(
            sameZone("trust", "untrust", "dmz"), new Condition.Dst(IpSet.parse("192.0.2.0/24")));
    Condition.AnyOf differ =
        new Condition.AnyOf(
            List.of(
                List.of(from("trust"), new Condition.OutIface(List.of("trust"), true)),
                List.of(from("untrust"), new Condition.OutIface(List.of("untrust"), true)),
                List.of(from("dmz"), new Condition.OutIface(List.of("dmz"), true)),
                List.of(new Condition.InIface(List.of("trust", "untrust", "dmz"), true))));
    assertThat(rule(f, "between").match())
        .containsExactly(from("trust"), differ, new Condition.Dst(IpSet.parse("198.51.100.0/24")));
    assertThat(rule(f, "server").match()).containsExactly(to("dmz"));
  }

  @Test
  void theDefaultRulesAreNamedWithTheirOverrideAndWhereItIsWritten() throws Exception {
    Filter f = security("convert-rules.xml");
    Rule intra = f.rules().get(f.rules().size() - 1);
    assertThat(intra.text())
        .isEqualTo("default rule 'intrazone-default' (traffic within a zone, deny, overridden)");
    assertThat(intra.location()).isEqualTo(new SourceLocation("convert-rules.xml", 86));
    assertThat(intra.match()).containsExactly(sameZone("trust", "untrust", "dmz"));
    Rule inter = f.defaultRule();
    assertThat(inter.text())
        .isEqualTo("default rule 'interzone-default' (traffic between zones, deny, implicit)");
    assertThat(inter.location()).isEqualTo(new SourceLocation("convert-rules.xml", 0));
    assertThat(inter.match()).isEmpty();
    assertThat(inter.action()).isEqualTo(new Action.Drop("deny"));
  }

  @Test
  void theImplicitIntrazoneDefaultAllows() throws Exception {
    Rule intra = security("convert-addresses.xml").rules().get(9);
    assertThat(intra.text())
        .isEqualTo("default rule 'intrazone-default' (traffic within a zone, allow, implicit)");
    assertThat(intra.action()).isEqualTo(new Action.Accept("allow"));
  }

  @Test
  void everySecurityActionHasItsNeutralForm() {
    assertThat(PanosConversions.action(SecurityAction.ALLOW)).isEqualTo(new Action.Accept("allow"));
    assertThat(PanosConversions.action(SecurityAction.DENY)).isEqualTo(new Action.Drop("deny"));
    assertThat(PanosConversions.action(SecurityAction.DROP)).isEqualTo(new Action.Drop("drop"));
    assertThat(PanosConversions.action(SecurityAction.RESET_CLIENT))
        .isEqualTo(new Action.Reject("reset-client"));
    assertThat(PanosConversions.action(SecurityAction.RESET_SERVER))
        .isEqualTo(new Action.Reject("reset-server"));
    assertThat(PanosConversions.action(SecurityAction.RESET_BOTH))
        .isEqualTo(new Action.Reject("reset-both"));
  }

  @Test
  void destinationNatComesFirstAsAnUnknownRuleAndSourceNatIsNotAFilter() throws Exception {
    PanosReader.Result read = read("convert-dnat.xml");
    assertThat(read.config().vsys().get(0).rulebase().nat())
        .extracting(NatRule::name, n -> n.destinationTranslation().isPresent(), NatRule::disabled)
        .containsExactly(
            tuple("hide", false, false),
            tuple("publish-web", true, false),
            tuple("old-publish", true, true),
            tuple("pool", true, false));
    assertThat(PanosFixtures.diagnostics(read))
        .containsExactly(
            "convert-dnat.xml:50: warning: 'dynamic-destination-translation' is not modelled"
                + " (load-balanced destination translation)");
    Filter f = security("convert-dnat.xml");
    assertThat(f.rules())
        .extracting(x -> x.location().line(), Rule::text)
        .containsExactly(
            tuple(23, "NAT rule 'publish-web' (destination translation to 10.0.0.80)"),
            tuple(44, "NAT rule 'pool' (destination translation to 10.0.0.82)"),
            tuple(
                59,
                "security rule 'to-web': from untrust to dmz, source any, destination"
                    + " 203.0.113.80, application any, service service-https, action allow"),
            tuple(0, "default rule 'intrazone-default' (traffic within a zone, allow, implicit)"));
    Rule nat = f.rules().get(0);
    assertThat(nat.match().subList(0, 3))
        .containsExactly(
            from("untrust"), to("untrust"), new Condition.Dst(IpSet.parse("203.0.113.80")));
    assertThat(nat.action())
        .isEqualTo(
            new Action.Unknown(
                "destination NAT rule 'publish-web' rewrites the destination; security rules"
                    + " then match the original address in the translated one's zone, which is"
                    + " not modelled"));
    assertThat(f.rules().get(1).action()).isInstanceOf(Action.Unknown.class);
  }

  @Test
  void panoramaPreRulesTheLocalRulesThenPostRulesNearestFirst() throws Exception {
    PanosConfig c = read("convert-panorama.xml").config();
    assertThat(c.deviceGroups())
        .extracting(DeviceGroup::name, DeviceGroup::parent)
        .containsExactly(
            tuple("europe", java.util.Optional.empty()),
            tuple("paris", java.util.Optional.of("europe")));
    Filter f = security("convert-panorama.xml", new ExportScope(null, "paris"));
    assertThat(f.rules())
        .extracting(x -> x.location().line(), x -> x.text().replaceAll(" \\(.*|:.*", ""))
        .containsExactly(
            tuple(67, "NAT rule 'publish'"),
            tuple(6, "security rule 'shared-pre'"),
            tuple(45, "security rule 'europe-pre'"),
            tuple(84, "security rule 'paris-pre'"),
            tuple(80, "local rules of the firewalls in device group 'paris'"),
            tuple(96, "security rule 'paris-post'"),
            tuple(57, "security rule 'europe-post'"),
            tuple(18, "security rule 'shared-post'"),
            tuple(106, "default rule 'intrazone-default'"));
    Rule local = f.rules().get(4);
    String why =
        "the managed firewall's own rules, which a Panorama export does not hold, come between"
            + " the pre-rules and the post-rules of device group 'paris'; audit the firewall's"
            + " own export to settle this";
    assertThat(local.match()).containsExactly(new Condition.Unknown(why));
    assertThat(local.action())
        .isEqualTo(new Action.Unknown("what those rules do is not in this export"));
    // A rule pushed to some of the group's firewalls may or may not be on the one audited.
    assertThat(f.rules().get(5).match())
        .containsExactly(
            new Condition.Unknown(
                "target: the rule is pushed only to some firewalls of the device group; which ones"
                    + " is not modelled"));
    // The nearest override of each default wins: paris's intrazone, shared's interzone.
    assertThat(f.rules().get(8).action()).isEqualTo(new Action.Drop("deny"));
    assertThat(f.defaultRule().text())
        .isEqualTo("default rule 'interzone-default' (traffic between zones, drop, overridden)");
    assertThat(f.defaultRule().location().line()).isEqualTo(28);
  }

  @Test
  void aParentDeviceGroupSeesOnlySharedAndItsOwnRules() throws Exception {
    Filter f = security("convert-panorama.xml", new ExportScope(null, "europe"));
    assertThat(f.rules())
        .extracting(x -> x.location().line())
        .containsExactly(67, 6, 45, 41, 57, 18, 31);
    assertThat(f.rules().get(6).text())
        .isEqualTo(
            "default rule 'intrazone-default' (traffic within a zone, reset-both, overridden)");
  }

  static String refusal(String fixture, ExportScope scope) throws Exception {
    try {
      security(fixture, scope);
    } catch (InputException e) {
      assertThat(e.errors()).hasSize(1);
      return e.errors().get(0).format();
    }
    throw new AssertionError(fixture + " was converted");
  }

  @Test
  void severalVsysWithoutAChoiceAreRefusedNamingThem() throws Exception {
    assertThat(read("convert-vsys.xml").config().vsys())
        .extracting(Vsys::name)
        .containsExactly("vsys1", "vsys2");
    assertThat(refusal("convert-vsys.xml", ExportScope.ALL))
        .isEqualTo(
            "convert-vsys.xml:1: error: the firewall has several vsys (vsys1, vsys2): choose one"
                + " with --vsys");
    assertThat(refusal("convert-vsys.xml", new ExportScope("vsys3", null)))
        .isEqualTo("convert-vsys.xml:1: error: no vsys 'vsys3'; it has vsys1, vsys2");
    Filter second = security("convert-vsys.xml", new ExportScope("vsys2", null));
    assertThat(second.rules().get(0).text()).startsWith("security rule 'second'");
  }

  @Test
  void severalDeviceGroupsWithoutAChoiceAreRefusedNamingThem() throws Exception {
    assertThat(refusal("convert-panorama.xml", ExportScope.ALL))
        .isEqualTo(
            "convert-panorama.xml:1: error: the Panorama config has several device groups"
                + " (europe, paris): choose one with --device-group");
    assertThat(refusal("convert-panorama.xml", new ExportScope(null, "lyon")))
        .isEqualTo("convert-panorama.xml:1: error: no device group 'lyon'; it has europe, paris");
  }
}
