package dev.zpaaudit.ingest.nftables;

import dev.zpaaudit.diag.Diagnostics;
import dev.zpaaudit.ingest.netfilter.AddressFamilies;
import dev.zpaaudit.ingest.netfilter.NetfilterAttachments;
import dev.zpaaudit.io.Tree;
import dev.zpaaudit.model.Action;
import dev.zpaaudit.model.Attachment;
import dev.zpaaudit.model.Condition;
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
import java.util.TreeSet;

/**
 * Builds the neutral model from a read export. Chains are named "family table chain"; every base
 * chain of an ip, ip6 or inet table on a routing hook becomes a stage at its priority; netdev
 * ingress and egress chains become stages before and after all others. Bridge and arp tables do not
 * filter routed IP packets and are not evaluated.
 */
final class NftConversions {
  static final String FORMAT = "nftables-json";
  private static final Map<String, Integer> PRIORITIES =
      Map.of(
          "raw", -300, "mangle", -150, "dstnat", -100, "filter", 0, "security", 50, "srcnat", 100);

  /** netdev hooks run before (ingress) or after (egress) every routing hook. */
  private static final int OUTSIDE = 1_000_000;

  private final String file;
  private final Diagnostics diags;

  NftConversions(String file, Diagnostics diags) {
    this.file = file;
    this.diags = diags;
  }

  Firewall convert(NftExport export) {
    Set<String> dynamic = dynamicSets(export);
    NftRules rules = new NftRules(file, export, new NftMatch(export.sets(), dynamic), diags);
    Map<String, List<Rule>> byChain = new LinkedHashMap<>();
    export.chains().keySet().forEach(c -> byChain.put(c, new ArrayList<>()));
    Set<String> skipped = new HashSet<>();
    for (NftExport.Table t : export.tables()) {
      if (t.family().equals("bridge")) {
        diags.warning(
            at(t.line()),
            "table bridge "
                + t.name()
                + " filters bridged frames, not routed"
                + " packets; it is not evaluated");
        skipped.add(t.scope());
      } else if (t.family().equals("arp")) {
        diags.note(
            at(t.line()),
            "table arp " + t.name() + " filters ARP, not IP packets; it is not evaluated");
        skipped.add(t.scope());
      }
    }
    for (NftExport.RuleObj r : export.rules()) {
      if (!skipped.contains(NftExport.scope(r.family(), r.table()))
          && byChain.containsKey(r.chainFullName())) {
        byChain.get(r.chainFullName()).addAll(rules.translate(r));
      }
    }
    Map<String, Filter> chains = new LinkedHashMap<>();
    List<Attachment> stages = new ArrayList<>();
    Set<Integer> families = new TreeSet<>();
    for (NftExport.Table t : export.tables()) {
      switch (t.family()) {
        case "ip" -> families.add(4);
        case "ip6" -> families.add(6);
        case "inet" -> families.addAll(List.of(4, 6));
        default -> {}
      }
    }
    for (NftExport.ChainDecl c : export.chains().values()) {
      if (skipped.contains(NftExport.scope(c.family(), c.table()))) {
        continue;
      }
      List<Rule> body = new ArrayList<>(byChain.get(c.fullName()));
      Rule policy = null;
      if (c.isBase()) {
        Attachment st = stage(c, body);
        if (st == null) {
          continue;
        }
        stages.add(st);
        String p = c.policy() == null ? "accept" : c.policy();
        if (!p.equals("accept") && !p.equals("drop")) {
          diags.error(
              at(c.line()),
              "chain " + c.fullName() + " has policy '" + p + "' (expected accept or drop)");
          continue;
        }
        policy =
            new Rule(
                at(c.line()),
                "type "
                    + c.type()
                    + " hook "
                    + c.hook()
                    + " priority "
                    + NftText.expr(c.prio(), false)
                    + "; policy "
                    + p
                    + "; (policy of "
                    + c.fullName()
                    + ")",
                List.of(),
                p.equals("accept") ? new Action.Accept() : new Action.Drop());
      }
      chains.put(c.fullName(), new Filter(c.fullName(), body, policy));
    }
    return new Firewall(file, FORMAT, AddressFamilies.of(families), chains, stages);
  }

  private SourceLocation at(int line) {
    return new SourceLocation(file, Math.max(1, line));
  }

  /** Sets that rules add to or update: their content changes while packets pass. */
  private static Set<String> dynamicSets(NftExport export) {
    Set<String> out = new HashSet<>();
    for (NftExport.RuleObj r : export.rules()) {
      for (Tree e : r.exprs()) {
        if (e instanceof Tree.Obj o
            && o.fields().get("set") instanceof Tree.Obj s
            && s.fields().get("set") instanceof Tree.Scalar ref
            && ref.text().startsWith("@")) {
          out.add(NftMatch.setKey(r.family(), r.table(), ref.text().substring(1)));
        }
      }
    }
    return out;
  }

  /**
   * The stage of a base chain; may prepend a rule to {@code body}; null (with a diagnostic) if
   * none.
   */
  private Attachment stage(NftExport.ChainDecl c, List<Rule> body) {
    SourceLocation at = at(c.line());
    Integer prio = priority(c.prio());
    if (prio == null) {
      diags.error(
          at,
          "chain "
              + c.fullName()
              + " has priority "
              + NftText.expr(c.prio(), false)
              + ", which is not a number or a standard priority name");
      return null;
    }
    Point hook = NetfilterAttachments.point(c.hook());
    Set<Integer> fams =
        switch (c.family()) {
          case "ip" -> Set.of(4);
          case "ip6" -> Set.of(6);
          default -> Set.of(4, 6);
        };
    boolean netdevHook = c.hook().equals("ingress") || c.hook().equals("egress");
    if (netdevHook) {
      boolean ingress = c.hook().equals("ingress");
      hook = ingress ? Point.ARRIVING : Point.LEAVING;
      prio = ingress ? -OUTSIDE + prio : OUTSIDE + prio;
      Condition other =
          c.devices().isEmpty()
              ? new Condition.Unknown(
                  "the device chain "
                      + c.fullName()
                      + " is bound to (the JSON export does not name it)")
              : ingress
                  ? new Condition.InIface(c.devices(), true)
                  : new Condition.OutIface(c.devices(), true);
      if (c.devices().isEmpty()) {
        diags.warning(
            at,
            "chain "
                + c.fullName()
                + " filters the "
                + c.hook()
                + " of a device the"
                + " export does not name; its rules are evaluated as may-apply");
      }
      body.add(
          0,
          new Rule(
              at,
              "packets of other devices skip " + c.fullName(),
              List.of(other),
              new Action.Accept()));
    }
    if (hook == null
        || !(c.family().equals("ip")
            || c.family().equals("ip6")
            || c.family().equals("inet")
            || c.family().equals("netdev") && netdevHook)) {
      diags.warning(
          at,
          "chain "
              + c.fullName()
              + " on hook "
              + c.hook()
              + " is not modelled; it is not evaluated");
      return null;
    }
    return NetfilterAttachments.baseChain(hook, c.type(), prio, c.fullName(), fams, c.fullName());
  }

  static Integer priority(Tree t) {
    if (t instanceof Tree.Scalar s && s.isNumber()) {
      return ((Number) s.value()).intValue();
    }
    if (!(t instanceof Tree.Scalar s) || !s.isString()) {
      return null;
    }
    String[] w = s.text().trim().split("\\s+");
    if (w.length == 0 || !PRIORITIES.containsKey(w[0])) {
      return null;
    }
    int base = PRIORITIES.get(w[0]);
    if (w.length == 1) {
      return base;
    }
    if (w.length == 3 && (w[1].equals("+") || w[1].equals("-")) && w[2].matches("\\d{1,6}")) {
      int n = Integer.parseInt(w[2]);
      return w[1].equals("+") ? base + n : base - n;
    }
    return null;
  }
}
