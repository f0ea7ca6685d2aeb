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

  /** A rule that may decide otherwise than the trace says, and what it may decide. */
  public record Doubt(Rule rule, Verdict verdict, String reason) {}

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
      sb.append(d.rule() == null ? "" : d.rule().location() + ": ").append(d.reason());
    }
    return sb.toString();
  }
}
