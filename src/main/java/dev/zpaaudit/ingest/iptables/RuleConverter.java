package dev.zpaaudit.ingest.iptables;

import dev.zpaaudit.diag.Diagnostics;
import dev.zpaaudit.ingest.Protocols;
import dev.zpaaudit.model.Action;
import dev.zpaaudit.model.Condition;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.Rule;
import dev.zpaaudit.model.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/** Converts one "-A CHAIN ..." line into a neutral rule. */
final class RuleConverter {
  /** The options of a rule itself rather than of a match or target extension. */
  static final Set<String> CORE_OPTIONS =
      Set.of(
          "-s",
          "--source",
          "--src",
          "-d",
          "--destination",
          "--dst",
          "-p",
          "--protocol",
          "-i",
          "--in-interface",
          "-o",
          "--out-interface",
          "-f",
          "--fragment",
          "-m",
          "--match",
          "-j",
          "--jump",
          "-g",
          "--goto",
          "-c",
          "--set-counters",
          "-4",
          "--ipv4",
          "-6",
          "--ipv6");

  private static final java.util.regex.Pattern DOTTED =
      java.util.regex.Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  /** The rule options that '!' may negate. */
  private static final Set<String> NEGATABLE =
      Set.of(
          "-s",
          "--source",
          "--src",
          "-d",
          "--destination",
          "--dst",
          "-p",
          "--protocol",
          "-i",
          "--in-interface",
          "-o",
          "--out-interface",
          "-f",
          "--fragment");

  private final String file;
  private final int family;
  private final IptablesSave.Table table;
  private final Diagnostics diags;
  private final MatchModules modules;
  private final ValuePool shared;

  RuleConverter(
      String file,
      int family,
      IptablesSave.Table table,
      Ipsets ipsets,
      Diagnostics diags,
      ValuePool shared) {
    this.file = file;
    this.family = family;
    this.table = table;
    this.diags = diags;
    this.modules = new MatchModules(family, ipsets);
    this.shared = shared;
  }

  /** A problem with one option; error or not modelled. */
  static final class Problem extends Exception {
    Problem(String message) {
      super(message);
    }
  }

  Rule convert(IptablesSave.RuleLine line) {
    SourceLocation at = new SourceLocation(file, line.line());
    List<Condition> conds = new ArrayList<>();
    String body = line.text();
    List<Tokenizer.Word> all = Tokenizer.split(body);
    List<Tokenizer.Word> w = all.subList(Math.min(2, all.size()), all.size());
    String module = null;
    String protocol = null;
    String target = null;
    boolean isGoto = false;
    List<String> targetOpts = new ArrayList<>();
    boolean inTargetOptions = false;
    MatchModules.Instance inst = null;
    MatchModules.Instance implicit = null;
    boolean neg = false;
    try {
      for (int i = 0; i < w.size(); ) {
        Tokenizer.Word word = w.get(i);
        if (word.isBang()) {
          neg = !neg;
          i++;
          continue;
        }
        if (!word.isOption()) {
          throw new Problem("unexpected '" + word.text() + "'");
        }
        String opt = word.text();
        int j = i + 1;
        if (j < w.size() && w.get(j).isBang() && j + 1 < w.size() && !w.get(j + 1).isOption()) {
          neg = !neg; // old syntax: --dport ! 22
          j++;
        }
        List<String> args = new ArrayList<>();
        while (j < w.size() && !w.get(j).isOption() && !w.get(j).isBang()) {
          args.add(w.get(j).text());
          j++;
        }
        i = j;
        // Options after the target are the target's until the next rule option: iptables reads
        // "-j ACCEPT -s 10.0.0.0/8" as a match on the source.
        inTargetOptions &= !CORE_OPTIONS.contains(opt);
        if (inTargetOptions) {
          if (neg) {
            throw new Problem("'!' before target option " + opt);
          }
          targetOpts.add(opt);
          targetOpts.addAll(args);
          continue;
        }
        boolean byMatch = false;
        switch (opt) {
          case "-s", "--source", "--src" -> conds.add(new Condition.Src(addresses(args, neg, opt)));
          case "-d", "--destination", "--dst" ->
              conds.add(new Condition.Dst(addresses(args, neg, opt)));
          case "-p", "--protocol" -> {
            protocol = one(args, opt).toLowerCase(java.util.Locale.ROOT);
            conds.addAll(protocol(protocol, neg));
          }
          case "-i", "--in-interface" ->
              conds.add(new Condition.InIface(List.of(one(args, opt)), neg));
          case "-o", "--out-interface" ->
              conds.add(new Condition.OutIface(List.of(one(args, opt)), neg));
          case "-f", "--fragment" -> {
            // Whole packets are evaluated: -f (a later fragment) never matches them.
            if (!neg) {
              conds.add(new Condition.AnyOf(List.of()));
            }
          }
          case "-m", "--match" -> {
            module = one(args, opt);
            if (inst != null) {
              conds.addAll(finish(inst, at));
            }
            inst = modules.start(module);
          }
          case "-j", "--jump", "-g", "--goto" -> {
            if (target != null) {
              throw new Problem("a rule has one target, but " + opt + " gives a second");
            }
            target = one(args, opt);
            inTargetOptions = true;
            isGoto = opt.equals("-g") || opt.equals("--goto");
          }
          case "-c", "--set-counters", "-4", "--ipv4", "-6", "--ipv6" -> {}
          default -> {
            // As iptables does, an option that the current match does not know goes to the
            // protocol's match (-p tcp loads tcp for --dport even after "-m state --state NEW").
            String pm = MatchModules.protocolModule(protocol);
            if ((inst == null || !MatchModules.owns(inst.name(), opt))
                && pm != null
                && MatchModules.owns(pm, opt)) {
              if (implicit == null) {
                implicit = modules.start(pm);
              }
              implicit.option(opt, args, neg);
            } else if (inst != null) {
              inst.option(opt, args, neg);
            } else {
              throw new Problem("option " + opt + " is not part of any match (missing -m or -p?)");
            }
            byMatch = true;
          }
        }
        if (neg && !byMatch && !NEGATABLE.contains(opt)) {
          throw new Problem("'!' cannot negate " + opt);
        }
        neg = false;
      }
      if (neg) {
        throw new Problem("'!' at the end of the rule");
      }
      if (inst != null) {
        conds.addAll(finish(inst, at));
      }
      if (implicit != null) {
        conds.addAll(finish(implicit, at));
      }
      Action action =
          target == null
              ? new Action.Continue("no target")
              : Targets.action(table, target, isGoto, targetOpts, line, at, diags);
      return new Rule(
          at,
          ruleText(line.chain(), body, w.isEmpty()),
          shared.conditions(conds),
          shared.action(action));
    } catch (Problem p) {
      diags.error(at, p.getMessage());
      return null;
    }
  }

  /** The rule as "-A CHAIN OPTIONS": the line itself when it reads so already (most do). */
  private static String ruleText(String chain, String body, boolean bare) {
    int end = 3 + chain.length();
    if (body.startsWith("-A ")
        && body.startsWith(chain, 3)
        && (bare
            ? body.length() == end
            : body.length() > end + 1
                && body.charAt(end) == ' '
                && !Character.isWhitespace(body.charAt(end + 1))
                && !Character.isWhitespace(body.charAt(body.length() - 1)))) {
      return body;
    }
    int k = body.indexOf(chain);
    String rest = k >= 0 ? body.substring(k + chain.length()).strip() : body;
    return "-A " + chain + (bare ? "" : " ") + rest;
  }

  private List<Condition> finish(MatchModules.Instance inst, SourceLocation at) throws Problem {
    List<Condition> out = inst.conditions();
    warnUnknown(out, at);
    return out;
  }

  /** One warning per unmodelled condition, also inside alternatives (conntrack --ctproto). */
  private void warnUnknown(List<Condition> conds, SourceLocation at) {
    for (Condition c : conds) {
      if (c instanceof Condition.Unknown u) {
        diags.warning(at, u.what() + " is not modelled; the rule is evaluated as may-match");
      } else if (c instanceof Condition.AnyOf any) {
        any.alternatives().forEach(alt -> warnUnknown(alt, at));
      }
    }
  }

  static String one(List<String> args, String opt) throws Problem {
    if (args.size() != 1) {
      throw new Problem(opt + " takes one value, got " + args.size());
    }
    return args.get(0);
  }

  private IpSet addresses(List<String> args, boolean neg, String opt) throws Problem {
    String v = one(args, opt);
    String[] parts = v.split(",");
    if (neg && parts.length > 1) {
      throw new Problem("'!' cannot negate a list of addresses in " + opt);
    }
    IpSet set = IpSet.empty(family);
    for (String part : parts) {
      String p = dottedMask(part, opt);
      IpSet s =
          IpSet.tryParse(p)
              .orElseThrow(
                  () ->
                      new Problem(
                          opt + ": '" + p + "' is not an IPv" + family + " address or network"));
      if (s.family().version() != family) {
        throw new Problem(opt + ": '" + p + "' is not an IPv" + family + " address");
      }
      set = set.union(s);
    }
    return neg ? set.complement() : set;
  }

  /** "10.0.0.0/255.255.255.0" as iptables accepts it, in CIDR form ("10.0.0.0/24"). */
  static String dottedMask(String p, String opt) throws Problem {
    int slash = p.indexOf('/');
    if (slash < 0
        || p.indexOf('.', slash) < 0
        || !DOTTED.matcher(p).region(slash + 1, p.length()).matches()) {
      return p;
    }
    long mask = 0;
    for (String o : p.substring(slash + 1).split("\\.")) {
      int v = Integer.parseInt(o);
      if (v > 255) {
        throw new Problem(opt + ": '" + p + "' has a bad netmask");
      }
      mask = (mask << 8) | v;
    }
    int len = Long.numberOfLeadingZeros(~mask & 0xFFFFFFFFL) - 32;
    if (mask != ((0xFFFFFFFFL << (32 - len)) & 0xFFFFFFFFL)) {
      throw new Problem(opt + ": '" + p + "' has a non-contiguous netmask, which is not supported");
    }
    return p.substring(0, slash) + "/" + len;
  }

  private static List<Condition> protocol(String p, boolean neg) throws Problem {
    if (p.equals("all") || p.equals("0")) {
      return neg ? List.of(new Condition.AnyOf(List.of())) : List.of();
    }
    OptionalInt n = Protocols.protocol(p);
    if (n.isEmpty()) {
      throw new Problem("unknown protocol '" + p + "'");
    }
    return List.of(
        neg
            ? new Condition.Proto(ValuePool.protocols(n.getAsInt()).complement())
            : ValuePool.proto(n.getAsInt()));
  }
}
