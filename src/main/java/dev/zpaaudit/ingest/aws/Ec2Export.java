package dev.zpaaudit.ingest.aws;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a folder (or file) of EC2 describe-* outputs holds, as read: the resources of each kind, in
 * the order listed, and which outputs were read ({@code read}: the top-level keys found, such as
 * {@code SecurityGroups}). {@code everyInterface} says whether describe-network-interfaces was
 * read, which lists every network interface of the region, not only the instances'. {@code
 * natSubnets} gives the subnet of each NAT gateway, from describe-nat-gateways or its interface.
 */
record Ec2Export(
    String source,
    Set<String> read,
    List<SecurityGroup> groups,
    List<NetworkAcl> acls,
    List<Subnet> subnets,
    List<RouteTable> routeTables,
    List<NetworkInterface> interfaces,
    List<Vpc> vpcs,
    Map<String, PrefixList> prefixLists,
    Map<String, String> natSubnets) {
  Ec2Export {
    Objects.requireNonNull(source, "source");
    read = Set.copyOf(read);
    groups = List.copyOf(groups);
    acls = List.copyOf(acls);
    subnets = List.copyOf(subnets);
    routeTables = List.copyOf(routeTables);
    interfaces = List.copyOf(interfaces);
    vpcs = List.copyOf(vpcs);
    prefixLists = Map.copyOf(prefixLists);
    natSubnets = Map.copyOf(natSubnets);
  }

  boolean everyInterface() {
    return read.contains(AwsReader.NETWORK_INTERFACES);
  }

  Optional<SecurityGroup> group(String id) {
    return groups.stream().filter(g -> g.id().equals(id)).findFirst();
  }

  Optional<Subnet> subnet(String id) {
    return subnets.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  /** The network ACL of a subnet: the one associated with it, else its VPC's default one. */
  Optional<NetworkAcl> aclOf(String subnetId, String vpcId) {
    return acls.stream()
        .filter(a -> a.subnets().contains(subnetId))
        .findFirst()
        .or(
            () ->
                acls.stream()
                    .filter(a -> a.isDefault() && a.vpcId() != null && a.vpcId().equals(vpcId))
                    .findFirst());
  }

  Optional<Vpc> vpc(String id) {
    return vpcs.stream().filter(v -> v.id().equals(id)).findFirst();
  }
}
