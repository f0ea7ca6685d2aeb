package dev.zpaaudit.eval;

import dev.zpaaudit.model.Rule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The rules a set of packets went through that mattered: jumps, gotos, the rule that decided
 * each stage. Shared tails make copies cheap.
 */
public record Trace(Step last) {
  /** One rule that matched, in the chain it was in, with the stage it belongs to. */
  public record Step(String stage, String chain, Rule rule, Step prev) {}

  public static final Trace EMPTY = new Trace(null);

  public Trace then(String stage, String chain, Rule rule) {
    return new Trace(new Step(stage, chain, rule, last));
  }

  public List<Step> steps() {
    List<Step> out = new ArrayList<>();
    for (Step s = last; s != null; s = s.prev()) {
      out.add(s);
    }
    Collections.reverse(out);
    return out;
  }

  /** The last rule in the trace: the one that decided. */
  public Rule decidingRule() {
    return last == null ? null : last.rule();
  }

  /**
   * For packets let through: the last rule that accepted them outright (a filter's ACCEPT or an
   * accepting policy), rather than a NAT rule that only rewrote them on the way out.
   */
  public Rule acceptingRule() {
    for (Step s = last; s != null; s = s.prev()) {
      if (s.rule().action() instanceof dev.zpaaudit.model.Action.Accept) {
        return s.rule();
      }
    }
    return decidingRule();
  }
}
