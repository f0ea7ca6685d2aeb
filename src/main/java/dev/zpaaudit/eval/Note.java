package dev.zpaaudit.eval;

import dev.zpaaudit.model.Rule;

/**
 * A fate that some of a piece's packets may meet instead of the one evaluation found, because a
 * rule with an unmodelled test may have matched them. {@code rule} is where that fate lands (the
 * rule that would decide), {@code test} the rule whose test is not modelled; they differ when the
 * uncertain rule jumps elsewhere or accepts before a later stage decides. {@code stage} is set for
 * "accepted by this stage", which is only a fate once later stages are known.
 */
record Note(Verdict verdict, Rule rule, Rule test, String reason, int stage, Note next) {
  static final int NO_STAGE = -1;

  /** A fate decided by the very rule whose test is not modelled. */
  Note(Verdict verdict, Rule rule, String reason, int stage, Note next) {
    this(verdict, rule, rule, reason, stage, next);
  }

  boolean isStageAccept() {
    return stage != NO_STAGE;
  }
}
