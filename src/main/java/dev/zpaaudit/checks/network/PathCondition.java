package dev.zpaaudit.checks.network;

import dev.zpaaudit.eval.Verdict;
import dev.zpaaudit.model.Bits;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.Rule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntFunction;

/**
 * Addresses that each device lets through only on some of its interfaces (classes of input and
 * output interfaces), and that condition in words: "allowed only when leaving by eth0
 * (host.rules:7)", with the options that would name the interfaces.
 */
record PathCondition(IpSet addresses, List<EveryPath.Paths> paths) {
  /** How many alternatives, and rules, one condition spells out before counting the rest. */
  static final int SPELLED = 3;

  /** The condition in words, with the rules that make it. */
  record Text(String condition, Rule rule, List<String> rules, List<String> options) {
    /** The condition with the options to give: the reason of an interface-conditional verdict. */
    String reason() {
      return condition
          + (options.isEmpty()
              ? ""
              : "; name the interface"
                  + (options.size() > 1 ? "s" : "")
                  + " with "
                  + String.join(" ", options));
    }
  }

  Text describe(
      IntFunction<AskedInterfaces> askedAt, List<String> deviceNames, List<Decision> parts) {
    List<String> clauses = new ArrayList<>();
    Set<String> rules = new TreeSet<>();
    Rule first = null;
    Map<String, Set<String>> names = new LinkedHashMap<>();
    boolean several = paths.stream().filter(p -> !p.unconditional()).count() > 1;
    for (EveryPath.Paths p : paths) {
      if (p.unconditional()) {
        continue;
      }
      AskedInterfaces asked = askedAt.apply(p.device());
      StringBuilder clause = new StringBuilder("when ").append(ways(p, asked, names));
      if (several) {
        clause.append(" at ").append(deviceNames.get(p.device()));
      }
      List<Rule> narrow = narrowRules(p.device(), asked, parts);
      if (!narrow.isEmpty()) {
        first = first == null ? narrow.get(0) : first;
        List<String> locs = narrow.stream().map(r -> r.location().toString()).toList();
        rules.addAll(locs);
        clause.append(" (").append(spell(locs, ", ", "more rules")).append(')');
      }
      clauses.add(clause.toString());
    }
    String condition =
        clauses.isEmpty()
            ? "allowed only on some interfaces"
            : "allowed only " + String.join(", and ", clauses);
    // One option names an interface for every device: suggest it only where they agree.
    List<String> options = new ArrayList<>();
    names.forEach(
        (flag, n) -> {
          if (n.size() == 1) {
            String name = n.iterator().next();
            options.add(name == null ? flag : flag + " " + name);
          }
        });
    return new Text(condition, first, List.copyOf(rules), options);
  }

  /**
   * The classes a device lets the addresses through on, in words: "leaving by eth0", "arriving by
   * eth1 and leaving by eth0", or alternatives ("arriving by eth1 and leaving by eth0, or arriving
   * by eth2 and leaving by eth3"): input classes with the same output classes go together. Records
   * the option and exact name each side would need.
   */
  private static String ways(
      EveryPath.Paths p, AskedInterfaces asked, Map<String, Set<String>> names) {
    Bits allIn = union(p.all(), 0);
    Bits allOut = union(p.all(), 1);
    Map<Bits, Bits> outsByIn = new LinkedHashMap<>();
    for (Bits[] c : p.allowed()) {
      outsByIn.merge(c[0], c[1], Bits::union);
    }
    Map<Bits, Bits> insByOuts = new LinkedHashMap<>();
    outsByIn.forEach((in, outs) -> insByOuts.merge(outs, in, Bits::union));
    List<String> alts = new ArrayList<>();
    insByOuts.forEach(
        (outs, ins) -> {
          alts.add(side(ins, allIn, outs, allOut, asked));
          note(names, asked.inFlag(), ins, allIn, asked);
          note(names, asked.outFlag(), outs, allOut, asked);
        });
    return spell(alts, ", or ", "more combinations");
  }

  /** The first few items joined, and how many more there are. */
  private static String spell(List<String> items, String sep, String more) {
    if (items.size() <= SPELLED + 1) {
      return String.join(sep, items);
    }
    return String.join(sep, items.subList(0, SPELLED))
        + sep
        + (items.size() - SPELLED)
        + " "
        + more;
  }

  private static String side(Bits in, Bits allIn, Bits out, Bits allOut, AskedInterfaces asked) {
    List<String> s = new ArrayList<>();
    if (!in.equals(allIn)) {
      s.add("arriving by " + asked.words(in, allIn));
    }
    if (!out.equals(allOut)) {
      s.add("leaving by " + asked.words(out, allOut));
    }
    return String.join(" and ", s);
  }

  private static void note(
      Map<String, Set<String>> names, String flag, Bits set, Bits all, AskedInterfaces asked) {
    if (flag == null || set.equals(all)) {
      return;
    }
    names.computeIfAbsent(flag, k -> new LinkedHashSet<>()).add(asked.exactName(set));
  }

  private static Bits union(List<Bits[]> classes, int side) {
    Bits u = classes.get(0)[side];
    for (Bits[] c : classes) {
      u = u.union(c[side]);
    }
    return u;
  }

  /**
   * The rules of a device that decided for only some of the interfaces asked about and concern
   * these addresses: those that allow, or else those that stop the rest.
   */
  private List<Rule> narrowRules(int device, AskedInterfaces asked, List<Decision> parts) {
    Map<String, Rule> allow = new LinkedHashMap<>();
    Map<String, Rule> stop = new LinkedHashMap<>();
    for (Decision d : parts) {
      if (d.device() != device
          || d.rule() == null
          || asked.whole(d.iif(), d.oif())
          || !d.remote().intersects(addresses)) {
        continue;
      }
      (d.verdict() == Verdict.ALLOW ? allow : stop)
          .putIfAbsent(d.rule().location().toString(), d.rule());
    }
    return new ArrayList<>((allow.isEmpty() ? stop : allow).values());
  }
}
