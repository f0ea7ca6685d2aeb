package dev.zpaaudit.ingest.panos;

import java.util.Objects;

/** What one service member stands for once groups are flattened. */
public sealed interface ServiceLeaf {
  /** {@code any}: every protocol and port. */
  record Any() implements ServiceLeaf {}

  /** {@code application-default}: the default ports of the rule's applications (App-ID). */
  record ApplicationDefault() implements ServiceLeaf {}

  /** A service object or a predefined service. */
  record Defined(Service service) implements ServiceLeaf {
    public Defined {
      Objects.requireNonNull(service, "service");
    }
  }

  /** A name that cannot be resolved, with the reason. */
  record Unresolved(String name, String reason) implements ServiceLeaf {
    public Unresolved {
      Checks.name(name, "name");
      Checks.name(reason, "reason");
    }
  }
}
