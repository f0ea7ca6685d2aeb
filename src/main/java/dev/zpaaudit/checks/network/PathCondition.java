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

/**
 * Addresses that each device lets through only on some of its interfaces (classes of input and
 * output interfaces), and that condition in words: "allowed only when leaving by eth0
 * (host.rules:7)", with the options that would name the interfaces.
 */
record PathCondition(IpSet addresses, List<EveryPath.Paths> paths) {

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

  Text describe(AskedInterfaces asked, List<String> deviceNames, List<Decision> parts) {
    List<String> clauses = new ArrayList<>();
    Set<String> rules = new TreeSet<>();
    Rule first = null;
    Map<String, Set<String>> names = new LinkedHashMap<>();
    boolean several = paths.stream().filter(p -> !p.unconditional()).count() > 1;
    for (EveryPath.Paths p : paths) {
      if (p.unconditional()) {
        continue;
      }
      String clause = "when " + ways(p, asked, names);
      List<Rule> narrow = narrowRules(p.device(), asked, parts);
      for (Rule r : narrow) {
        rules.add(r.location().toString());
      }
      if (first == null && !narrow.isEmpty()) {
        first = narrow.get(0);
      }
      if (several) {
        clause += " at " + deviceNames.get(p.device());
      }
      if (!narrow.isEmpty()) {
        clause +=
            " ("
                + String.join(", ", narrow.stream().map(r -> r.location().toString()).toList())
                + ")";
      }
      clauses.add(clause);
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
   * eth1 and leaving by eth0", or, when they are not one product of input and output sets,
   * alternatives joined by "or". Records the option and exact name each side would need.
   */
  private static String ways(
      EveryPath.Paths p, AskedInterfaces asked, Map<String, Set<String>> names) {
    Bits allIn = union(p.all(), 0);
    Bits allOut = union(p.all(), 1);
    Bits in = union(p.allowed(), 0);
    Bits out = union(p.allowed(), 1);
    if (product(p.allowed(), in, out, p.all())) {
      note(names, asked.inFlag(), in, allIn, asked);
      note(names, asked.outFlag(), out, allOut, asked);
      return side(in, allIn, out, allOut, asked);
    }
    List<String> alts = new ArrayList<>();
    for (Bits[] c : p.allowed()) {
      alts.add(side(c[0], allIn, c[1], allOut, asked));
      note(names, asked.inFlag(), c[0], allIn, asked);
      note(names, asked.outFlag(), c[1], allOut, asked);
    }
    return String.join(", or ", new LinkedHashSet<>(alts));
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

  /**
   * Whether the allowed classes are every pair of an input class in {@code in} and output in {@code
   * out}.
   */
  private static boolean product(List<Bits[]> allowed, Bits in, Bits out, List<Bits[]> all) {
    int n = 0;
    for (Bits[] c : all) {
      if (in.intersects(c[0]) && out.intersects(c[1])) {
        n++;
      }
    }
    return n == allowed.size();
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
