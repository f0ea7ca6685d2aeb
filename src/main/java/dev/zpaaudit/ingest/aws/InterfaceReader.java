package dev.zpaaudit.ingest.aws;

import dev.zpaaudit.model.IpSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads network interfaces: the {@code NetworkInterfaces} of describe-network-interfaces, and those
 * of each instance in the {@code Reservations} of describe-instances (an instance without any, a
 * terminated one, has nothing to read).
 */
final class InterfaceReader {
  private InterfaceReader() {}

  /** An interface of describe-network-interfaces. */
  static Optional<NetworkInterface> listed(Node n) {
    String instance = n.object("Attachment").flatMap(a -> a.text("InstanceId")).orElse(null);
    return read(n, instance);
  }

  /** The interfaces of the instances of a reservation. */
  static List<NetworkInterface> reservation(Node r) {
    List<NetworkInterface> out = new ArrayList<>();
    for (Node i : r.objects("Instances")) {
      String instance = i.text("InstanceId").orElse(null);
      for (Node n : i.objects("NetworkInterfaces")) {
        read(n, instance).ifPresent(out::add);
      }
    }
    return out;
  }

  private static Optional<NetworkInterface> read(Node n, String instance) {
    Optional<String> id = n.required("NetworkInterfaceId", "a network interface");
    List<String> groups = new ArrayList<>();
    for (Node g : n.objects("Groups")) {
      g.required("GroupId", "a security group of a network interface").ifPresent(groups::add);
    }
    List<IpSet> addresses = new ArrayList<>();
    for (Node a : n.objects("PrivateIpAddresses")) {
      address(a, "PrivateIpAddress", 4).ifPresent(addresses::add);
    }
    if (addresses.isEmpty()) {
      address(n, "PrivateIpAddress", 4).ifPresent(addresses::add);
    }
    for (Node a : n.objects("Ipv6Addresses")) {
      address(a, "Ipv6Address", 6).ifPresent(addresses::add);
    }
    return id.map(
        i ->
            new NetworkInterface(
                i,
                instance,
                n.text("SubnetId").orElse(null),
                n.text("VpcId").orElse(null),
                groups,
                addresses,
                natGateway(n),
                n.at()));
  }

  /** The NAT gateway an interface of type nat_gateway serves, named in its description. */
  private static String natGateway(Node n) {
    if (!n.text("InterfaceType").orElse("").equals("nat_gateway")) {
      return null;
    }
    java.util.regex.Matcher m = NAT.matcher(n.text("Description").orElse(""));
    return m.find() ? m.group() : null;
  }

  private static final java.util.regex.Pattern NAT =
      java.util.regex.Pattern.compile("\\bnat-[0-9a-f]+\\b");

  private static Optional<IpSet> address(Node n, String key, int family) {
    Optional<String> text = n.text(key);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Optional<IpSet> set =
        text.get().contains("/") ? Optional.empty() : IpSet.tryParse(text.get().trim());
    if (set.isEmpty() || set.get().family().version() != family) {
      n.reading()
          .error(n.lineOf(key), key + " '" + text.get() + "' is not an IPv" + family + " address");
      return Optional.empty();
    }
    return set;
  }
}
