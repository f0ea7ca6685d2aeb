package dev.zpaaudit.ingest.panos;

import java.util.Optional;

/** A NAT rule's {@code <destination-translation>}: the translated address and optional port. */
public record DestinationTranslation(String translatedAddress, Optional<Integer> translatedPort) {
  public DestinationTranslation {
    Checks.name(translatedAddress, "translated address");
    Checks.optional(translatedPort, "translated port");
    translatedPort.ifPresent(
        p -> {
          if (p < 1 || p > 65535) {
            throw new IllegalArgumentException("not a port: " + p);
          }
        });
  }
}
