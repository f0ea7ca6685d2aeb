package dev.zpaaudit.ingest.panos;

import java.util.Objects;

/** What one address member stands for once groups are flattened. */
public sealed interface AddressLeaf {
  /** {@code any}. */
  record Any() implements AddressLeaf {}

  /** An address object or a literal address, by the name written. */
  record Value(String name, AddressValue value) implements AddressLeaf {
    public Value {
      Checks.name(name, "name");
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * A name whose addresses are not in the config (a region, an external list, a dynamic group) or
   * that cannot be resolved, with the reason.
   */
  record Unresolved(String name, String reason) implements AddressLeaf {
    public Unresolved {
      Checks.name(name, "name");
      Checks.name(reason, "reason");
    }
  }
}
