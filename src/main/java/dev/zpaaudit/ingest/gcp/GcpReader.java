package dev.zpaaudit.ingest.gcp;

import dev.zpaaudit.diag.Diagnostic;
import dev.zpaaudit.diag.Diagnostics;
import dev.zpaaudit.diag.InputException;
import dev.zpaaudit.ingest.ParseResult;
import dev.zpaaudit.io.InputFiles;
import dev.zpaaudit.io.SafeParsers;
import dev.zpaaudit.io.Tree;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads Google Cloud exports (a file, or a folder of them): {@code gcloud compute firewall-rules
 * list --format=json}, the effective firewalls of an instance or network ({@code firewalls} and
 * {@code firewallPolicys}), {@code gcloud compute instances list --format=json} and {@code gcloud
 * compute networks describe --format=json}. Values Google Cloud would refuse (a port out of 0-65535
 * or a range backwards, an unknown direction) are errors at their lines.
 */
public final class GcpReader {
  private static final Pattern LOOKS =
      Pattern.compile(
          "\"kind\"\\s*:\\s*\"compute#(firewall|instance|network)|\"firewallPolicys\"\\s*:|\"IPProtocol\"\\s*:");
  private static final Pattern PORTS = Pattern.compile("\\d{1,5}(-\\d{1,5})?");

  private final Diagnostics d = new Diagnostics();
  private final List<GcpRule> rules = new ArrayList<>();
  private final List<List<GcpRule>> policies = new ArrayList<>();
  private final Map<IpSet, GcpExport.Instance> instances = new LinkedHashMap<>();
  private Integer mtu;
  private int mtuLine;
  private String mtuFile;
  private String file;

  private GcpReader() {}

  public static boolean looksLike(String text) {
    return LOOKS.matcher(text.length() > 65536 ? text.substring(0, 65536) : text).find();
  }

  /** Whether a path is a folder of Google Cloud exports (every .json file in it). */
  public static boolean isFolder(Path dir) {
    List<Path> files = files(dir);
    if (files.isEmpty()) {
      return false;
    }
    for (Path f : files) {
      try {
        if (!looksLike(InputFiles.read(f))) {
          return false;
        }
      } catch (InputException e) {
        return false;
      }
    }
    return true;
  }

  public static ParseResult read(Path path) throws InputException {
    GcpReader r = reader(path);
    GcpExport export =
        new GcpExport(
            path.toString(), r.rules, r.policies, r.instances, r.mtu, r.mtuLine, r.mtuFile);
    return GcpConversions.convert(export, r.d.all());
  }

  /** The export of a file or folder, as read. */
  static GcpExport export(Path path) throws InputException {
    GcpReader r = reader(path);
    return new GcpExport(
        path.toString(), r.rules, r.policies, r.instances, r.mtu, r.mtuLine, r.mtuFile);
  }

  private static GcpReader reader(Path path) throws InputException {
    GcpReader r = new GcpReader();
    for (Path f : Files.isDirectory(path) ? files(path) : List.of(path)) {
      r.file = f.toString();
      r.document(SafeParsers.json(InputFiles.read(f), f.toString()));
    }
    if (r.d.hasErrors()) {
      List<Diagnostic> errors = new ArrayList<>(r.d.errors());
      errors.sort(Diagnostic.ORDER);
      throw new InputException(errors);
    }
    return r;
  }

  private void document(Tree root) {
    if (root instanceof Tree.Obj o
        && (o.get("firewalls").isPresent() || o.get("firewallPolicys").isPresent())) {
      o.get("firewalls").ifPresent(f -> items(f).forEach(this::item));
      o.get("firewallPolicys").ifPresent(p -> items(p).forEach(this::policy));
      return;
    }
    for (Tree t : root instanceof Tree.Seq ? items(root) : List.of(root)) {
      item(t);
    }
  }

  private void item(Tree t) {
    if (!(t instanceof Tree.Obj o)) {
      error(t, "expected a JSON object");
      return;
    }
    String kind =
        text(o, "kind")
            .orElse(
                o.get("allowed").isPresent() || o.get("denied").isPresent()
                    ? "compute#firewall"
                    : "");
    switch (kind) {
      case "compute#firewall" -> vpcRule(o).ifPresent(rules::add);
      case "compute#instance" -> instance(o);
      case "compute#network" -> network(o);
      default -> error(o, "not a firewall rule, an instance or a network (kind '" + kind + "')");
    }
  }

  private Optional<GcpRule> vpcRule(Tree.Obj o) {
    boolean deny = o.get("denied").isPresent();
    List<GcpRule.Layer4> l4 = new ArrayList<>();
    for (Tree e : items(o.get(deny ? "denied" : "allowed").orElse(null))) {
      if (e instanceof Tree.Obj x) {
        l4.add(new GcpRule.Layer4(text(x, "IPProtocol").orElse("all"), ports(x)));
      }
    }
    return rule(
        o,
        text(o, "name").orElse("(unnamed)"),
        null,
        deny ? "deny" : "allow",
        l4,
        strings(o, "sourceRanges"),
        strings(o, "destinationRanges"),
        strings(o, "targetTags"),
        strings(o, "targetServiceAccounts"),
        strings(o, "sourceTags"),
        text(o, "disabled").map("true"::equals).orElse(false));
  }

  private void policy(Tree t) {
    if (!(t instanceof Tree.Obj p)) {
      return;
    }
    String name =
        text(p, "shortName")
            .or(() -> text(p, "displayName"))
            .orElse(text(p, "name").orElse("policy"));
    List<GcpRule> out = new ArrayList<>();
    for (Tree r : items(p.get("rules").orElse(null))) {
      if (!(r instanceof Tree.Obj o)) {
        continue;
      }
      Tree.Obj match =
          o.get("match").orElse(null) instanceof Tree.Obj m ? m : new Tree.Obj(o.line(), Map.of());
      List<GcpRule.Layer4> l4 = new ArrayList<>();
      for (Tree e : items(match.get("layer4Configs").orElse(null))) {
        if (e instanceof Tree.Obj x) {
          l4.add(new GcpRule.Layer4(text(x, "ipProtocol").orElse("all"), ports(x)));
        }
      }
      String action = text(o, "action").orElse("");
      if (!List.of("allow", "deny", "goto_next").contains(action)) {
        error(o, "policy rule action '" + action + "' is not allow, deny or goto_next");
      }
      rule(
              o,
              name + " rule " + text(o, "priority").orElse("?"),
              name,
              action,
              l4,
              strings(match, "srcIpRanges"),
              strings(match, "destIpRanges"),
              strings(o, "targetTags"),
              strings(o, "targetServiceAccounts"),
              List.of(),
              text(o, "disabled").map("true"::equals).orElse(false))
          .ifPresent(out::add);
    }
    out.sort(java.util.Comparator.comparingInt(GcpRule::priority));
    policies.add(out);
  }

  private Optional<GcpRule> rule(
      Tree.Obj o,
      String name,
      String policy,
      String action,
      List<GcpRule.Layer4> l4,
      List<String> src,
      List<String> dst,
      List<String> tags,
      List<String> accounts,
      List<String> sourceTags,
      boolean disabled) {
    String direction = text(o, "direction").orElse("INGRESS");
    if (!direction.equals("INGRESS") && !direction.equals("EGRESS")) {
      error(
          o,
          "firewall rule '" + name + "': direction '" + direction + "' is not INGRESS or EGRESS");
      return Optional.empty();
    }
    long priority = text(o, "priority").map(Long::parseLong).orElse(1000L);
    return Optional.of(
        new GcpRule(
            name,
            text(o, "network").map(n -> n.substring(n.lastIndexOf('/') + 1)).orElse(null),
            policy,
            (int) Math.min(priority, Integer.MAX_VALUE),
            direction.equals("INGRESS"),
            action,
            l4,
            src,
            dst,
            tags,
            accounts,
            sourceTags,
            disabled,
            file,
            o.line()));
  }

  private List<String> ports(Tree.Obj x) {
    List<String> out = strings(x, "ports");
    for (String p : out) {
      String[] ends = p.split("-");
      if (!PORTS.matcher(p).matches()
          || Integer.parseInt(ends[0]) > Integer.parseInt(ends[ends.length - 1])
          || Integer.parseInt(ends[ends.length - 1]) > 65535) {
        error(x, "port '" + p + "' is not a port or a range of them");
      }
    }
    return out;
  }

  private void instance(Tree.Obj o) {
    String name = text(o, "name").orElse("(unnamed)");
    List<String> tags =
        o.get("tags").orElse(null) instanceof Tree.Obj t ? strings(t, "items") : List.of();
    List<String> accounts = new ArrayList<>();
    for (Tree sa : items(o.get("serviceAccounts").orElse(null))) {
      if (sa instanceof Tree.Obj s) {
        text(s, "email").ifPresent(accounts::add);
      }
    }
    for (Tree ni : items(o.get("networkInterfaces").orElse(null))) {
      if (ni instanceof Tree.Obj n) {
        text(n, "networkIP")
            .flatMap(IpSet::tryParse)
            .ifPresent(ip -> instances.put(ip, new GcpExport.Instance(name, tags, accounts)));
      }
    }
  }

  private void network(Tree.Obj o) {
    mtu = text(o, "mtu").map(Integer::parseInt).orElse(1460);
    mtuLine = o.get("mtu").map(Tree::line).orElse(o.line());
    mtuFile = file;
  }

  private static List<Tree> items(Tree t) {
    return t instanceof Tree.Seq s ? s.items() : List.of();
  }

  private static List<String> strings(Tree.Obj o, String key) {
    List<String> out = new ArrayList<>();
    for (Tree t : items(o.get(key).orElse(null))) {
      if (t instanceof Tree.Scalar s) {
        out.add(s.text());
      }
    }
    return out;
  }

  private static Optional<String> text(Tree.Obj o, String key) {
    return o.get(key).filter(t -> t instanceof Tree.Scalar).map(t -> ((Tree.Scalar) t).text());
  }

  private void error(Tree at, String message) {
    d.error(new SourceLocation(file, at.line()), message);
  }

  static List<Path> files(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }
}
