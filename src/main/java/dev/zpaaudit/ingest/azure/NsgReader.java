package dev.zpaaudit.ingest.azure;

import dev.zpaaudit.diag.Diagnostics;
import dev.zpaaudit.diag.InputException;
import dev.zpaaudit.io.SafeParsers;
import dev.zpaaudit.io.Tree;
import dev.zpaaudit.model.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads Azure network security groups from JSON in the shapes users have: the ARM/REST resource
 * ({@code properties.securityRules[].properties}), the flattened output of {@code az network nsg
 * show}, and lists of either ({@code az network nsg list}, or a REST list's {@code value}). A value
 * Azure would refuse (a priority out of 100-4096, a port out of 0-65535 or a range backwards, an
 * unknown direction, access or protocol) is an error at its line; every error is reported at once.
 */
final class NsgReader {
  private static final Pattern PORTS = Pattern.compile("\\*|\\d{1,5}(-\\d{1,5})?");
  private static final List<String> PROTOCOLS =
      List.of("*", "tcp", "udp", "icmp", "esp", "ah", "any");

  private final String file;
  private final Diagnostics diagnostics;

  private NsgReader(String file, Diagnostics diagnostics) {
    this.file = file;
    this.diagnostics = diagnostics;
  }

  /** The groups of one file's text; errors go to {@code diagnostics}. */
  static List<Nsg> read(String text, String file, Diagnostics diagnostics) throws InputException {
    Tree root = SafeParsers.json(text, file);
    NsgReader r = new NsgReader(file, diagnostics);
    List<Nsg> out = new ArrayList<>();
    for (Tree t : r.groups(root)) {
      r.group(t).ifPresent(out::add);
    }
    if (out.isEmpty()) {
      r.error(root, "no network security group in this file");
    }
    return out;
  }

  /** Whether a document holds a network security group in one of the shapes read. */
  static boolean looksLike(String text) {
    String head = text.length() > 65536 ? text.substring(0, 65536) : text;
    return head.contains("Microsoft.Network/networkSecurityGroups")
        || head.contains("\"securityRules\"") && head.contains("\"direction\"");
  }

  private List<Tree> groups(Tree root) {
    if (root instanceof Tree.Seq s) {
      return s.items();
    }
    if (root instanceof Tree.Obj o && o.get("value").orElse(null) instanceof Tree.Seq s) {
      return s.items();
    }
    return List.of(root);
  }

  private Optional<Nsg> group(Tree t) {
    if (!(t instanceof Tree.Obj o)) {
      error(t, "a network security group must be a JSON object");
      return Optional.empty();
    }
    Tree.Obj props = o.get("properties").orElse(null) instanceof Tree.Obj p ? p : o;
    String name = text(o, "name").orElse("(unnamed)");
    List<NsgRule> rules = rules(props, "securityRules", false);
    List<NsgRule> defaults = rules(props, "defaultSecurityRules", true);
    return Optional.of(
        new Nsg(
            name,
            resourceGroup(o),
            file,
            o.line(),
            rules,
            defaults,
            nonEmpty(props, "subnets"),
            nonEmpty(props, "networkInterfaces")));
  }

  private List<NsgRule> rules(Tree.Obj props, String key, boolean defaults) {
    List<NsgRule> out = new ArrayList<>();
    Optional<Tree> list = props.get(key);
    if (list.isEmpty()) {
      return out;
    }
    if (!(list.get() instanceof Tree.Seq s)) {
      error(list.get(), "'" + key + "' must be a list");
      return out;
    }
    for (Tree item : s.items()) {
      if (item instanceof Tree.Obj rule) {
        rule(rule, defaults).ifPresent(out::add);
      } else {
        error(item, "a security rule must be a JSON object");
      }
    }
    return out;
  }

  private Optional<NsgRule> rule(Tree.Obj rule, boolean isDefault) {
    Tree.Obj p = rule.get("properties").orElse(null) instanceof Tree.Obj q ? q : rule;
    String name = text(rule, "name").orElse("(unnamed)");
    int errors = diagnostics.errors().size();
    int priority = priority(p, name, isDefault);
    NsgRule.Direction direction = direction(p, name);
    String access = text(p, "access").orElse("");
    if (!access.equalsIgnoreCase("allow") && !access.equalsIgnoreCase("deny")) {
      error(p, "rule '" + name + "': access '" + access + "' is neither Allow nor Deny");
    }
    String protocol = text(p, "protocol").orElse("*");
    if (!PROTOCOLS.contains(protocol.toLowerCase(java.util.Locale.ROOT))) {
      error(p, "rule '" + name + "': protocol '" + protocol + "' is not one Azure knows");
    }
    List<String> srcPorts = ports(p, "sourcePortRange", name);
    List<String> dstPorts = ports(p, "destinationPortRange", name);
    if (diagnostics.errors().size() > errors) {
      return Optional.empty();
    }
    return Optional.of(
        new NsgRule(
            name,
            priority,
            direction,
            access.equalsIgnoreCase("allow"),
            protocol,
            values(p, "sourceAddressPrefix"),
            srcPorts,
            values(p, "destinationAddressPrefix"),
            dstPorts,
            groups(p, "sourceApplicationSecurityGroups"),
            groups(p, "destinationApplicationSecurityGroups"),
            isDefault,
            rule.line()));
  }

  private int priority(Tree.Obj p, String name, boolean isDefault) {
    Optional<Tree> t = p.get("priority");
    if (t.isEmpty() || !(t.get() instanceof Tree.Scalar s) || !s.isNumber()) {
      error(p, "rule '" + name + "' has no numeric priority");
      return 0;
    }
    long v = ((Number) s.value()).longValue();
    if (!isDefault && (v < 100 || v > 4096)) {
      error(s, "rule '" + name + "': priority " + v + " is outside 100-4096");
    }
    return (int) Math.max(0, Math.min(v, 65535));
  }

  private NsgRule.Direction direction(Tree.Obj p, String name) {
    String d = text(p, "direction").orElse("");
    if (d.equalsIgnoreCase("inbound")) {
      return NsgRule.Direction.INBOUND;
    }
    if (!d.equalsIgnoreCase("outbound")) {
      error(p, "rule '" + name + "': direction '" + d + "' is neither Inbound nor Outbound");
    }
    return NsgRule.Direction.OUTBOUND;
  }

  /** A port field and its plural ({@code destinationPortRange}, {@code destinationPortRanges}). */
  private List<String> ports(Tree.Obj p, String key, String name) {
    List<String> out = values(p, key);
    for (String v : out) {
      if (!PORTS.matcher(v).matches() || !inRange(v)) {
        error(p, "rule '" + name + "': port range '" + v + "' is not one Azure accepts");
      }
    }
    return out.isEmpty() ? List.of("*") : out;
  }

  private static boolean inRange(String v) {
    if (v.equals("*")) {
      return true;
    }
    String[] ends = v.split("-");
    int from = Integer.parseInt(ends[0]);
    int to = Integer.parseInt(ends[ends.length - 1]);
    return from <= to && to <= 65535;
  }

  /** A field's value with its plural's: {@code sourceAddressPrefix}, {@code ...Prefixes}. */
  private static List<String> values(Tree.Obj p, String key) {
    List<String> out = new ArrayList<>();
    text(p, key).filter(s -> !s.isBlank()).ifPresent(out::add);
    String plural = key.endsWith("Prefix") ? key + "es" : key + "s";
    if (p.get(plural).orElse(null) instanceof Tree.Seq s) {
      for (Tree t : s.items()) {
        if (t instanceof Tree.Scalar v && !v.text().isBlank()) {
          out.add(v.text());
        }
      }
    }
    return out;
  }

  /** Application security groups by the last part of their ids. */
  private static List<String> groups(Tree.Obj p, String key) {
    List<String> out = new ArrayList<>();
    if (p.get(key).orElse(null) instanceof Tree.Seq s) {
      for (Tree t : s.items()) {
        String id =
            t instanceof Tree.Obj o
                ? text(o, "id").orElse("?")
                : t instanceof Tree.Scalar v ? v.text() : "?";
        out.add(id.substring(id.lastIndexOf('/') + 1));
      }
    }
    return out;
  }

  /** The resource group: its own field (az CLI), else the part of the id after resourceGroups/. */
  private static String resourceGroup(Tree.Obj o) {
    Optional<String> rg = text(o, "resourceGroup");
    if (rg.isPresent()) {
      return rg.get();
    }
    String id = text(o, "id").orElse("");
    java.util.regex.Matcher m =
        Pattern.compile("/resourceGroups/([^/]+)/", Pattern.CASE_INSENSITIVE).matcher(id);
    return m.find() ? m.group(1) : null;
  }

  private static boolean nonEmpty(Tree.Obj p, String key) {
    return p.get(key).orElse(null) instanceof Tree.Seq s && !s.items().isEmpty();
  }

  private static Optional<String> text(Tree.Obj o, String key) {
    return o.get(key).filter(t -> t instanceof Tree.Scalar).map(t -> ((Tree.Scalar) t).text());
  }

  private void error(Tree at, String message) {
    diagnostics.error(new SourceLocation(file, at.line()), message);
  }
}
