package dev.zpaaudit.ingest.aws;

import dev.zpaaudit.model.SourceLocation;
import java.util.List;
import java.util.Objects;

/**
 * One permission of a security group (an entry of {@code IpPermissions} or {@code
 * IpPermissionsEgress}): its 1-based place in the list, the protocol as written ({@code -1}, {@code
 * tcp}, {@code 17}...), the port range or ICMP type and code ({@code FromPort}, {@code ToPort};
 * null where absent), and the peers it allows: the other end of the traffic.
 */
record Permission(
    int index,
    String protocol,
    Integer fromPort,
    Integer toPort,
    List<Peer> peers,
    SourceLocation at) {
  Permission {
    Objects.requireNonNull(protocol, "protocol");
    peers = List.copyOf(peers);
    Objects.requireNonNull(at, "at");
  }
}
