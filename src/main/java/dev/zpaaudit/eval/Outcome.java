package dev.zpaaudit.eval;

import dev.zpaaudit.model.Rule;
import java.util.List;

/**
 * The fate of a set of packets (as asked about), the rule that decided it, the full trace, and,
 * when the verdict is indeterminate, why: the rules whose unmodelled tests could change it.
 */
public record Outcome(
    Cube packets,
    Verdict verdict,
    Rule decidingRule,
    Trace trace,
    List<Doubt> doubts,
    String reason) {

  /**
   * A rule that may decide otherwise than the trace says, and what it may decide. {@code rule} is
   * the rule whose test is not modelled (null when the doubt is not about one rule), {@code
   * landsAt} the rule where the packets it may match end, with {@code verdict}: the same rule when
   * it decides itself (a DROP with an unmodelled test), another when it jumps or accepts before a
   * later rule decides.
   */
  public record Doubt(Rule rule, Verdict verdict, String reason, Rule landsAt) {
    /** A doubt about a rule that decides itself. */
    public Doubt(Rule rule, Verdict verdict, String reason) {
      this(rule, verdict, reason, rule);
    }

    /** Whether the packets the rule may match end at another rule than the one with the test. */
    public boolean landsElsewhere() {
      return landsAt != null && (rule == null || !landsAt.location().equals(rule.location()));
    }

    /** The doubt in one line, naming both rules when they differ. */
    public String describe() {
      StringBuilder sb = new StringBuilder();
      if (rule != null) {
        sb.append(rule.location()).append(": ");
      }
      sb.append(reason);
      if (landsElsewhere()) {
        sb.append("; if it matches, they end at ")
            .append(landsAt.location())
            .append(" (")
            .append(verdict.label())
            .append(')');
      }
      return sb.toString();
    }
  }

  public Outcome {
    doubts = List.copyOf(doubts);
  }

  public Outcome(
      Cube packets, Verdict verdict, Rule decidingRule, Trace trace, List<Doubt> doubts) {
    this(packets, verdict, decidingRule, trace, doubts, reasonOf(doubts));
  }

  private static String reasonOf(List<Doubt> doubts) {
    if (doubts.isEmpty()) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    for (Doubt d : doubts) {
      if (sb.length() > 0) {
        sb.append("; ");
      }
      sb.append(d.describe());
    }
    return sb.toString();
  }
}
