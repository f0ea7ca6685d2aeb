package dev.zpaaudit.ingest.aws;

import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.SourceLocation;
import java.util.List;
import java.util.Objects;

/**
 * A network interface (ENI), from describe-network-interfaces or an instance of describe-instances:
 * its id, the instance it is attached to (null: none), subnet, VPC, security groups, and its
 * private addresses (IPv4 and IPv6), and the NAT gateway it serves (null: none).
 */
record NetworkInterface(
    String id,
    String instanceId,
    String subnetId,
    String vpcId,
    List<String> groups,
    List<IpSet> addresses,
    String natGateway,
    SourceLocation at) {
  NetworkInterface {
    Objects.requireNonNull(id, "id");
    groups = List.copyOf(groups);
    addresses = List.copyOf(addresses);
    Objects.requireNonNull(at, "at");
  }

  String label() {
    return instanceId == null ? id : id + " of " + instanceId;
  }
}
