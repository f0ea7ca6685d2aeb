package dev.zpaaudit.ingest.aws;

import dev.zpaaudit.model.IpSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Gathers the resources of every describe-* output of an export, by top-level key. A resource
 * listed twice (the same output saved twice, or an interface both of an instance and of
 * describe-network-interfaces) is kept once: the first, or the one describe-network-interfaces
 * lists. Keys that are not read are said.
 */
final class ExportBuilder {
  private final String source;
  private final Set<String> read = new TreeSet<>();
  private final Map<String, SecurityGroup> groups = new LinkedHashMap<>();
  private final Map<String, NetworkAcl> acls = new LinkedHashMap<>();
  private final Map<String, Subnet> subnets = new LinkedHashMap<>();
  private final Map<String, RouteTable> tables = new LinkedHashMap<>();
  private final Map<String, NetworkInterface> listed = new LinkedHashMap<>();
  private final Map<String, NetworkInterface> ofInstances = new LinkedHashMap<>();
  private final Map<String, Vpc> vpcs = new LinkedHashMap<>();
  private final Map<String, PrefixList> lists = new LinkedHashMap<>();
  private final Map<String, PrefixList> entries = new LinkedHashMap<>();
  private final Map<String, String> natSubnets = new LinkedHashMap<>();

  ExportBuilder(String source) {
    this.source = source;
  }

  /** Adds the resources of one output; {@code listId} names the prefix list a file is named for. */
  void add(Node top, String listId) {
    for (String key : top.keys()) {
      if (AwsReader.KEYS.contains(key)) {
        read.add(key);
        items(top, key);
      } else if (key.equals(AwsReader.ENTRIES) && listId != null) {
        read.add(AwsReader.ENTRIES);
        List<IpSet> cidrs = PrefixListReader.entries(top.objects(key));
        entries.putIfAbsent(listId, new PrefixList(listId, "", cidrs, top.at()));
      } else if (key.equals("NextToken")) {
        top.reading()
            .warning(
                top.lineOf(key),
                "the output was cut short (NextToken): run the command without --max-items or"
                    + " --page-size limits, so it lists everything");
      } else {
        top.reading()
            .warning(
                top.lineOf(key),
                "not read: '"
                    + key
                    + "'"
                    + (key.equals(AwsReader.ENTRIES)
                        ? " (prefix list entries are read from a file named after the list,"
                            + " pl-....json)"
                        : ""));
      }
    }
  }

  private void items(Node top, String key) {
    for (Node n : top.objects(key)) {
      switch (key) {
        case AwsReader.SECURITY_GROUPS -> put(groups, GroupReader.group(n), SecurityGroup::id);
        case AwsReader.NETWORK_ACLS -> put(acls, AclReader.acl(n), NetworkAcl::id);
        case AwsReader.SUBNETS -> put(subnets, NetworkReader.subnet(n), Subnet::id);
        case AwsReader.ROUTE_TABLES -> put(tables, NetworkReader.routeTable(n), RouteTable::id);
        case AwsReader.VPCS -> put(vpcs, NetworkReader.vpc(n), Vpc::id);
        case AwsReader.NETWORK_INTERFACES ->
            put(listed, InterfaceReader.listed(n), NetworkInterface::id);
        case AwsReader.RESERVATIONS ->
            InterfaceReader.reservation(n)
                .forEach(i -> put(ofInstances, Optional.of(i), NetworkInterface::id));
        case AwsReader.PREFIX_LISTS -> put(lists, PrefixListReader.list(n), PrefixList::id);
        case AwsReader.NAT_GATEWAYS -> natGateway(n);
        default -> throw new IllegalStateException("unread key " + key);
      }
    }
  }

  /** A NAT gateway of describe-nat-gateways: the subnet it is in. */
  private void natGateway(Node n) {
    Optional<String> id = n.required("NatGatewayId", "a NAT gateway");
    Optional<String> subnet = n.required("SubnetId", "a NAT gateway");
    if (id.isPresent() && subnet.isPresent()) {
      natSubnets.putIfAbsent(id.get(), subnet.get());
    }
  }

  private static <T> void put(
      Map<String, T> into, Optional<T> item, java.util.function.Function<T, String> id) {
    item.ifPresent(i -> into.putIfAbsent(id.apply(i), i));
  }

  Ec2Export build() {
    Map<String, NetworkInterface> interfaces = new LinkedHashMap<>(listed);
    ofInstances.forEach(interfaces::putIfAbsent);
    for (NetworkInterface i : interfaces.values()) {
      if (i.natGateway() != null && i.subnetId() != null) {
        natSubnets.putIfAbsent(i.natGateway(), i.subnetId());
      }
    }
    Map<String, PrefixList> prefixLists = new LinkedHashMap<>();
    for (PrefixList l : lists.values()) {
      PrefixList e = entries.get(l.id());
      prefixLists.put(
          l.id(), e == null ? l : new PrefixList(l.id(), l.name(), e.entries(), e.at()));
    }
    entries.forEach(prefixLists::putIfAbsent);
    return new Ec2Export(
        source,
        read,
        new ArrayList<>(groups.values()),
        new ArrayList<>(acls.values()),
        new ArrayList<>(subnets.values()),
        new ArrayList<>(tables.values()),
        new ArrayList<>(interfaces.values()),
        new ArrayList<>(vpcs.values()),
        prefixLists,
        natSubnets);
  }
}
