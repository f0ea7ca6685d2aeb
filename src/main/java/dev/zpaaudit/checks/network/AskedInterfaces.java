package dev.zpaaudit.checks.network;

import dev.zpaaudit.eval.IfaceDomain;
import dev.zpaaudit.model.Bits;
import java.util.ArrayList;
import java.util.List;

/**
 * The interfaces a direction's packets were asked about (the input and output interface sets), the
 * options that name them, and how to say a subset of them in words. A set the user did not name
 * holds every class of interface the rules tell apart; a verdict that differs between those classes
 * depends on an interface the user did not name.
 *
 * @param inFlag the option naming the input interface ("--in-interface"), null when it is fixed
 * @param outFlag the option naming the output interface, null when it is fixed
 */
public record AskedInterfaces(
    IfaceDomain domain, Bits in, Bits out, String inFlag, String outFlag) {

  /** Whether packets with these interfaces are all the packets asked about. */
  boolean whole(Bits iif, Bits oif) {
    return iif.intersect(in).equals(in) && oif.intersect(out).equals(out);
  }

  /**
   * The interfaces in words, for packets narrower than asked ("leaving by eth0", "arriving by eth1
   * and leaving by any interface but eth0"); empty when they are all the packets asked about.
   */
  String qualifier(Bits iif, Bits oif) {
    List<String> parts = new ArrayList<>();
    Bits i = iif.intersect(in);
    Bits o = oif.intersect(out);
    if (!i.equals(in)) {
      parts.add("arriving by " + words(i, in));
    }
    if (!o.equals(out)) {
      parts.add("leaving by " + words(o, out));
    }
    return String.join(" and ", parts);
  }

  /**
   * A subset of {@code universe} in words: "eth0", "eth0, eth1 or eth2", "an eth+ interface", "any
   * interface but eth0, eth1".
   */
  String words(Bits set, Bits universe) {
    int other = index(IfaceDomain.OTHER);
    if (other >= 0 && set.contains(other)) {
      List<String> but = names(universe.minus(set));
      return but.isEmpty() ? "any interface" : "any interface but " + String.join(", ", but);
    }
    List<String> n = names(set);
    return n.size() == 1
        ? n.get(0)
        : String.join(", ", n.subList(0, n.size() - 1)) + " or " + n.get(n.size() - 1);
  }

  /** The one exact interface name a set stands for, or null (several, a wildcard, "others"). */
  String exactName(Bits set) {
    int[] m = set.members();
    if (m.length != 1) {
      return null;
    }
    String n = domain.name(m[0]);
    return n.endsWith(IfaceDomain.OTHER) || n.equals(IfaceDomain.NONE) ? null : n;
  }

  private List<String> names(Bits set) {
    List<String> out = new ArrayList<>();
    for (int i : set.members()) {
      String n = domain.name(i);
      if (n.equals(IfaceDomain.OTHER)) {
        out.add("any other interface");
      } else if (n.endsWith(IfaceDomain.OTHER)) {
        out.add(
            (set.cardinality() == 1 ? "an " : "another ")
                + n.substring(0, n.length() - 1)
                + "+ interface");
      } else if (n.equals(IfaceDomain.NONE)) {
        out.add("no interface");
      } else {
        out.add(n);
      }
    }
    return out;
  }

  private int index(String name) {
    for (int i = 0; i < domain.size(); i++) {
      if (domain.name(i).equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
