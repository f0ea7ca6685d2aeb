package dev.zpaaudit.model;

import java.util.List;
import java.util.Objects;

/**
 * A named, ordered list of rules. A filter that traffic passes where it is attached has a default
 * rule: the synthetic last rule that decides what no rule matched (a default policy, an implicit
 * deny, an intrazone allow), at the location where it was declared, so that a trace can always name
 * what decided. A filter that is only called from others has none and returns to its caller when it
 * ends.
 */
public record Filter(String name, List<Rule> rules, Rule defaultRule) {
  public Filter {
    Objects.requireNonNull(name, "name");
    rules = List.copyOf(rules);
  }

  /** Whether the filter ends in a default rule (else it returns to its caller). */
  public boolean hasDefault() {
    return defaultRule != null;
  }
}
