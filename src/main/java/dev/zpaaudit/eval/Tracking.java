package dev.zpaaudit.eval;

import dev.zpaaudit.model.Action;
import dev.zpaaudit.model.Condition;
import dev.zpaaudit.model.Filter;
import dev.zpaaudit.model.Firewall;
import dev.zpaaudit.model.Rule;
import java.util.List;

/**
 * Whether a device certainly tracks sessions. A Linux host tracks connections only while something
 * needs them: a test of session state, a translation, an exemption from tracking. Translation
 * filters alone do not: without tracking they never run, so neither their default nor their rules
 * touch any packet.
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
            || testsSessions(r.match())) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean testsSessions(List<Condition> conds) {
    for (Condition c : conds) {
      if (c instanceof Condition.Session
          || c instanceof Condition.SessionAddr
          || c instanceof Condition.SessionPort) {
        return true;
      }
      if (c instanceof Condition.Not not && testsSessions(not.of())) {
        return true;
      }
      if (c instanceof Condition.AnyOf any) {
        for (List<Condition> alt : any.alternatives()) {
          if (testsSessions(alt)) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
