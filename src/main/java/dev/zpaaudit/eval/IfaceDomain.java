package dev.zpaaudit.eval;

import dev.zpaaudit.model.Bits;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A finite stand-in for the infinite set of interface names. It holds every exact name that a
 * ruleset or query mentions, one representative per wildcard prefix ("eth" + '*' stands for every
 * other name that starts with "eth"), one for all other names ("*"), and "" for "no interface" (the
 * input interface of locally generated packets). Each representative matches exactly the patterns
 * that every name of its class matches, so sets over this domain are exact.
 */
public final class IfaceDomain {
  public static final String NONE = "";
  public static final String OTHER = "*";

  private final List<String> names;
  private final Map<String, Integer> index = new LinkedHashMap<>();

  public IfaceDomain(Iterable<String> patterns) {
    TreeSet<String> all = new TreeSet<>();
    all.add(NONE);
    all.add(OTHER);
    all.add("lo");
    for (String p : patterns) {
      if (p.endsWith("+")) {
        all.add(p.substring(0, p.length() - 1) + OTHER);
      } else {
        all.add(p);
      }
    }
    names = new ArrayList<>(all);
    for (int i = 0; i < names.size(); i++) {
      index.put(names.get(i), i);
    }
  }

  /** The domain for a firewall: every interface pattern its rules test, plus extra names. */
  public static IfaceDomain forFirewalls(
      java.util.Collection<dev.zpaaudit.model.Firewall> firewalls,
      java.util.Collection<String> extra) {
    // Most rules repeat a few interface names: each once, before they are sorted.
    java.util.Set<String> patterns = new java.util.LinkedHashSet<>(extra);
    for (dev.zpaaudit.model.Firewall fw : firewalls) {
      for (dev.zpaaudit.model.Filter c : fw.filters().values()) {
        for (dev.zpaaudit.model.Rule r : c.rules()) {
          collect(r.match(), patterns);
        }
      }
    }
    return new IfaceDomain(patterns);
  }

  private static void collect(
      List<dev.zpaaudit.model.Condition> conds, java.util.Collection<String> out) {
    for (dev.zpaaudit.model.Condition c : conds) {
      if (c instanceof dev.zpaaudit.model.Condition.InIface i) {
        out.addAll(i.patterns());
      } else if (c instanceof dev.zpaaudit.model.Condition.OutIface o) {
        out.addAll(o.patterns());
      } else if (c instanceof dev.zpaaudit.model.Condition.AnyOf a) {
        a.alternatives().forEach(alt -> collect(alt, out));
      } else if (c instanceof dev.zpaaudit.model.Condition.Not n) {
        collect(n.of(), out);
      }
    }
  }

  public int size() {
    return names.size();
  }

  public String name(int i) {
    return names.get(i);
  }

  public Bits all() {
    return Bits.all(size());
  }

  public Bits none() {
    return Bits.none(size());
  }

  /** The set holding just the given name, which must be in the domain. */
  public Bits exactly(String name) {
    Integer i = index.get(name);
    if (i == null) {
      throw new IllegalArgumentException("interface '" + name + "' is not in the domain");
    }
    return Bits.of(size(), i);
  }

  /**
   * The members matching a pattern ("eth0", or "eth+" for any name starting with "eth"). A bare "+"
   * compares no characters at all, so the kernel lets it match every packet, also one with no
   * interface (readers load a bare {@code +} as no test, and its negation as one that never holds).
   */
  public Bits matching(String pattern) {
    if (pattern.equals("+")) {
      return all();
    }
    if (pattern.endsWith("+")) {
      String prefix = pattern.substring(0, pattern.length() - 1);
      return Bits.where(size(), i -> !names.get(i).equals(NONE) && names.get(i).startsWith(prefix));
    }
    return index.containsKey(pattern) ? exactly(pattern) : none();
  }

  /** A real interface carrying traffic to or from the network: any name but "lo" and "". */
  public Bits physical() {
    return Bits.where(size(), i -> !names.get(i).equals(NONE) && !names.get(i).equals("lo"));
  }
}
