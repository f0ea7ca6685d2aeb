package dev.zpaaudit.ingest.panos;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A security rule, as written: its match, applications, action, rule type, whether it is disabled,
 * its schedule (if any), what else it matches on that is not modelled (host information profiles,
 * Panorama's targets; each said in a phrase) and whether it names security profiles ({@code
 * <profile-setting>}).
 */
public record SecurityRule(
    String name,
    RuleMatch match,
    List<String> applications,
    SecurityAction action,
    RuleType type,
    boolean disabled,
    Optional<String> schedule,
    List<String> unmodelled,
    boolean hasProfiles,
    int line) {
  public SecurityRule {
    Checks.name(name, "rule name");
    Objects.requireNonNull(match, "match");
    applications = Checks.names(applications, "application");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(type, "type");
    Checks.optional(schedule, "schedule");
    unmodelled = List.copyOf(unmodelled);
    Checks.writtenLine(line);
  }
}
