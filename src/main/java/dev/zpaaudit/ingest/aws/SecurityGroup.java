package dev.zpaaudit.ingest.aws;

import dev.zpaaudit.model.SourceLocation;
import java.util.List;
import java.util.Objects;

/**
 * A security group as describe-security-groups prints it: its id, name ({@code GroupName}), VPC,
 * owner, and its inbound ({@code IpPermissions}) and outbound ({@code IpPermissionsEgress})
 * permissions in the order listed.
 */
record SecurityGroup(
    String id,
    String name,
    String vpcId,
    String ownerId,
    List<Permission> ingress,
    List<Permission> egress,
    SourceLocation at) {
  SecurityGroup {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    ingress = List.copyOf(ingress);
    egress = List.copyOf(egress);
    Objects.requireNonNull(at, "at");
  }

  /** How the group is named in a trace: {@code sg-0abc 'web'}. */
  String label() {
    return name.isEmpty() ? id : id + " '" + name + "'";
  }
}
