package dev.zpaaudit.ingest.aws;

import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.SourceLocation;
import java.util.List;
import java.util.Objects;

/** A subnet: its id, VPC, CIDR blocks (IPv4 and IPv6), availability zone and region. */
record Subnet(
    String id, String vpcId, List<IpSet> cidrs, String zone, String region, SourceLocation at) {
  Subnet {
    Objects.requireNonNull(id, "id");
    cidrs = List.copyOf(cidrs);
    Objects.requireNonNull(at, "at");
  }
}
