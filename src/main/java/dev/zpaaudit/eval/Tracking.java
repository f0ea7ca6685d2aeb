package dev.zpaaudit.eval;

import dev.zpaaudit.model.Action;
import dev.zpaaudit.model.Condition;
import dev.zpaaudit.model.Filter;
import dev.zpaaudit.model.Firewall;
import dev.zpaaudit.model.Rule;
import java.util.List;

/**
 * Whether a ruleset certainly turns connection tracking on. The kernel tracks connections in a
 * network namespace only while something there needs it: a conntrack or state match, a NAT or CT
 * target. NAT filters alone do not: without tracking the kernel never runs them, so neither their
 * policy nor their rules touch any packet.
 */
final class Tracking {
  private Tracking() {}

  static boolean certain(Firewall fw) {
    for (Filter c : fw.filters().values()) {
      for (Rule r : c.rules()) {
        Action a = r.action();
        if (a instanceof Action.Untrack
            || a instanceof Action.SrcNat
            || a instanceof Action.DestNat
            || usesConntrack(r.match())) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean usesConntrack(List<Condition> conds) {
    for (Condition c : conds) {
      if (c instanceof Condition.Session
          || c instanceof Condition.SessionAddr
          || c instanceof Condition.SessionPort) {
        return true;
      }
      if (c instanceof Condition.AnyOf any) {
        for (List<Condition> alt : any.alternatives()) {
          if (usesConntrack(alt)) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
