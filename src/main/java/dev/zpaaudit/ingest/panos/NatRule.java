package dev.zpaaudit.ingest.panos;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A NAT rule, as written: the zones and egress interface of the original packet, its source,
 * destination and service, and the translations.
 */
public record NatRule(
    String name,
    Type type,
    List<String> from,
    List<String> to,
    String toInterface,
    List<String> source,
    List<String> destination,
    String service,
    Optional<SourceTranslation> sourceTranslation,
    Optional<DestinationTranslation> destinationTranslation,
    boolean disabled,
    int line) {
  /** {@code <nat-type>}: ipv4 (the default), nat64 or nptv6. */
  public enum Type {
    IPV4,
    NAT64,
    NPTV6;

    public String text() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Type> tryParse(String text) {
      for (Type t : values()) {
        if (t.text().equals(text)) {
          return Optional.of(t);
        }
      }
      return Optional.empty();
    }
  }

  public NatRule {
    Checks.name(name, "rule name");
    Objects.requireNonNull(type, "type");
    from = Checks.names(from, "from zone");
    to = Checks.names(to, "to zone");
    Checks.name(toInterface, "to-interface");
    source = Checks.names(source, "source");
    destination = Checks.names(destination, "destination");
    Checks.name(service, "service");
    Checks.optional(sourceTranslation, "source translation");
    Checks.optional(destinationTranslation, "destination translation");
    Checks.writtenLine(line);
  }
}
