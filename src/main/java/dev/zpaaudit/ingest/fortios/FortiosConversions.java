package dev.zpaaudit.ingest.fortios;

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
import dev.zpaaudit.model.Network;
import dev.zpaaudit.model.Point;
import dev.zpaaudit.model.Rule;
import dev.zpaaudit.model.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a FortiGate configuration into the neutral model: one firewall for one VDOM, whose firewall
 * policies are a stateful filter on forwarded traffic, judged by interface (a zone stands for its
 * interfaces), tried in the order they stand, disabled ones skipped, ending in FortiOS's implicit
 * deny by name. What the export does not settle is said, never guessed.
 */
public final class FortiosConversions {
  /** The filter the firewall policies are lowered into. */
  public static final String POLICY = "policy";

  /** The default rule's words: FortiOS shows it as policy 0. */
  static final String IMPLICIT_DENY = "implicit deny (policy 0)";

  private static final Set<AddressFamily> BOTH = Set.of(AddressFamily.IPV4, AddressFamily.IPV6);

  private final String file;
  private final FortiosConfig config;

  private FortiosConversions(FortiosConfig config) {
    this.file = config.file();
    this.config = config;
  }

  /** The VDOM the scope names (the only one, when it names none), lowered. */
  public static ParseResult convert(FortiosReader.Result read, ExportScope scope)
      throws InputException {
    FortiosConversions c = new FortiosConversions(read.config());
    Vdom v = c.vdom(scope.vdom());
    List<Diagnostic> diags = new ArrayList<>(read.diagnostics());
    return new ParseResult(c.convert(v, diags), diags);
  }

  private Firewall convert(Vdom v, List<Diagnostic> diags) {
    FortiosMatches m = new FortiosMatches(v);
    List<Rule> rules = new ArrayList<>();
    for (UnreadPolicies u : v.unreadPolicies()) {
      rules.add(unread(u));
    }
    List<Policy> enabled = v.policies().stream().filter(Policy::enabled).toList();
    List<List<Condition>> matches = new ArrayList<>();
    for (Policy p : enabled) {
      List<Condition> match = m.policy(p);
      matches.add(match);
      rules.add(new Rule(new SourceLocation(file, p.line()), text(p), match, action(p.action())));
    }
    for (Zone z : v.zones()) {
      if (z.intrazoneAllow() && !z.interfaces().isEmpty()) {
        rules.add(intrazone(z));
      }
    }
    Rule implicit =
        new Rule(
            new SourceLocation(file, v.policyLine()),
            IMPLICIT_DENY,
            List.of(),
            new Action.Drop("deny"));
    Filter filter = new Filter(POLICY, rules, implicit);
    Attachment at =
        new Attachment(
            Point.FORWARDED, Attachment.Kind.SESSION, 0, POLICY, BOTH, "firewall policy");
    FortiosNetwork network = FortiosNetwork.of(file, v, m.resolver());
    diags.addAll(network.diagnostics());
    return new Firewall(
        file,
        config.multiVdom() ? "FortiOS VDOM '" + v.name() + "'" : "FortiOS",
        BOTH,
        Map.of(POLICY, filter),
        List.of(at),
        new Network(
            network.interfaces(),
            network.routes(),
            new FortiosPolicies(file, m).policyRoutes(v, network.interfaces())),
        new FortiosInspection(file, v, m).rules(enabled, matches),
        false);
  }

  private Vdom vdom(String name) throws InputException {
    List<Vdom> vdoms = config.vdoms();
    String names = String.join(", ", vdoms.stream().map(Vdom::name).toList());
    if (vdoms.isEmpty()) {
      throw error("the configuration has no VDOM");
    }
    if (name != null) {
      return vdoms.stream()
          .filter(v -> v.name().equals(name))
          .findFirst()
          .orElseThrow(() -> error("no VDOM '" + name + "'; it has " + names));
    }
    if (vdoms.size() > 1) {
      throw error("the FortiGate has several VDOMs (" + names + "): choose one with --vdom");
    }
    return vdoms.get(0);
  }

  /** How a policy is named in a trace: {@code policy 12 'allow-zpa'}. */
  static String label(Policy p) {
    String table = p.table().equals(PolicyReader.POLICY6) ? "policy6 " : "policy ";
    return table + p.id() + (p.name().isEmpty() ? "" : " '" + p.name() + "'");
  }

  /** How a policy reads in a trace: its name and what it matches, in FortiOS terms. */
  static String text(Policy p) {
    PolicyMatch m = p.match();
    PolicyMatch.Negation n = m.negation();
    StringBuilder sb = new StringBuilder(label(p)).append(": ");
    sb.append("srcintf ").append(list(m.srcintf(), "any"));
    sb.append(" dstintf ").append(list(m.dstintf(), "any"));
    addresses(sb, "srcaddr", m.srcaddr(), n.source());
    addresses(sb, "dstaddr", m.dstaddr(), n.destination());
    String six = p.table().equals(PolicyReader.POLICY6) ? "" : "6";
    addresses(sb, "srcaddr" + six, m.srcaddr6(), n.source6());
    addresses(sb, "dstaddr" + six, m.dstaddr6(), n.destination6());
    if (!m.services().isEmpty()) {
      sb.append(", service ").append(n.service() ? "not " : "").append(list(m.services(), ""));
    }
    if (!p.schedule().equals("always")) {
      sb.append(", schedule ").append(p.schedule());
    }
    p.unmodelled().forEach(u -> sb.append(", ").append(u));
    return sb.append(", action ").append(p.action().text()).toString();
  }

  private static void addresses(StringBuilder sb, String key, List<String> names, boolean not) {
    if (!names.isEmpty()) {
      sb.append(", ").append(key).append(' ').append(not ? "not " : "").append(list(names, ""));
    }
  }

  private static String list(List<String> values, String empty) {
    return values.isEmpty() ? empty : String.join(",", values);
  }

  static Action action(Policy.Action a) {
    return switch (a) {
      case ACCEPT -> new Action.Accept("accept");
      case IPSEC -> new Action.Accept("ipsec");
      case DENY -> new Action.Drop("deny");
      case DENY_WITH_PACKET -> new Action.Reject("(deny, send-deny-packet)");
    };
  }

  /** Traffic between two interfaces of a zone that allows it goes through without a policy. */
  private Rule intrazone(Zone z) {
    return new Rule(
        new SourceLocation(file, z.line()),
        "zone '" + z.name() + "': intrazone allow (traffic between its interfaces)",
        List.of(
            new Condition.InIface(z.interfaces(), false),
            new Condition.OutIface(z.interfaces(), false)),
        new Action.Accept("intrazone allow"));
  }

  private Rule unread(UnreadPolicies u) {
    String why = "'config " + u.table() + "' decides too: " + u.why();
    return new Rule(
        new SourceLocation(file, u.line()),
        "'config " + u.table() + "' (not read)",
        List.of(new Condition.Unknown(why)),
        new Action.Unknown(why));
  }

  private InputException error(String message) {
    return new InputException(
        new Diagnostic(Diagnostic.Severity.ERROR, new SourceLocation(file, 1), message));
  }
}
