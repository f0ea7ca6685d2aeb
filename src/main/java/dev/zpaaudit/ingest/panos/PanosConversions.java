package dev.zpaaudit.ingest.panos;

import dev.zpaaudit.diag.Diagnostic;
import dev.zpaaudit.diag.InputException;
import dev.zpaaudit.ingest.ExportScope;
import dev.zpaaudit.ingest.ParseResult;
import dev.zpaaudit.model.Action;
import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.Attachment;
import dev.zpaaudit.model.Condition;
import dev.zpaaudit.model.Filter;
import dev.zpaaudit.model.Firewall;
import dev.zpaaudit.model.Point;
import dev.zpaaudit.model.Rule;
import dev.zpaaudit.model.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a PAN-OS config into the neutral model: one firewall (a vsys of a firewall, or what a
 * device group of Panorama pushes) whose security rulebase is a stateful filter on forwarded
 * traffic, judged by zone, ending in the default rules by name. Destination NAT that may rewrite
 * what a rule sees, and a Panorama export's missing local rules, are said, never guessed.
 */
public final class PanosConversions {
  /** The filter the security rules are lowered into. */
  public static final String SECURITY = "security";

  private final PanosReader.Result read;
  private final Applications apps;
  private final String file;

  private PanosConversions(PanosReader.Result read, Applications apps) {
    this.read = read;
    this.apps = apps;
    this.file = read.config().file();
  }

  /** Reads the export and lowers the selected part; an error in what is read is exit 2. */
  public static ParseResult convert(PanosReader.Result read, ExportScope sel, Applications apps)
      throws InputException {
    List<Diagnostic> errors =
        read.diagnostics().stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).toList();
    if (!errors.isEmpty()) {
      throw new InputException(errors);
    }
    return new PanosConversions(read, apps).convert(sel);
  }

  private ParseResult convert(ExportScope sel) throws InputException {
    PanosConfig c = read.config();
    List<Diagnostic> diags = new ArrayList<>(read.diagnostics());
    List<Rule> rules = new ArrayList<>();
    DefaultSecurityRules defaults;
    PanosResolver resolver;
    List<Zone> zones;
    PanosNetwork network;
    List<String> zoneNames;
    String scope;
    List<Rulebase> policies;
    preCount = 0;
    localGroup = null;
    PanosMatches m;
    if (c.platform() == PanosConfig.Platform.PANORAMA) {
      DeviceGroup g = deviceGroup(c, sel.deviceGroup());
      scope = "device group '" + g.name() + "'";
      resolver = PanosResolver.forDeviceGroup(c, g);
      zones = templateZones(c);
      network = PanosNetwork.of(c, templateNetworks(c), zones, resolver);
      List<Rulebase> pre = DeviceGroups.preRulebases(c, g);
      List<Rulebase> post = DeviceGroups.postRulebases(c, g);
      List<Rulebase> all = new ArrayList<>(pre);
      all.addAll(post);
      zoneNames = zoneNames(zones, all);
      m = new PanosMatches(resolver, apps, zoneNames);
      for (Rulebase rb : pre) {
        rules.addAll(destinationNat(rb, m));
      }
      for (Rulebase rb : post) {
        rules.addAll(destinationNat(rb, m));
      }
      for (Rulebase rb : pre) {
        rules.addAll(security(rb, m));
      }
      rules.add(localRules(g));
      for (Rulebase rb : post) {
        rules.addAll(security(rb, m));
      }
      defaults = defaults(post);
      policies = new ArrayList<>(pre);
      policies.addAll(post);
      preCount = pre.size();
      localGroup = g;
    } else {
      Vsys v = vsys(c, sel.vsys());
      scope = "vsys '" + v.name() + "'";
      resolver = PanosResolver.forVsys(c, v);
      zones = v.zones();
      network = PanosNetwork.of(c, List.of(c.network()), zones, resolver);
      zoneNames = zoneNames(zones, List.of(v.rulebase()));
      m = new PanosMatches(resolver, apps, zoneNames);
      rules.addAll(destinationNat(v.rulebase(), m));
      rules.addAll(security(v.rulebase(), m));
      defaults = v.rulebase().defaults();
      policies = List.of(v.rulebase());
    }
    PanosPolicies others = new PanosPolicies(file, resolver, m);
    rules.add(intrazone(defaults.intrazone(), zoneNames));
    Rule interzone = defaultRule(defaults.interzone(), List.of(), "traffic between zones");
    Filter security = new Filter(SECURITY, rules, interzone);
    Attachment stage =
        new Attachment(
            Point.FORWARDED,
            Attachment.Kind.SESSION,
            0,
            SECURITY,
            Set.of(AddressFamily.IPV4, AddressFamily.IPV6),
            "security policy");
    diags.addAll(network.diagnostics());
    Firewall fw =
        new Firewall(
            file,
            "PAN-OS " + (c.platform() == PanosConfig.Platform.PANORAMA ? "Panorama " : "") + scope,
            Set.of(AddressFamily.IPV4, AddressFamily.IPV6),
            Map.of(SECURITY, security),
            List.of(stage),
            new dev.zpaaudit.model.Network(
                network.interfaces(), network.routes(), others.policyRoutes(policies)),
            decryption(others, policies),
            true);
    return new ParseResult(fw, diags);
  }

  private Vsys vsys(PanosConfig c, String name) throws InputException {
    if (c.vsys().isEmpty()) {
      throw error(1, "the firewall config has no vsys with rules");
    }
    if (name != null) {
      return c.vsys().stream()
          .filter(v -> v.name().equals(name))
          .findFirst()
          .orElseThrow(() -> error(1, "no vsys '" + name + "'; it has " + vsysNames(c)));
    }
    if (c.vsys().size() > 1) {
      throw error(
          1, "the firewall has several vsys (" + vsysNames(c) + "): choose one with --vsys");
    }
    return c.vsys().get(0);
  }

  private static String vsysNames(PanosConfig c) {
    return String.join(", ", c.vsys().stream().map(Vsys::name).toList());
  }

  private DeviceGroup deviceGroup(PanosConfig c, String name) throws InputException {
    List<String> names = c.deviceGroups().stream().map(DeviceGroup::name).toList();
    if (name != null) {
      return DeviceGroups.find(c.deviceGroups(), name)
          .orElseThrow(
              () ->
                  error(
                      1,
                      "no device group '"
                          + name
                          + "'"
                          + (names.isEmpty() ? "" : "; it has " + String.join(", ", names))));
    }
    if (c.deviceGroups().size() == 1) {
      return c.deviceGroups().get(0);
    }
    if (c.deviceGroups().isEmpty()) {
      throw error(1, "the Panorama config has no device group");
    }
    throw error(
        1,
        "the Panorama config has several device groups ("
            + String.join(", ", names)
            + "): choose one with --device-group");
  }

  private static List<Zone> templateZones(PanosConfig c) {
    List<Zone> out = new ArrayList<>();
    for (Template t : c.templates()) {
      for (Vsys v : t.vsys()) {
        out.addAll(v.zones());
      }
    }
    return out;
  }

  private static List<Network> templateNetworks(PanosConfig c) {
    return c.templates().stream().map(Template::network).toList();
  }

  /**
   * The zones the config defines and those its rulebases name, in order, each once: the zones an
   * intrazone or interzone test tells apart, so that every rule judges the same zones.
   */
  private static List<String> zoneNames(List<Zone> zones, List<Rulebase> rulebases) {
    Set<String> out = new LinkedHashSet<>();
    zones.forEach(z -> out.add(z.name()));
    for (Rulebase rb : rulebases) {
      for (SecurityRule r : rb.security()) {
        named(r.match().from(), out);
        named(r.match().to(), out);
      }
      for (NatRule n : rb.nat()) {
        named(n.from(), out);
        named(n.to(), out);
      }
    }
    return List.copyOf(out);
  }

  private static void named(List<String> zones, Set<String> out) {
    if (!RuleMatch.isAny(zones)) {
      out.addAll(zones);
    }
  }

  private List<Rule> security(Rulebase rb, PanosMatches m) {
    List<Rule> out = new ArrayList<>();
    for (SecurityRule r : rb.security()) {
      if (r.disabled()) {
        continue;
      }
      out.add(
          new Rule(new SourceLocation(file, r.line()), text(r), m.security(r), action(r.action())));
    }
    return out;
  }

  /** How a security rule reads in a trace: its name and what it matches, in PAN-OS terms. */
  static String text(SecurityRule r) {
    RuleMatch m = r.match();
    StringBuilder sb = new StringBuilder("security rule '").append(r.name()).append("'");
    if (r.type() != RuleType.UNIVERSAL) {
      sb.append(" (").append(r.type().text()).append(')');
    }
    sb.append(": from ").append(String.join(",", m.from()));
    if (r.type() != RuleType.INTRAZONE) {
      sb.append(" to ").append(String.join(",", m.to()));
    }
    sb.append(", source ")
        .append(m.negateSource() ? "not " : "")
        .append(String.join(",", m.source()));
    sb.append(", destination ")
        .append(m.negateDestination() ? "not " : "")
        .append(String.join(",", m.destination()));
    sb.append(", application ").append(String.join(",", r.applications()));
    sb.append(", service ").append(String.join(",", m.services()));
    return sb.append(", action ").append(r.action().text()).toString();
  }

  static Action action(SecurityAction a) {
    return switch (a) {
      case ALLOW -> new Action.Accept("allow");
      case DENY, DROP -> new Action.Drop(a.text());
      default -> new Action.Reject(a.text());
    };
  }

  /**
   * Destination NAT rules that may match: the security rules then see the original destination but
   * the zone of the translated one, which is not modelled; what such a rule matches is
   * indeterminate.
   */
  private List<Rule> destinationNat(Rulebase rb, PanosMatches m) {
    List<Rule> out = new ArrayList<>();
    for (NatRule n : rb.nat()) {
      if (n.disabled() || n.destinationTranslation().isEmpty()) {
        continue;
      }
      List<Condition> match = new ArrayList<>(m.zones(n.from(), n.to(), RuleType.UNIVERSAL));
      match.addAll(m.addresses(n.source(), false, true, "source"));
      match.addAll(m.addresses(n.destination(), false, false, "destination"));
      match.addAll(m.services(List.of(n.service()), List.of("any")));
      out.add(
          new Rule(
              new SourceLocation(file, n.line()),
              "NAT rule '"
                  + n.name()
                  + "' (destination translation to "
                  + n.destinationTranslation().get().translatedAddress()
                  + ")",
              match,
              new Action.Unknown(
                  "destination NAT rule '"
                      + n.name()
                      + "' rewrites the destination; security rules then match the original"
                      + " address in the translated one's zone, which is not modelled")));
    }
    return out;
  }

  /** On Panorama: how many of the policy rulebases are pre-rulebases, and the device group. */
  private int preCount;

  private DeviceGroup localGroup;

  /**
   * The decryption rules in order; on Panorama, the managed firewalls' own decryption rules, which
   * the export does not hold, come between the pre- and the post-rules: what they do is unknown.
   */
  private List<dev.zpaaudit.model.DecryptionRule> decryption(
      PanosPolicies others, List<Rulebase> policies) {
    if (localGroup == null) {
      return others.decryption(policies);
    }
    List<dev.zpaaudit.model.DecryptionRule> out =
        new ArrayList<>(others.decryption(policies.subList(0, preCount)));
    String why =
        "the managed firewall's own decryption rules, which a Panorama export does not hold, come"
            + " between the pre-rules and the post-rules of device group '"
            + localGroup.name()
            + "'";
    out.add(
        new dev.zpaaudit.model.DecryptionRule(
            new SourceLocation(file, localGroup.line()),
            "local decryption rules of the firewalls in device group '" + localGroup.name() + "'",
            List.of(new Condition.Unknown(why)),
            List.of(),
            List.of(),
            dev.zpaaudit.model.DecryptionRule.Decision.UNKNOWN));
    out.addAll(others.decryption(policies.subList(preCount, policies.size())));
    return out;
  }

  /** Where a managed firewall's own rules go: between the pre- and the post-rules. */
  private Rule localRules(DeviceGroup g) {
    String why =
        "the managed firewall's own rules, which a Panorama export does not hold, come between"
            + " the pre-rules and the post-rules of device group '"
            + g.name()
            + "'; audit the firewall's own export to settle this";
    return new Rule(
        new SourceLocation(file, g.line()),
        "local rules of the firewalls in device group '" + g.name() + "'",
        List.of(new Condition.Unknown(why)),
        new Action.Unknown("what those rules do is not in this export"));
  }

  /** The defaults that apply: the nearest post-rulebase that overrides each, else implicit. */
  private static DefaultSecurityRules defaults(List<Rulebase> post) {
    DefaultSecurityRules.Rule intra = DefaultSecurityRules.IMPLICIT.intrazone();
    DefaultSecurityRules.Rule inter = DefaultSecurityRules.IMPLICIT.interzone();
    for (int i = post.size() - 1; i >= 0; i--) {
      DefaultSecurityRules d = post.get(i).defaults();
      intra = d.intrazone().overridden() ? d.intrazone() : intra;
      inter = d.interzone().overridden() ? d.interzone() : inter;
    }
    return new DefaultSecurityRules(intra, inter);
  }

  private Rule intrazone(DefaultSecurityRules.Rule d, List<String> zones) {
    return defaultRule(d, List.of(PanosMatches.sameZone(zones)), "traffic within a zone");
  }

  private Rule defaultRule(DefaultSecurityRules.Rule d, List<Condition> match, String what) {
    return new Rule(
        new SourceLocation(file, d.line()),
        "default rule '"
            + d.name()
            + "' ("
            + what
            + ", "
            + d.action().text()
            + (d.overridden() ? ", overridden)" : ", implicit)"),
        match,
        action(d.action()));
  }

  private InputException error(int line, String message) {
    return new InputException(
        new Diagnostic(Diagnostic.Severity.ERROR, new SourceLocation(file, line), message));
  }
}
