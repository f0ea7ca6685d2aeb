package dev.zpaaudit.ingest.checkpoint;

import dev.zpaaudit.model.SourceLocation;
import java.util.Objects;

/** One entry of a layer's rulebase, in order: a rule, or rules the export does not hold. */
sealed interface Entry permits AccessRule, Entry.Missing {
  SourceLocation at();

  /** Rules that decide here but are not in the export: {@code what} they are, {@code why}. */
  record Missing(SourceLocation at, String what, String why) implements Entry {
    public Missing {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(what, "what");
      Objects.requireNonNull(why, "why");
    }
  }
}
