package dev.zpaaudit.model;

import java.util.List;
import java.util.Objects;

/**
 * An ordered list of rules. A base chain has a policy (a synthetic last rule at the location where
 * the policy was declared); a user chain has none and returns to its caller when it ends.
 */
public record Chain(String name, List<Rule> rules, Rule policy) {
  public Chain {
    Objects.requireNonNull(name, "name");
    rules = List.copyOf(rules);
  }

  public boolean isBase() {
    return policy != null;
  }
}
