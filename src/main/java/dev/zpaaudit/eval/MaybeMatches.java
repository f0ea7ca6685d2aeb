package dev.zpaaudit.eval;

import dev.zpaaudit.model.Action;
import dev.zpaaudit.model.Filter;
import dev.zpaaudit.model.Rule;
import java.util.ArrayList;
import java.util.List;

/**
 * Packets that a rule may or may not match, because its test is not modelled: they go on to the
 * next rule as if it did not match, carrying a note of what the rule would have done with them (for
 * a jump, what the called filter would have done).
 */
final class MaybeMatches {
  private final Evaluator ev;

  MaybeMatches(Evaluator ev) {
    this.ev = ev;
  }

  /**
   * Packets that a rule may or may not match: they go on to the next rule (as if it did not match),
   * carrying a note of what the rule would have done with them.
   */
  List<Piece> act(
      Filter filter, Rule r, List<Piece> maybe, Evaluator.Out out, int depth, String why) {
    Action a = r.action();
    String reason = why == null ? "unmodelled test" : why;
    if (a instanceof Action.Continue) {
      return maybe;
    }
    if (a instanceof Action.Accept || a instanceof Action.SrcNat) {
      return noteAll(maybe, new Note(Verdict.ALLOW, r, reason, out.index, null));
    }
    if (a instanceof Action.Drop || a instanceof Action.Reject) {
      return noteAll(maybe, new Note(Verdict.DENY, r, reason, Note.NO_STAGE, null));
    }
    if (a instanceof Action.Jump || a instanceof Action.Goto) {
      String target = a instanceof Action.Jump j ? j.filter() : ((Action.Goto) a).filter();
      Evaluator.Out sub = new Evaluator.Out(out.stage, out.index);
      List<Piece> fresh = new ArrayList<>();
      for (Piece p : maybe) {
        fresh.add(p.afresh(p.trace().then(out.stage, filter.name(), r, false)));
      }
      ev.runFilter(ev.target(target), fresh, sub, depth + 1);
      List<Piece> result = maybe;
      for (Piece p : sub.accepted) {
        result =
            Evaluator.annotate(
                result,
                p.cube(),
                new Note(Verdict.ALLOW, lastRule(p, r), r, reason, out.index, null));
        result = carry(result, p);
      }
      for (Fate f : sub.fates) {
        result =
            Evaluator.annotate(
                result,
                f.piece().cube(),
                new Note(
                    f.verdict(),
                    f.rule(),
                    r,
                    f.reason() == null ? reason : f.reason(),
                    Note.NO_STAGE,
                    null));
        result = carry(result, f.piece());
      }
      if (a instanceof Action.Goto) {
        for (Piece p : sub.returned) {
          result =
              Evaluator.annotate(
                  result,
                  p.cube(),
                  new Note(
                      Verdict.INDETERMINATE,
                      r,
                      reason
                          + "; if it matches, the packets return to the caller of "
                          + filter.name(),
                      Note.NO_STAGE,
                      null));
        }
      }
      return result;
    }
    return noteAll(
        maybe,
        new Note(
            Verdict.INDETERMINATE,
            r,
            reason + "; if it matches: " + a.text(),
            Note.NO_STAGE,
            null));
  }

  private static Rule lastRule(Piece p, Rule fallback) {
    Rule d = p.trace().decidingRule();
    return d == null ? fallback : d;
  }

  private static List<Piece> carry(List<Piece> pieces, Piece from) {
    List<Piece> out = pieces;
    for (Note n = from.notes(); n != null; n = n.next()) {
      out = Evaluator.annotate(out, from.cube(), n);
    }
    return out;
  }

  private static List<Piece> noteAll(List<Piece> pieces, Note n) {
    List<Piece> out = new ArrayList<>(pieces.size());
    for (Piece p : pieces) {
      out.add(p.note(n));
    }
    return out;
  }
}
