package dev.zpaaudit.probe;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * Where a TCP or TLS probe goes: an address and port, the name it was resolved from (null for a
 * sampled address) or the published block it was sampled from (null for a resolved address).
 */
public record Target(String name, InetAddress address, int port, String sampleOf) {
  public Target {
    Objects.requireNonNull(address, "address");
    if ((name == null) == (sampleOf == null)) {
      throw new IllegalArgumentException("a target is either resolved from a name or sampled");
    }
  }

  public static Target resolved(String name, InetAddress address, int port) {
    return new Target(name, address, port, null);
  }

  public static Target sampled(String cidr, InetAddress address, int port) {
    return new Target(null, address, port, cidr);
  }

  public boolean isSample() {
    return sampleOf != null;
  }

  public InetSocketAddress socketAddress() {
    return new InetSocketAddress(address, port);
  }

  public String endpoint() {
    return Endpoint.format(address, port);
  }

  /** "co2br.prod.zpath.net at 192.0.2.1:443" or "192.0.2.1:443 (sampled from 192.0.2.0/24)". */
  public String label() {
    return isSample()
        ? endpoint() + " (sampled from " + sampleOf + ")"
        : name + " at " + endpoint();
  }
}
