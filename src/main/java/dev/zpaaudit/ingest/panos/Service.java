package dev.zpaaudit.ingest.panos;

import java.util.List;
import java.util.Objects;

/**
 * A {@code <service>} object: a protocol, destination ports and optional source ports (none: any
 * source port).
 */
public record Service(
    String name, Protocol protocol, List<PortRange> ports, List<PortRange> sourcePorts, int line) {
  public enum Protocol {
    TCP,
    UDP;

    public String text() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** {@code service-http}, which PAN-OS predefines as TCP ports 80 and 8080. */
  public static final Service HTTP =
      new Service(
          "service-http",
          Protocol.TCP,
          List.of(new PortRange(80, 80), new PortRange(8080, 8080)),
          List.of(),
          0);

  /** {@code service-https}, which PAN-OS predefines as TCP port 443. */
  public static final Service HTTPS =
      new Service("service-https", Protocol.TCP, List.of(new PortRange(443, 443)), List.of(), 0);

  public Service {
    Checks.name(name, "service name");
    Objects.requireNonNull(protocol, "protocol");
    ports = List.copyOf(ports);
    sourcePorts = List.copyOf(sourcePorts);
    if (ports.isEmpty()) {
      throw new IllegalArgumentException("service '" + name + "' has no destination port");
    }
    Checks.line(line);
  }

  /** Whether PAN-OS defines this service itself (it is not written in the config). */
  public boolean predefined() {
    return line == 0;
  }
}
