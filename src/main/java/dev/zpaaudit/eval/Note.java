package dev.zpaaudit.eval;

import dev.zpaaudit.model.Rule;

/**
 * A fate that some of a piece's packets may meet instead of the one evaluation found, because a
 * rule with an unmodelled test may have matched them. {@code stage} is set for "accepted by this
 * stage", which is only a fate once later stages are known.
 */
record Note(Verdict verdict, Rule rule, String reason, int stage, Note next) {
  static final int NO_STAGE = -1;

  boolean isStageAccept() {
    return stage != NO_STAGE;
  }
}
