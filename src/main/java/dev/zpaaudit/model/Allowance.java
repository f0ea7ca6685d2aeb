package dev.zpaaudit.model;

import java.util.List;
import java.util.Objects;

/**
 * What a device must let through that it stops today: packets of {@code protocol} to {@code port}
 * from {@code sources} (empty: any source) to {@code destinations} (the fewest CIDR blocks), in the
 * filter attached as {@code attachment} (its label), for traffic from {@code from} to {@code to}
 * (zones or interfaces; null: any); {@code denying} names the rules that stop them there.
 */
public record Allowance(
    AddressFamily family,
    String attachment,
    List<String> sources,
    List<String> destinations,
    int protocol,
    int port,
    String from,
    String to,
    List<String> denying) {
  public Allowance {
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(attachment, "attachment");
    sources = List.copyOf(sources);
    destinations = List.copyOf(destinations);
    denying = List.copyOf(denying);
  }
}
