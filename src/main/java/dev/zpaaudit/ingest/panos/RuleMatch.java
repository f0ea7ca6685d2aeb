package dev.zpaaudit.ingest.panos;

import java.util.List;

/**
 * What security and decryption rules match on, as written: zones, source and destination members
 * (each possibly negated), users, services and URL categories. The member {@code any} is kept as
 * written.
 */
public record RuleMatch(
    List<String> from,
    List<String> to,
    List<String> source,
    boolean negateSource,
    List<String> destination,
    boolean negateDestination,
    List<String> sourceUsers,
    List<String> services,
    List<String> categories) {
  public static final List<String> ANY = List.of("any");

  public RuleMatch {
    from = Checks.names(from, "from zone");
    to = Checks.names(to, "to zone");
    source = Checks.names(source, "source");
    destination = Checks.names(destination, "destination");
    sourceUsers = Checks.names(sourceUsers, "source user");
    services = Checks.names(services, "service");
    categories = Checks.names(categories, "category");
  }

  /** Whether a member list is {@code any}. */
  public static boolean isAny(List<String> members) {
    return members.equals(ANY);
  }
}
