package dev.zpaaudit.model;

import java.util.List;
import java.util.Objects;

/**
 * A rule of a device's TLS inspection policy: what it matches (addresses, zones, ports as {@code
 * match}; server names as the vendor writes them, wildcards included; URL categories by name) and
 * whether matching traffic is decrypted and inspected, passed through untouched, closed, or
 * something the export does not settle. Rules are tried in order; the first that matches decides.
 */
public record DecryptionRule(
    SourceLocation location,
    String text,
    List<Condition> match,
    List<String> serverNames,
    List<String> categories,
    Decision decision) {
  /** What the rule does with TLS it matches. */
  public enum Decision {
    INSPECT,
    BYPASS,
    /**
     * Closes the connection: what it matches breaks, as decrypted traffic does for the connector.
     */
    CLOSE,
    UNKNOWN
  }

  public DecryptionRule {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(text, "text");
    match = List.copyOf(match);
    serverNames = List.copyOf(serverNames);
    categories = List.copyOf(categories);
    Objects.requireNonNull(decision, "decision");
  }
}
