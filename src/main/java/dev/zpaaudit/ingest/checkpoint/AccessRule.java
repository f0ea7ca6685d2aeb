package dev.zpaaudit.ingest.checkpoint;

import dev.zpaaudit.model.SourceLocation;
import java.util.Objects;

/**
 * An access rule as the API gives it: its number and name, whether it is enabled, its cells (the
 * objects each names, with its negation), its action and, for an inline layer, the layer.
 */
record AccessRule(
    SourceLocation at,
    String number,
    String name,
    boolean enabled,
    Column source,
    Column destination,
    Column service,
    Column vpn,
    Column content,
    Column time,
    Column installOn,
    Ref action,
    Ref inlineLayer)
    implements Entry {
  AccessRule {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(vpn, "vpn");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(installOn, "installOn");
    Objects.requireNonNull(action, "action");
  }

  /** How the rule is named: {@code rule 3 'Allow_SSH'}. */
  String label() {
    return "rule " + number + (name.isEmpty() ? "" : " '" + name + "'");
  }
}
