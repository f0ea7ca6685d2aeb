package dev.zpaaudit.ingest.nftables;

import dev.zpaaudit.diag.Diagnostics;
import dev.zpaaudit.io.Tree;
import dev.zpaaudit.model.Action;
import dev.zpaaudit.model.Condition;
import dev.zpaaudit.model.Rule;
import dev.zpaaudit.model.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Translates one nft rule into model rules: its matches become conditions, its statements an
 * action. A verdict map becomes one rule per verdict. Tests and statements that are not modelled
 * become unknown conditions or actions, each with a warning at the rule.
 */
final class NftRules {
  /** Statements that neither filter nor end the rule. */
  private static final Set<String> PASSIVE =
      Set.of(
          "counter",
          "log",
          "mangle",
          "set",
          "map",
          "ct helper",
          "ct timeout",
          "ct expectation",
          "secmark",
          "dup",
          "comment");

  /** Statements that may or may not let the rule go on: unknown conditions. */
  private static final Set<String> FILTERING = Set.of("limit", "quota", "meter", "ct count");

  private final String file;
  private final NftExport export;
  private final NftMatch matcher;
  private final Diagnostics diags;

  NftRules(String file, NftExport export, NftMatch matcher, Diagnostics diags) {
    this.file = file;
    this.export = export;
    this.matcher = matcher;
    this.diags = diags;
  }

  List<Rule> translate(NftExport.RuleObj r) {
    SourceLocation at = new SourceLocation(file, Math.max(1, r.line()));
    String text =
        NftText.rule(r.exprs(), r.comment()) + (r.handle() >= 0 ? " # handle " + r.handle() : "");
    List<Condition> conds = new ArrayList<>();
    List<Rule> out = new ArrayList<>();
    List<String> passive = new ArrayList<>();
    Action action = null;
    for (Tree e : r.exprs()) {
      if (!(e instanceof Tree.Obj o) || o.fields().size() != 1) {
        diags.error(
            at,
            "rule (handle " + r.handle() + "): expected a statement object, not " + NftText.raw(e));
        return List.of();
      }
      String k = o.fields().keySet().iterator().next();
      Tree body = o.fields().get(k);
      try {
        if (k.equals("match") && body instanceof Tree.Obj m) {
          List<Condition> matched = matcher.match(m, r.family(), r.table());
          warnPartlyModelled(matched, at);
          conds.addAll(matched);
        } else if (PASSIVE.contains(k)) {
          passive.add(NftText.statement(e));
        } else if (FILTERING.contains(k)) {
          throw new NftProblem("'" + NftText.statement(e) + "' is not modelled");
        } else if (k.equals("xt")
            && body instanceof Tree.Obj xt
            && xt.fields().get("type") instanceof Tree.Scalar ty
            && ty.text().equals("match")) {
          throw new NftProblem(
              "iptables compatibility match '" + NftText.statement(e) + "' is not modelled");
        } else if (k.equals("notrack")) {
          out.add(new Rule(at, text, conds, new Action.Untrack("notrack")));
        } else if (k.equals("vmap") && body instanceof Tree.Obj vm) {
          out.addAll(vmap(r, at, text, conds, vm));
          return out;
        } else {
          action = action(r, k, body, e, at);
          break;
        }
      } catch (NftProblem p) {
        if (p.fatal) {
          diags.error(at, p.getMessage());
          return List.of();
        }
        diags.warning(at, p.getMessage() + "; the rule is evaluated as may-match");
        conds.add(new Condition.Unknown(p.getMessage()));
      }
    }
    if (action == null) {
      if (!out.isEmpty()) {
        return out;
      }
      action = new Action.Continue(passive.isEmpty() ? "no verdict" : String.join(" ", passive));
    }
    out.add(new Rule(at, text, conds, action));
    return out;
  }

  /** One warning per unmodelled condition inside alternatives ({@code ct protocol}). */
  private void warnPartlyModelled(List<Condition> conds, SourceLocation at) {
    for (Condition c : conds) {
      if (c instanceof Condition.AnyOf any) {
        for (List<Condition> alt : any.alternatives()) {
          for (Condition a : alt) {
            if (a instanceof Condition.Unknown u) {
              diags.warning(at, u.what() + " is not modelled; the rule is evaluated as may-match");
            }
          }
          warnPartlyModelled(alt, at);
        }
      }
    }
  }

  private Action action(NftExport.RuleObj r, String k, Tree body, Tree e, SourceLocation at)
      throws NftProblem {
    switch (k) {
      case "accept":
        return new Action.Accept();
      case "drop":
        return new Action.Drop();
      case "return":
        return new Action.Return();
      case "continue":
        return new Action.Continue("continue");
      case "jump", "goto":
        {
          String target =
              body instanceof Tree.Obj b && b.fields().get("target") instanceof Tree.Scalar s
                  ? s.text()
                  : null;
          if (target == null) {
            throw new NftProblem(k + " without a target", true);
          }
          String full = NftExport.scope(r.family(), r.table()) + " " + target;
          NftExport.ChainDecl c = export.chains().get(full);
          if (c == null) {
            throw new NftProblem(
                k
                    + " to chain '"
                    + target
                    + "', which does not exist in table "
                    + NftExport.scope(r.family(), r.table()),
                true);
          }
          if (c.isBase()) {
            throw new NftProblem(k + " to base chain '" + target + "'", true);
          }
          return k.equals("jump") ? new Action.Jump(full) : new Action.Goto(full);
        }
      case "reject":
        {
          String s = NftText.statement(e);
          return new Action.Reject(
              s.startsWith("reject with ") ? s.substring("reject with ".length()) : "");
        }
      case "snat", "masquerade":
        return NftNat.sourceNat(k, body, NftText.statement(e));
      case "dnat", "redirect", "tproxy":
        return new Action.DestNat(NftText.statement(e));
      default:
        diags.warning(
            at,
            "statement '"
                + NftText.statement(e)
                + "' is not modelled; packets reaching"
                + " this rule get an indeterminate verdict");
        return new Action.Unknown("statement " + k);
    }
  }

  /** {@code key vmap { k1 : verdict1, ... }}: one rule per distinct verdict. */
  private List<Rule> vmap(
      NftExport.RuleObj r, SourceLocation at, String text, List<Condition> conds, Tree.Obj vm)
      throws NftProblem {
    Tree key = vm.fields().get("key");
    Tree data = vm.fields().get("data");
    int width =
        key instanceof Tree.Obj ko && ko.fields().get("concat") instanceof Tree.Seq c
            ? c.items().size()
            : 1;
    List<Tree> pairs = new ArrayList<>();
    if (data instanceof Tree.Scalar s && s.text().startsWith("@")) {
      NftExport.SetDecl d =
          export.sets().get(NftMatch.setKey(r.family(), r.table(), s.text().substring(1)));
      if (d != null && !"verdict".equals(d.mapType())) {
        throw new NftProblem("map " + s.text() + " does not map to verdicts", true);
      }
      matcher.elements(data, r.family(), r.table(), width); // checks existence and liveness
      pairs = d.elements() == null ? List.of() : d.elements();
    } else if (data instanceof Tree.Obj o && o.fields().get("set") instanceof Tree.Seq s) {
      pairs = s.items();
    } else {
      throw new NftProblem("verdict map " + NftText.expr(data, false) + " is not modelled");
    }
    Map<String, List<Tree>> keys = new LinkedHashMap<>();
    Map<String, Tree> verdicts = new LinkedHashMap<>();
    for (Tree p : pairs) {
      if (!(p instanceof Tree.Seq pair)
          || pair.items().size() != 2
          || !(pair.items().get(1) instanceof Tree.Obj vo)
          || !NftText.isVerdict(vo)) {
        throw new NftProblem(
            "verdict map element " + NftText.raw(p) + " is not a [key, verdict] pair");
      }
      String v = NftText.statement(pair.items().get(1));
      keys.computeIfAbsent(v, x -> new ArrayList<>()).add(pair.items().get(0));
      verdicts.put(v, pair.items().get(1));
    }
    List<Rule> out = new ArrayList<>();
    for (Map.Entry<String, List<Tree>> g : keys.entrySet()) {
      List<Condition> c = new ArrayList<>(conds);
      try {
        c.addAll(matcher.lookup(key, g.getValue(), r.family()));
      } catch (NftProblem p) {
        if (p.fatal) {
          throw p;
        }
        diags.warning(at, p.getMessage() + "; the rule is evaluated as may-match");
        c.add(new Condition.Unknown(p.getMessage()));
      }
      Tree.Obj verdict = (Tree.Obj) verdicts.get(g.getKey());
      String vk = verdict.fields().keySet().iterator().next();
      out.add(new Rule(at, text, c, action(r, vk, verdict.fields().get(vk), verdict, at)));
    }
    return out;
  }
}
