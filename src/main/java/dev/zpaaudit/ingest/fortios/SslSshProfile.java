package dev.zpaaudit.ingest.fortios;

import java.util.List;
import java.util.Objects;

/**
 * A {@code firewall ssl-ssh-profile}: how it inspects HTTPS ({@code deep-inspection}, {@code
 * certificate-inspection} or {@code disable}; null where the export does not say), whether it
 * inspects TLS on every port ({@code config ssl} {@code inspect-all}) or on its HTTPS ports, and
 * what it exempts from deep inspection ({@code config ssl-exempt}), in order.
 */
record SslSshProfile(
    String name,
    String mode,
    boolean allPorts,
    List<Integer> ports,
    List<Exemption> exempt,
    int line) {
  /**
   * One {@code ssl-exempt} entry: its type ({@code fortiguard-category}, the default, {@code
   * address}, {@code address6}, {@code wildcard-fqdn}, {@code regex}, {@code finger-print}) and the
   * value it names.
   */
  record Exemption(String id, String type, String value, int line) {
    Exemption {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(value, "value");
    }
  }

  SslSshProfile {
    Objects.requireNonNull(name, "name");
    ports = List.copyOf(ports);
    exempt = List.copyOf(exempt);
  }
}
