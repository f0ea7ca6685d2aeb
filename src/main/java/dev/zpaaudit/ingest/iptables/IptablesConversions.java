package dev.zpaaudit.ingest.iptables;

import dev.zpaaudit.diag.Diagnostics;
import dev.zpaaudit.ingest.ParseResult;
import dev.zpaaudit.ingest.netfilter.NetfilterAttachments;
import dev.zpaaudit.model.Action;
import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.Attachment;
import dev.zpaaudit.model.Filter;
import dev.zpaaudit.model.Firewall;
import dev.zpaaudit.model.Point;
import dev.zpaaudit.model.Rule;
import dev.zpaaudit.model.SourceLocation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns an iptables-save export into the neutral model. Chains are named "table/CHAIN"; each
 * table's built-in chains become stages at the kernel's priorities (raw -300, mangle -150, nat
 * -100/100, filter 0, security 50); a built-in chain's policy becomes a synthetic last rule at the
 * line that declared it.
 */
final class IptablesConversions {
  private final String file;
  private final int family;
  private final Ipsets ipsets;
  private final Diagnostics diags;

  IptablesConversions(String file, int family, Ipsets ipsets, Diagnostics diags) {
    this.file = file;
    this.family = family;
    this.ipsets = ipsets;
    this.diags = diags;
  }

  ParseResult convert(IptablesSave save) {
    Map<String, Filter> chains = new LinkedHashMap<>();
    List<Attachment> stages = new ArrayList<>();
    Set<String> seenTables = new HashSet<>();
    ValuePool shared = new ValuePool();
    for (IptablesSave.Table t : save.tables()) {
      if (!seenTables.add(t.name())) {
        diags.error(new SourceLocation(file, t.line()), "table '" + t.name() + "' appears twice");
        continue;
      }
      RuleConverter rc = new RuleConverter(file, family, t, ipsets, diags, shared);
      Map<String, List<Rule>> rules = new LinkedHashMap<>();
      t.chains().keySet().forEach(c -> rules.put(c, new ArrayList<>()));
      for (IptablesSave.RuleLine line : t.rules()) {
        Rule r = rc.convert(line);
        if (r != null) {
          rules.get(line.chain()).add(r);
        }
      }
      for (IptablesSave.ChainDecl decl : t.chains().values()) {
        String name = t.name() + "/" + decl.name();
        Rule policy = null;
        Point builtIn = hookOf(decl.name());
        boolean noPolicy = decl.policy().equals("-");
        if (noPolicy && builtIn != null && stage(t.name(), builtIn, name) != null) {
          // iptables-restore takes ":INPUT -" as the built-in chain with its policy left alone:
          // ACCEPT with iptables-nft, whatever was loaded before with iptables-legacy.
          diags.warning(
              new SourceLocation(file, decl.line()),
              "built-in chain '"
                  + decl.name()
                  + "' is declared without a policy ('-'); the verdict for packets reaching its end is"
                  + " indeterminate");
        }
        if (!noPolicy || (builtIn != null && stage(t.name(), builtIn, name) != null)) {
          Action a =
              noPolicy
                  ? new Action.Unknown("policy of " + name + " not given")
                  : decl.policy().equals("ACCEPT") ? new Action.Accept() : new Action.Drop();
          policy =
              new Rule(
                  new SourceLocation(file, decl.line()),
                  decl.text().replaceAll("\\s*\\[\\d+:\\d+\\]\\s*$", "")
                      + " (policy of "
                      + name
                      + ")",
                  List.of(),
                  a);
          Point hook = hookOf(decl.name());
          if (hook == null) {
            diags.error(
                new SourceLocation(file, decl.line()),
                "chain '" + decl.name() + "' has a policy but is not a built-in chain");
            continue;
          }
          Attachment st = stage(t.name(), hook, name);
          if (st == null) {
            diags.error(
                new SourceLocation(file, decl.line()),
                "table '" + t.name() + "' has no built-in chain '" + decl.name() + "'");
            continue;
          }
          stages.add(st);
        }
        chains.put(name, new Filter(name, rules.get(decl.name()), policy));
      }
    }
    Firewall fw =
        new Firewall(
            file,
            family == 4 ? "iptables-save" : "ip6tables-save",
            Set.of(AddressFamily.of(family)),
            chains,
            stages);
    return new ParseResult(fw, diags.all());
  }

  static Point hookOf(String chain) {
    return chain.equals(chain.toUpperCase(java.util.Locale.ROOT))
        ? NetfilterAttachments.point(chain)
        : null;
  }

  private Attachment stage(String table, Point hook, String chain) {
    return NetfilterAttachments.table(table, hook, chain, Set.of(family));
  }
}
