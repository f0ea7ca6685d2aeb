package dev.zpaaudit.ingest.aws;

import dev.zpaaudit.model.IpSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the {@code Subnets}, {@code Vpcs} and {@code RouteTables} of their describe-* outputs. */
final class NetworkReader {
  /** A region in an ARN ({@code arn:aws:ec2:us-east-1:...}). */
  private static final Pattern ARN_REGION = Pattern.compile("^arn:[\\w-]+:ec2:([a-z0-9-]+):");

  /** A region as the start of an availability zone's name ({@code us-east-1} of us-east-1a). */
  private static final Pattern ZONE_REGION =
      Pattern.compile("^([a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\\d+)");

  /** The fields that name a route's target, tried in this order, with the kind each names. */
  private static final List<TargetField> TARGETS =
      List.of(
          new TargetField("NatGatewayId", VpcRoute.Target.NAT_GATEWAY),
          new TargetField("TransitGatewayId", VpcRoute.Target.TRANSIT_GATEWAY),
          new TargetField("VpcPeeringConnectionId", VpcRoute.Target.PEERING),
          new TargetField("EgressOnlyInternetGatewayId", VpcRoute.Target.EGRESS_ONLY_GATEWAY),
          new TargetField("CarrierGatewayId", VpcRoute.Target.CARRIER_GATEWAY),
          new TargetField("LocalGatewayId", VpcRoute.Target.LOCAL_GATEWAY),
          new TargetField("CoreNetworkArn", VpcRoute.Target.CORE_NETWORK),
          new TargetField("InstanceId", VpcRoute.Target.INSTANCE),
          new TargetField("NetworkInterfaceId", VpcRoute.Target.NETWORK_INTERFACE));

  private record TargetField(String key, VpcRoute.Target kind) {}

  private NetworkReader() {}

  static Optional<Subnet> subnet(Node n) {
    Optional<String> id = n.required("SubnetId", "a subnet");
    List<IpSet> cidrs = new ArrayList<>();
    n.cidr("CidrBlock").ifPresent(cidrs::add);
    for (Node a : n.objects("Ipv6CidrBlockAssociationSet")) {
      a.cidr("Ipv6CidrBlock").ifPresent(cidrs::add);
    }
    String zone = n.text("AvailabilityZone").orElse(null);
    String region = region(n.text("SubnetArn").orElse(""), zone);
    return id.map(i -> new Subnet(i, n.text("VpcId").orElse(null), cidrs, zone, region, n.at()));
  }

  /** The region of an ARN, else of an availability zone; null when neither says. */
  static String region(String arn, String zone) {
    Matcher m = ARN_REGION.matcher(arn);
    if (m.find()) {
      return m.group(1);
    }
    Matcher z = ZONE_REGION.matcher(zone == null ? "" : zone);
    return z.find() ? z.group(1) : null;
  }

  static Optional<Vpc> vpc(Node n) {
    Optional<String> id = n.required("VpcId", "a VPC");
    Optional<IpSet> primary = n.cidr("CidrBlock");
    List<IpSet> cidrs = new ArrayList<>();
    for (Node a : n.objects("CidrBlockAssociationSet")) {
      if (associated(a, "CidrBlockState")) {
        a.cidr("CidrBlock").ifPresent(cidrs::add);
      }
    }
    for (Node a : n.objects("Ipv6CidrBlockAssociationSet")) {
      if (associated(a, "Ipv6CidrBlockState")) {
        a.cidr("Ipv6CidrBlock").ifPresent(cidrs::add);
      }
    }
    if (cidrs.isEmpty()) {
      primary.ifPresent(cidrs::add);
    }
    return id.map(i -> new Vpc(i, n.name(), primary.orElse(null), cidrs, n.at()));
  }

  private static boolean associated(Node a, String key) {
    return a.object(key).flatMap(s -> s.text("State")).orElse("associated").equals("associated");
  }

  static Optional<RouteTable> routeTable(Node n) {
    Optional<String> id = n.required("RouteTableId", "a route table");
    List<String> subnets = new ArrayList<>();
    boolean main = false;
    for (Node a : n.objects("Associations")) {
      String state =
          a.object("AssociationState").flatMap(s -> s.text("State")).orElse("associated");
      if (!state.equals("associated")) {
        continue;
      }
      main |= a.bool("Main");
      a.text("SubnetId").ifPresent(subnets::add);
    }
    List<VpcRoute> routes = new ArrayList<>();
    for (Node r : n.objects("Routes")) {
      route(r).ifPresent(routes::add);
    }
    boolean isMain = main;
    return id.map(
        i ->
            new RouteTable(
                i, n.name(), n.text("VpcId").orElse(null), subnets, isMain, routes, n.at()));
  }

  private static Optional<VpcRoute> route(Node r) {
    Optional<IpSet> dst = Optional.empty();
    String text;
    if (r.has("DestinationCidrBlock")) {
      dst = r.cidr("DestinationCidrBlock");
      text = r.text("DestinationCidrBlock").orElse("");
    } else if (r.has("DestinationIpv6CidrBlock")) {
      dst = r.cidr("DestinationIpv6CidrBlock");
      text = r.text("DestinationIpv6CidrBlock").orElse("");
    } else if (r.has("DestinationPrefixListId")) {
      text = r.text("DestinationPrefixListId").orElse("");
    } else {
      r.reading().error(r.line(), "a route without a destination");
      return Optional.empty();
    }
    if (dst.isEmpty() && !r.has("DestinationPrefixListId")) {
      return Optional.empty();
    }
    String state = r.text("State").orElse("active");
    String origin = r.text("Origin").orElse(null);
    for (TargetField t : TARGETS) {
      Optional<String> v = r.text(t.key());
      if (v.isPresent()) {
        return Optional.of(
            new VpcRoute(dst.orElse(null), text, v.get(), t.kind(), state, origin, r.at()));
      }
    }
    String gateway = r.text("GatewayId").orElse("");
    return Optional.of(
        new VpcRoute(dst.orElse(null), text, gateway, gatewayKind(gateway), state, origin, r.at()));
  }

  /** What a {@code GatewayId} names, by its prefix. */
  static VpcRoute.Target gatewayKind(String id) {
    if (id.equals("local")) {
      return VpcRoute.Target.LOCAL;
    }
    if (id.startsWith("igw-")) {
      return VpcRoute.Target.INTERNET_GATEWAY;
    }
    if (id.startsWith("vgw-")) {
      return VpcRoute.Target.VPN_GATEWAY;
    }
    if (id.startsWith("vpce-")) {
      return VpcRoute.Target.ENDPOINT;
    }
    return VpcRoute.Target.NONE;
  }
}
