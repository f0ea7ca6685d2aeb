package dev.zpaaudit.ingest.aws;

import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.SourceLocation;
import java.util.Objects;

/**
 * An entry of a network ACL: its rule number (32767, shown as {@code *}, is the last), direction
 * ({@code Egress}), protocol number as written ({@code -1} for all), whether it allows, the CIDR
 * block it tests (the destination of outbound traffic, the source of inbound), and the destination
 * port range or ICMP type and code it tests (null: any).
 */
record AclEntry(
    int number,
    boolean egress,
    String protocol,
    boolean allow,
    IpSet cidr,
    String cidrText,
    Range ports,
    Range icmp,
    SourceLocation at) {
  /** The last entry of each direction and family, which AWS shows as {@code *}. */
  static final int LAST = 32767;

  /** A port range, or an ICMP type ({@code from}) and code ({@code to}); -1 for any. */
  record Range(int from, int to) {}

  AclEntry {
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(cidr, "cidr");
    Objects.requireNonNull(at, "at");
  }

  /** How AWS names the entry: its number, or {@code *} for the last ones. */
  String numberText() {
    return number >= LAST ? "*" : Integer.toString(number);
  }
}
