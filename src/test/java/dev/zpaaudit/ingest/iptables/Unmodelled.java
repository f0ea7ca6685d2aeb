package dev.zpaaudit.ingest.iptables;

import dev.zpaaudit.model.Action;
import dev.zpaaudit.model.Condition;
import dev.zpaaudit.model.Filter;
import dev.zpaaudit.model.Firewall;
import dev.zpaaudit.model.Rule;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Counts the constructs of a parsed export that the reader left unmodelled, by kind. */
final class Unmodelled {
  private static final Pattern NAMED = Pattern.compile("^(match|ipset|target) '([^']*)'.*");

  private Unmodelled() {}

  /** "match 'mac'" -> count, "target NFQUEUE" -> count, ... over every rule and policy. */
  static Map<String, Integer> of(Firewall fw) {
    Map<String, Integer> out = new TreeMap<>();
    for (Filter c : fw.filters().values()) {
      for (Rule r : c.rules()) {
        count(r, out);
      }
      if (c.defaultRule() != null) {
        count(c.defaultRule(), out);
      }
    }
    return out;
  }

  /** The same for one rule. */
  static Map<String, Integer> of(Rule r) {
    Map<String, Integer> out = new TreeMap<>();
    count(r, out);
    return out;
  }

  private static void count(Rule r, Map<String, Integer> out) {
    for (Condition c : r.match()) {
      conditions(c, out);
    }
    if (r.action() instanceof Action.Unknown u) {
      out.merge(u.reason(), 1, Integer::sum);
    }
  }

  private static void conditions(Condition c, Map<String, Integer> out) {
    if (c instanceof Condition.Unknown u) {
      out.merge(kind(u.what()), 1, Integer::sum);
    } else if (c instanceof Condition.AnyOf any) {
      for (List<Condition> alt : any.alternatives()) {
        alt.forEach(x -> conditions(x, out));
      }
    }
  }

  /** "match 'mac' (--mac-source ...)" -> "match 'mac'"; anything else as written. */
  static String kind(String what) {
    Matcher m = NAMED.matcher(what);
    return m.matches() ? m.group(1) + " '" + m.group(2) + "'" : what;
  }
}
