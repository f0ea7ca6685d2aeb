package dev.zpaaudit.eval;

import dev.zpaaudit.model.Action;
import dev.zpaaudit.model.Attachment;
import dev.zpaaudit.model.Rule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The rules a set of packets went through that mattered: jumps, gotos, the rule that decided each
 * stage. Shared tails make copies cheap.
 */
public record Trace(Step last) {
  /**
   * One rule that matched, in the filter it was in, with the stage it belongs to ({@code stage} is
   * its label); {@code policy} when the rule is a attached filter's policy.
   */
  public record Step(
      String stage,
      Attachment.Kind kind,
      int priority,
      String filter,
      Rule rule,
      boolean policy,
      Step prev) {}

  public static final Trace EMPTY = new Trace(null);

  public Trace then(Attachment stage, String filter, Rule rule, boolean policy) {
    return new Trace(
        new Step(stage.label(), stage.kind(), stage.priority(), filter, rule, policy, last));
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
   * For packets let through: the last filtering rule that accepted them (or, where only policies
   * did, the filter's policy), rather than a NAT rule or policy they merely passed on the way.
   */
  public Rule acceptingRule() {
    Step bestPolicy = null;
    for (Step s = last; s != null; s = s.prev()) {
      if ((s.kind() != Attachment.Kind.FILTER && s.kind() != Attachment.Kind.SESSION)
          || !(s.rule().action() instanceof Action.Accept)) {
        continue;
      }
      if (!s.policy()) {
        return s.rule();
      }
      // Of accepting policies, the filter's own (priority 0) says most.
      if (bestPolicy == null || Math.abs(s.priority()) < Math.abs(bestPolicy.priority())) {
        bestPolicy = s;
      }
    }
    return bestPolicy != null ? bestPolicy.rule() : decidingRule();
  }
}
