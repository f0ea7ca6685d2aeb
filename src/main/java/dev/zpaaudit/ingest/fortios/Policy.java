package dev.zpaaudit.ingest.fortios;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A firewall policy as written, at the line of its {@code edit}: its id, name ({@code ""} when it
 * has none), the table it stands in ({@code firewall policy} or {@code firewall policy6}), whether
 * it is enabled, what it matches, its action and schedule, what it tests that is not modelled
 * (users, groups, internet services...), and the SSL/SSH inspection profile it applies when its
 * security profiles are on ({@code utm-status enable}).
 */
record Policy(
    String id,
    String name,
    String table,
    boolean enabled,
    PolicyMatch match,
    Action action,
    String schedule,
    List<String> unmodelled,
    Optional<String> sslSshProfile,
    int line) {
  /** A policy's {@code action}; {@code deny} is the default. */
  enum Action {
    ACCEPT("accept"),
    DENY("deny"),
    /** Denies, sending a TCP reset or ICMP unreachable ({@code send-deny-packet enable}). */
    DENY_WITH_PACKET("deny"),
    /** A policy-based IPsec VPN: allows the traffic into a tunnel. */
    IPSEC("ipsec");

    private final String text;

    Action(String text) {
      this.text = text;
    }

    String text() {
      return text;
    }
  }

  Policy {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(match, "match");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(schedule, "schedule");
    unmodelled = List.copyOf(unmodelled);
    Objects.requireNonNull(sslSshProfile, "sslSshProfile");
  }
}
