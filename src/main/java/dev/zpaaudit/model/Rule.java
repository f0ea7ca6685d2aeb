package dev.zpaaudit.model;

import java.util.List;
import java.util.Objects;

/** One rule: where it was read, its text as written, what it matches, what it does. */
public record Rule(SourceLocation location, String text, List<Condition> match, Action action) {
  public Rule {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(text, "text");
    match = List.copyOf(match);
    Objects.requireNonNull(action, "action");
  }

  public String actionText() {
    return action.text();
  }
}
