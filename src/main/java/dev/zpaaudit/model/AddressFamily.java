package dev.zpaaudit.model;

/** An IP address family: IPv4 or IPv6. */
public enum AddressFamily {
  IPV4(4, 32),
  IPV6(6, 128);

  private final int version;
  private final int bits;

  AddressFamily(int version, int bits) {
    this.version = version;
    this.bits = bits;
  }

  /** The IP version number: 4 or 6. */
  public int version() {
    return version;
  }

  /** The length of an address in bits. */
  public int bits() {
    return bits;
  }

  /** The family of an IP version number (4 or 6). */
  public static AddressFamily of(int version) {
    return switch (version) {
      case 4 -> IPV4;
      case 6 -> IPV6;
      default ->
          throw new IllegalArgumentException("address family must be 4 or 6, not " + version);
    };
  }

  /** "IPv4" or "IPv6". */
  public String label() {
    return "IPv" + version;
  }

  @Override
  public String toString() {
    return label();
  }
}
