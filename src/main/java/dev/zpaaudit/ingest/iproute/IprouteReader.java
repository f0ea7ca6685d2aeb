package dev.zpaaudit.ingest.iproute;

import dev.zpaaudit.diag.Diagnostic;
import dev.zpaaudit.diag.InputException;
import dev.zpaaudit.ingest.ParseResult;
import dev.zpaaudit.io.InputFiles;
import dev.zpaaudit.io.SafeParsers;
import dev.zpaaudit.io.Tree;
import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.Firewall;
import dev.zpaaudit.model.Interface;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.Network;
import dev.zpaaudit.model.PolicyRoute;
import dev.zpaaudit.model.Route;
import dev.zpaaudit.model.SourceLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A Linux host's network state, as the iproute2 tools print it in JSON, from a folder: {@code
 * link.json} ({@code ip -j -d link show}), {@code route.json} ({@code ip -j route show table all})
 * and, optionally, {@code rule.json} ({@code ip -j rule show}) and {@code route6.json} ({@code ip
 * -j -6 route show table all}). It filters nothing: it says where the host sends traffic. Only the
 * main table is followed; a policy rule other than the defaults is a policy route, which the path
 * checks do not follow.
 */
public final class IprouteReader {
  public static final String FORMAT = "ip -j (Linux host state)";

  /** Kinds of link that carry packets inside others (linkinfo.info_kind). */
  static final Set<String> TUNNELS =
      Set.of(
          "gre",
          "gretap",
          "ip6gre",
          "ip6gretap",
          "ipip",
          "ip6tnl",
          "sit",
          "vti",
          "vti6",
          "vxlan",
          "geneve",
          "wireguard",
          "xfrm",
          "erspan",
          "ip6erspan",
          "l2tp",
          "ppp");

  private IprouteReader() {}

  /** Whether a folder holds a capture (its link.json). */
  public static boolean isCapture(Path dir) {
    return Files.isDirectory(dir) && Files.isRegularFile(dir.resolve("link.json"));
  }

  public static ParseResult read(Path dir) throws InputException {
    List<Diagnostic> diags = new ArrayList<>();
    List<Interface> ifs = links(dir.resolve("link.json"));
    List<Route> routes = new ArrayList<>(routes(dir.resolve("route.json"), AddressFamily.IPV4));
    Path r6 = dir.resolve("route6.json");
    if (Files.isRegularFile(r6)) {
      routes.addAll(routes(r6, AddressFamily.IPV6));
    }
    List<PolicyRoute> rules = new ArrayList<>();
    Path rule = dir.resolve("rule.json");
    if (Files.isRegularFile(rule)) {
      rules.addAll(rules(rule));
    } else {
      diags.add(
          new Diagnostic(
              Diagnostic.Severity.WARNING,
              new SourceLocation(dir.toString(), 0),
              "no rule.json (ip -j rule show): policy routing is taken to be the default"));
    }
    Firewall fw =
        new Firewall(
            dir.toString(),
            FORMAT,
            Set.of(), // it filters no traffic: with a ruleset, --config rules,capture is one host
            Map.of(),
            List.of(),
            new Network(ifs, routes, rules),
            List.of(),
            false);
    return new ParseResult(fw, diags);
  }

  private static Tree.Seq array(Path file) throws InputException {
    Tree t = SafeParsers.json(InputFiles.read(file), file.toString());
    if (!(t instanceof Tree.Seq s)) {
      throw error(file, t.line(), "expected the JSON array the ip tool prints with -j");
    }
    return s;
  }

  private static List<Interface> links(Path file) throws InputException {
    List<Interface> out = new ArrayList<>();
    for (Tree t : array(file).items()) {
      Tree.Obj o = obj(file, t);
      String name =
          text(o, "ifname").orElseThrow(() -> error(file, t.line(), "a link without ifname"));
      Integer mtu =
          o.get("mtu").map(x -> (int) Double.parseDouble(((Tree.Scalar) x).text())).orElse(null);
      String kind =
          o.get("linkinfo")
              .filter(x -> x instanceof Tree.Obj)
              .flatMap(x -> text((Tree.Obj) x, "info_kind"))
              .orElse(null);
      Interface.Kind k =
          name.equals("lo")
              ? Interface.Kind.LOOPBACK
              : kind != null && TUNNELS.contains(kind)
                  ? Interface.Kind.TUNNEL
                  : "vlan".equals(kind)
                      ? Interface.Kind.SUBINTERFACE
                      : "bond".equals(kind) ? Interface.Kind.AGGREGATE : Interface.Kind.PHYSICAL;
      out.add(
          new Interface(
              name,
              null,
              List.of(),
              mtu,
              k,
              new SourceLocation(file.toString(), t.line()),
              k == Interface.Kind.TUNNEL ? kind : null));
    }
    return out;
  }

  private static List<Route> routes(Path file, AddressFamily fam) throws InputException {
    List<Route> out = new ArrayList<>();
    for (Tree t : array(file).items()) {
      Tree.Obj o = obj(file, t);
      if (text(o, "table").isPresent()) {
        continue; // main-table routes carry no table key
      }
      String type = text(o, "type").orElse("unicast");
      String dst = text(o, "dst").orElse("default");
      IpSet set =
          dst.equals("default")
              ? IpSet.all(fam)
              : IpSet.tryParse(dst)
                  .orElseThrow(() -> error(file, t.line(), "not a prefix: " + dst));
      int len =
          dst.equals("default")
              ? 0
              : dst.contains("/")
                  ? Integer.parseInt(dst.substring(dst.indexOf('/') + 1))
                  : fam.bits();
      boolean discard = Set.of("blackhole", "unreachable", "prohibit").contains(type);
      IpSet hop = text(o, "gateway").flatMap(IpSet::tryParse).orElse(null);
      int metric =
          o.get("metric").map(x -> (int) Double.parseDouble(((Tree.Scalar) x).text())).orElse(0);
      out.add(
          new Route(
              set,
              len,
              discard ? null : text(o, "dev").orElse(null),
              hop,
              metric,
              discard,
              "route " + dst + text(o, "dev").map(d -> " dev " + d).orElse(""),
              new SourceLocation(file.toString(), t.line())));
    }
    return out;
  }

  private static List<PolicyRoute> rules(Path file) throws InputException {
    List<PolicyRoute> out = new ArrayList<>();
    for (Tree t : array(file).items()) {
      Tree.Obj o = obj(file, t);
      String table = text(o, "table").orElse("?");
      boolean all = text(o, "src").orElse("all").equals("all") && o.fields().size() <= 3;
      if (all && Set.of("local", "main", "default").contains(table)) {
        continue;
      }
      out.add(
          new PolicyRoute(
              new SourceLocation(file.toString(), t.line()),
              "ip rule " + text(o, "priority").orElse("?") + " (lookup " + table + ")",
              List.of(),
              PolicyRoute.Kind.FORWARD,
              "table " + table,
              null));
    }
    return out;
  }

  private static Tree.Obj obj(Path file, Tree t) throws InputException {
    if (t instanceof Tree.Obj o) {
      return o;
    }
    throw error(file, t.line(), "expected an object in the array");
  }

  private static Optional<String> text(Tree.Obj o, String key) {
    return o.get(key).filter(x -> x instanceof Tree.Scalar).map(x -> ((Tree.Scalar) x).text());
  }

  private static InputException error(Path file, int line, String message) {
    return new InputException(
        new Diagnostic(
            Diagnostic.Severity.ERROR, new SourceLocation(file.toString(), line), message));
  }
}
