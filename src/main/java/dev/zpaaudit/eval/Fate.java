package dev.zpaaudit.eval;

import dev.zpaaudit.model.Rule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A piece whose fate is known, with the rule that decided. */
record Fate(Piece piece, Verdict verdict, Rule rule, String reason) {
  Outcome toOutcome() {
    List<Outcome.Doubt> doubts = new ArrayList<>();
    Verdict v = verdict;
    if (reason != null) {
      doubts.add(new Outcome.Doubt(rule, Verdict.INDETERMINATE, reason));
    }
    Map<String, Outcome.Doubt> seen = new LinkedHashMap<>();
    for (Note n = piece.notes(); n != null; n = n.next()) {
      if (n.verdict() != verdict || n.verdict() == Verdict.INDETERMINATE) {
        String key = where(n.test()) + "|" + where(n.rule()) + "|" + n.reason();
        seen.putIfAbsent(key, new Outcome.Doubt(n.test(), n.verdict(), n.reason(), n.rule()));
      }
    }
    List<Outcome.Doubt> notes = new ArrayList<>(seen.values());
    java.util.Collections.reverse(notes);
    doubts.addAll(notes);
    if (!doubts.isEmpty()) {
      v = Verdict.INDETERMINATE;
    }
    Rule decider =
        rule != null
            ? rule
            : verdict == Verdict.ALLOW
                ? piece.trace().acceptingRule()
                : piece.trace().decidingRule();
    return new Outcome(piece.origin(), v, decider, piece.trace(), doubts);
  }

  private static String where(Rule r) {
    return r == null ? "" : r.location().toString();
  }
}
