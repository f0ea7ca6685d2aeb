package dev.zpaaudit.ingest.aws;

import dev.zpaaudit.model.SourceLocation;
import java.util.List;
import java.util.Objects;

/**
 * A network ACL as describe-network-acls prints it: its id, Name tag ("" when none), VPC, whether
 * it is the VPC's default ACL, the subnets associated with it, and its entries (both directions) as
 * listed.
 */
record NetworkAcl(
    String id,
    String name,
    String vpcId,
    boolean isDefault,
    List<String> subnets,
    List<AclEntry> entries,
    SourceLocation at) {
  NetworkAcl {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    subnets = List.copyOf(subnets);
    entries = List.copyOf(entries);
    Objects.requireNonNull(at, "at");
  }

  String label() {
    return name.isEmpty() ? id : id + " '" + name + "'";
  }
}
