package dev.zpaaudit.ingest.fortios;

import java.util.Objects;

/**
 * A table of policies that decides forwarded traffic too but is not read ({@code firewall
 * security-policy} of a FortiGate in policy-based NGFW mode...): where it is and why that matters.
 */
record UnreadPolicies(String table, String why, int line) {
  UnreadPolicies {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(why, "why");
  }
}
