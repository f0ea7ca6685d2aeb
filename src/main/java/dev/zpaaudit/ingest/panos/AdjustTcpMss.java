package dev.zpaaudit.ingest.panos;

/**
 * An interface's {@code <adjust-tcp-mss>}: whether the MSS of TCP SYNs is lowered, and by how many
 * bytes below the interface MTU for IPv4 and IPv6 (PAN-OS defaults: 40 and 60).
 */
public record AdjustTcpMss(boolean enabled, int ipv4Adjustment, int ipv6Adjustment) {
  public static final int DEFAULT_IPV4 = 40;
  public static final int DEFAULT_IPV6 = 60;

  public AdjustTcpMss {
    if (ipv4Adjustment < 0 || ipv4Adjustment > 65535) {
      throw new IllegalArgumentException("not an MSS adjustment: " + ipv4Adjustment);
    }
    if (ipv6Adjustment < 0 || ipv6Adjustment > 65535) {
      throw new IllegalArgumentException("not an MSS adjustment: " + ipv6Adjustment);
    }
  }
}
