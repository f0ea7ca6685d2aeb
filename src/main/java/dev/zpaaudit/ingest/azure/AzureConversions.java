package dev.zpaaudit.ingest.azure;

import dev.zpaaudit.diag.Diagnostic;
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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Network security groups in the neutral model: the connector's host, whose traffic each group
 * judges statefully (a session's first packet by its rules in priority order, the rest and its
 * replies as the first was). A group's outbound rules are a filter where the host's packets leave,
 * its inbound rules one where packets arrive; where several groups apply they stand in series (on
 * the way out the interface's before the subnet's, on the way in the subnet's first), and a packet
 * passes only if each lets it through.
 */
public final class AzureConversions {
  static final String FORMAT = "Azure NSG";

  private static final Set<AddressFamily> BOTH = Set.of(AddressFamily.IPV4, AddressFamily.IPV6);

  private AzureConversions() {}

  static ParseResult convert(
      String source, List<Nsg> groups, ServiceTags tags, List<Diagnostic> diagnostics) {
    Map<String, Filter> filters = new LinkedHashMap<>();
    List<Attachment> attachments = new ArrayList<>();
    List<Nsg> outOrder = new ArrayList<>(groups);
    outOrder.sort(Comparator.comparing(g -> g.onSubnet() && !g.onInterface()));
    for (int i = 0; i < outOrder.size(); i++) {
      Nsg g = outOrder.get(i);
      String out = g.name() + " outbound";
      String in = g.name() + " inbound";
      filters.put(out, filter(g, out, NsgRule.Direction.OUTBOUND, tags));
      filters.put(in, filter(g, in, NsgRule.Direction.INBOUND, tags));
      String label = "network security group '" + g.name() + "'";
      attachments.add(
          new Attachment(
              Point.ORIGINATED, Attachment.Kind.SESSION, i, out, BOTH, label + " outbound"));
      attachments.add(
          new Attachment(
              Point.DELIVERED,
              Attachment.Kind.SESSION,
              outOrder.size() - 1 - i,
              in,
              BOTH,
              label + " inbound"));
    }
    Firewall fw =
        new Firewall(source, FORMAT, BOTH, filters, attachments, Network.NONE, List.of(), false);
    return new ParseResult(fw, diagnostics);
  }

  /**
   * The host node's virtual addresses, through which Azure serves DNS, DHCP, the VM agent and
   * instance metadata: by Azure's documentation not subject to a group's rules unless a rule names
   * the service's own tag (AzurePlatformDNS, AzurePlatformIMDS, AzurePlatformLKM).
   */
  static final List<String> HOST_NODE = List.of("168.63.129.16/32", "169.254.169.254/32");

  private static Filter filter(Nsg g, String name, NsgRule.Direction d, ServiceTags tags) {
    List<NsgRule> all = new ArrayList<>(g.rules());
    all.addAll(g.defaults().isEmpty() ? AzureDefaults.rules() : g.defaults());
    List<Rule> rules = new ArrayList<>(hostNode(g, d, all));
    all.stream()
        .filter(r -> r.direction() == d)
        .sorted(Comparator.comparingInt(NsgRule::priority))
        .map(r -> rule(g, r, tags))
        .forEach(rules::add);
    Rule end =
        new Rule(
            new SourceLocation(g.file(), g.line()),
            "network security group '" + g.name() + "': no rule matches",
            List.of(),
            new Action.Drop("Deny"));
    return new Filter(name, rules, end);
  }

  /**
   * Traffic with the host node's addresses, first: allowed, as the group's rules do not apply to
   * it; unknown where a rule of this direction names an AzurePlatform tag, which would.
   */
  private static List<Rule> hostNode(Nsg g, NsgRule.Direction d, List<NsgRule> all) {
    boolean outbound = d == NsgRule.Direction.OUTBOUND;
    java.util.Optional<NsgRule> platform =
        all.stream()
            .filter(r -> r.direction() == d)
            .filter(
                r ->
                    java.util.stream.Stream.concat(
                            r.sourcePrefixes().stream(), r.destinationPrefixes().stream())
                        .anyMatch(
                            p -> p.toLowerCase(java.util.Locale.ROOT).startsWith("azureplatform")))
            .findFirst();
    List<Rule> out = new ArrayList<>();
    for (String node : HOST_NODE) {
      dev.zpaaudit.model.IpSet a = dev.zpaaudit.model.IpSet.parse(node);
      String addr = node.substring(0, node.indexOf('/'));
      out.add(
          new Rule(
              new SourceLocation(g.file(), platform.map(NsgRule::line).orElse(g.line())),
              "Azure's host node "
                  + addr
                  + (addr.startsWith("168.")
                      ? " (DNS, DHCP, VM agent): "
                      : " (instance metadata): ")
                  + (platform.isEmpty()
                      ? "not subject to network security group rules"
                      : "rule '"
                          + platform.get().name()
                          + "' names an AzurePlatform service tag, which applies to it"),
              List.of(outbound ? new Condition.Dst(a) : new Condition.Src(a)),
              platform.isEmpty()
                  ? new Action.Accept("not subject to the group's rules")
                  : new Action.Unknown(
                      "which of the host node's services an AzurePlatform tag covers is not"
                          + " modelled")));
    }
    return out;
  }

  private static Rule rule(Nsg g, NsgRule r, ServiceTags tags) {
    String text =
        "NSG '"
            + g.name()
            + "' "
            + (r.isDefault() ? "default rule '" : "rule '")
            + r.name()
            + "' (priority "
            + r.priority()
            + ", "
            + (r.direction() == NsgRule.Direction.OUTBOUND ? "Outbound" : "Inbound")
            + ", "
            + (r.allow() ? "Allow" : "Deny")
            + ")";
    int line = r.line() > 0 ? r.line() : g.line();
    Action action = r.allow() ? new Action.Accept("Allow") : new Action.Drop("Deny");
    return new Rule(new SourceLocation(g.file(), line), text, NsgConditions.of(r, tags), action);
  }
}
