package dev.zpaaudit.ingest.bypass;

import dev.zpaaudit.diag.Diagnostic;
import dev.zpaaudit.diag.Diagnostics;
import dev.zpaaudit.diag.InputException;
import dev.zpaaudit.ingest.ParseResult;
import dev.zpaaudit.io.SafeParsers;
import dev.zpaaudit.io.Tree;
import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.Condition;
import dev.zpaaudit.model.DecryptionRule;
import dev.zpaaudit.model.Firewall;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.Network;
import dev.zpaaudit.model.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a TLS bypass list for a proxy zpa-audit does not read otherwise (docs/bypass-list.md, the
 * schema in docs/bypass-list.schema.json): the server names and destinations whose TLS it leaves
 * alone, and whether it decrypts the rest. Unknown keys and values that are not names or addresses
 * are errors at their lines.
 */
public final class BypassListReader {
  /** The key that marks the file, with the format's version. */
  public static final String MARK = "zpa-audit-bypass-list";

  private static final Pattern LOOKS = Pattern.compile("^" + MARK + "\\s*:", Pattern.MULTILINE);
  private static final Pattern NAME =
      Pattern.compile("(\\*\\.)?([a-z0-9]([a-z0-9-]*[a-z0-9])?\\.)*[a-z0-9]([a-z0-9-]*[a-z0-9])?");
  private static final Set<String> TOP = Set.of(MARK, "name", "inspects", "bypass");
  private static final Set<String> BYPASS = Set.of("server-names", "destinations");

  private final String file;
  private final Diagnostics d = new Diagnostics();

  private BypassListReader(String file) {
    this.file = file;
  }

  public static boolean looksLike(String text) {
    return LOOKS.matcher(text.length() > 4096 ? text.substring(0, 4096) : text).find();
  }

  public static ParseResult parse(String text, String file) throws InputException {
    BypassListReader r = new BypassListReader(file);
    List<DecryptionRule> rules = r.rules(SafeParsers.yaml(text, file));
    if (r.d.hasErrors()) {
      List<Diagnostic> errors = new ArrayList<>(r.d.errors());
      errors.sort(Diagnostic.ORDER);
      throw new InputException(errors);
    }
    Firewall fw =
        new Firewall(
            file, "TLS bypass list", Set.of(), Map.of(), List.of(), Network.NONE, rules, false);
    return new ParseResult(fw, r.d.all());
  }

  private List<DecryptionRule> rules(Tree root) {
    List<DecryptionRule> out = new ArrayList<>();
    if (!(root instanceof Tree.Obj top)) {
      error(root, "a bypass list is a mapping of " + String.join(", ", TOP));
      return out;
    }
    keys(top, TOP);
    if (!scalar(top, MARK).map("1"::equals).orElse(false)) {
      error(top, MARK + ": 1 is the only version there is");
    }
    String name = scalar(top, "name").orElse("the proxy");
    boolean inspects = scalar(top, "inspects").map(v -> !v.equals("false")).orElse(true);
    Optional<Tree> bypass = top.get("bypass");
    if (bypass.isPresent() && bypass.get() instanceof Tree.Obj b) {
      keys(b, BYPASS);
      List<String> names = list(b, "server-names");
      for (String n : names) {
        if (!NAME.matcher(n.toLowerCase(java.util.Locale.ROOT)).matches()) {
          error(b.get("server-names").get(), "'" + n + "' is not a server name or *.domain");
        }
      }
      if (!names.isEmpty()) {
        out.add(
            rule(
                b.get("server-names").get(),
                name + ": bypass by server name",
                List.of(),
                names,
                true));
      }
      List<IpSet> v4 = new ArrayList<>();
      List<IpSet> v6 = new ArrayList<>();
      for (String a : list(b, "destinations")) {
        Optional<IpSet> s = IpSet.tryParse(a);
        if (s.isEmpty()) {
          error(b.get("destinations").get(), "'" + a + "' is not an address, CIDR or range");
        } else {
          (s.get().family() == AddressFamily.IPV4 ? v4 : v6).add(s.get());
        }
      }
      List<List<Condition>> alts = new ArrayList<>();
      if (!v4.isEmpty()) {
        alts.add(List.of(new Condition.Dst(IpSet.unionAll(AddressFamily.IPV4, v4))));
      }
      if (!v6.isEmpty()) {
        alts.add(List.of(new Condition.Dst(IpSet.unionAll(AddressFamily.IPV6, v6))));
      }
      if (!alts.isEmpty()) {
        out.add(
            rule(
                b.get("destinations").get(),
                name + ": bypass by destination",
                List.of(new Condition.AnyOf(alts)),
                List.of(),
                true));
      }
    } else if (bypass.isPresent()) {
      error(bypass.get(), "bypass is a mapping of server-names and destinations");
    }
    out.add(
        rule(
            top,
            name + (inspects ? ": decrypts the rest (inspects: true)" : ": decrypts nothing else"),
            List.of(),
            List.of(),
            !inspects));
    return out;
  }

  private DecryptionRule rule(
      Tree at, String text, List<Condition> match, List<String> names, boolean bypass) {
    return new DecryptionRule(
        new SourceLocation(file, at.line()),
        text,
        match,
        names,
        List.of(),
        bypass ? DecryptionRule.Decision.BYPASS : DecryptionRule.Decision.INSPECT);
  }

  private void keys(Tree.Obj o, Set<String> allowed) {
    for (Map.Entry<String, Tree> e : o.fields().entrySet()) {
      if (!allowed.contains(e.getKey())) {
        error(
            e.getValue(),
            "unknown key '"
                + e.getKey()
                + "' (expected one of "
                + String.join(", ", allowed.stream().sorted().toList())
                + ")");
      }
    }
  }

  private Optional<String> scalar(Tree.Obj o, String key) {
    Optional<Tree> t = o.get(key);
    if (t.isPresent() && !(t.get() instanceof Tree.Scalar)) {
      error(t.get(), key + " is a single value");
      return Optional.empty();
    }
    return t.map(x -> ((Tree.Scalar) x).text());
  }

  private List<String> list(Tree.Obj o, String key) {
    List<String> out = new ArrayList<>();
    Optional<Tree> t = o.get(key);
    if (t.isEmpty()) {
      return out;
    }
    if (!(t.get() instanceof Tree.Seq s)) {
      error(t.get(), key + " is a list");
      return out;
    }
    for (Tree item : s.items()) {
      if (item instanceof Tree.Scalar v) {
        out.add(v.text());
      } else {
        error(item, key + " holds single values");
      }
    }
    return out;
  }

  private void error(Tree at, String message) {
    d.error(new SourceLocation(file, at.line()), message);
  }
}
