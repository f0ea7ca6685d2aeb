package dev.zpaaudit.ingest.aws;

import dev.zpaaudit.diag.Diagnostic;
import dev.zpaaudit.diag.InputException;
import dev.zpaaudit.ingest.ExportScope;
import dev.zpaaudit.ingest.ParseResult;
import dev.zpaaudit.model.Action;
import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.Attachment;
import dev.zpaaudit.model.Condition;
import dev.zpaaudit.model.Filter;
import dev.zpaaudit.model.Firewall;
import dev.zpaaudit.model.Network;
import dev.zpaaudit.model.Point;
import dev.zpaaudit.model.Rule;
import dev.zpaaudit.model.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns an EC2 export into the model as the connector's own host: the network interface that holds
 * the connector's address, its traffic leaving through its security groups (a stateful policy on
 * the first packet of each connection) and then its subnet's network ACL (stateless, every packet),
 * and the replies arriving through the network ACL, then the groups, which let a connection's
 * replies in. Its network is the subnet's route table. An output the export lacks (no network ACLs,
 * say) leaves what it would decide open, naming it.
 */
public final class AwsConversions {
  /** The format's name; the report's input line adds the interface, VPC and region. */
  public static final String FORMAT = "AWS EC2";

  static final String GROUPS_OUT = "security-groups-outbound";
  static final String GROUPS_IN = "security-groups-inbound";
  static final String ACL_OUT = "network-acl-outbound";
  static final String ACL_IN = "network-acl-inbound";

  private static final Set<AddressFamily> BOTH = Set.of(AddressFamily.IPV4, AddressFamily.IPV6);

  private AwsConversions() {}

  /** Reads a folder of describe-* outputs as the host of the connector {@code scope} names. */
  public static ParseResult read(Path dir, ExportScope scope) throws InputException {
    return convert(AwsReader.read(dir), scope);
  }

  /** Reads one file of describe-* output as the host of the connector {@code scope} names. */
  public static ParseResult parse(String text, String file, ExportScope scope)
      throws InputException {
    return convert(AwsReader.parse(text, file), scope);
  }

  static ParseResult convert(AwsReader.Result read, ExportScope scope) throws InputException {
    Ec2Export export = read.export();
    NetworkInterface eni = new ConnectorInterface(export).find(scope.connectors());
    List<Diagnostic> diags = new ArrayList<>(read.diagnostics());
    Subnet subnet = export.subnet(eni.subnetId()).orElse(null);
    Vpc vpc = eni.vpcId() == null ? null : export.vpc(eni.vpcId()).orElse(null);
    AmazonDns dns = new AmazonDns(vpc, eni.at());
    Map<String, Filter> filters = new java.util.LinkedHashMap<>();
    List<Attachment> at = new ArrayList<>();
    groupFilters(export, eni, dns, filters);
    String groupWords = "security groups " + String.join(", ", eni.groups());
    at.add(
        attach(Point.ORIGINATED, Attachment.Kind.SESSION, GROUPS_OUT, groupWords + ", outbound"));
    at.add(attach(Point.DELIVERED, Attachment.Kind.SESSION, GROUPS_IN, groupWords + ", inbound"));
    Optional<NetworkAcl> acl = acl(export, eni, diags);
    aclFilters(acl, eni, dns, filters);
    String aclWords = "network ACL " + acl.map(NetworkAcl::id).orElse("of " + eni.subnetId());
    at.add(attach(Point.LEAVING, Attachment.Kind.FILTER, ACL_OUT, aclWords + ", outbound"));
    at.add(attach(Point.ARRIVING, Attachment.Kind.FILTER, ACL_IN, aclWords + ", inbound"));
    RouteTable table = routeTable(export, eni, diags);
    if (table != null) {
      new NatPath(export, new AclRules(dns)).add(eni, table, filters, at);
    }
    Network network = new AwsNetwork(export, diags).of(eni, subnet, table);
    Firewall fw =
        new Firewall(
            export.source(), format(eni, subnet), BOTH, filters, at, network, List.of(), false);
    diags.sort(Diagnostic.ORDER);
    return new ParseResult(fw, diags);
  }

  /** The format's name with the interface, its VPC and region, for the report's input line. */
  private static String format(NetworkInterface eni, Subnet subnet) {
    String region = subnet != null ? subnet.region() : null;
    return FORMAT
        + " "
        + eni.label()
        + (eni.vpcId() == null ? "" : ", " + eni.vpcId())
        + (region == null ? "" : ", " + region);
  }

  /** The filters of the interface's security groups, or open ones when the export has none. */
  private static void groupFilters(
      Ec2Export export, NetworkInterface eni, AmazonDns dns, Map<String, Filter> filters)
      throws InputException {
    Optional<List<SecurityGroup>> groups = groups(export, eni);
    if (groups.isPresent()) {
      GroupRules g = new GroupRules(export, dns);
      filters.put(GROUPS_OUT, g.filter(GROUPS_OUT, groups.get(), true, eni.at()));
      filters.put(GROUPS_IN, g.filter(GROUPS_IN, groups.get(), false, eni.at()));
    } else {
      String why = "the security groups are not in the export (describe-security-groups)";
      filters.put(GROUPS_OUT, unread(GROUPS_OUT, eni.at(), why));
      filters.put(GROUPS_IN, unread(GROUPS_IN, eni.at(), why));
    }
  }

  /** The filters of the subnet's network ACL, or open ones when the export has none. */
  private static void aclFilters(
      Optional<NetworkAcl> acl, NetworkInterface eni, AmazonDns dns, Map<String, Filter> filters) {
    if (acl.isPresent()) {
      AclRules a = new AclRules(dns);
      filters.put(ACL_OUT, a.filter(ACL_OUT, acl.get(), true));
      filters.put(ACL_IN, a.filter(ACL_IN, acl.get(), false));
    } else {
      String why = "the network ACL of " + eni.subnetId() + " is not in the export";
      filters.put(ACL_OUT, unread(ACL_OUT, eni.at(), why));
      filters.put(ACL_IN, unread(ACL_IN, eni.at(), why));
    }
  }

  private static Attachment attach(Point p, Attachment.Kind kind, String filter, String label) {
    return attach(p, kind, 0, filter, label);
  }

  static Attachment attach(
      Point p, Attachment.Kind kind, int priority, String filter, String label) {
    return new Attachment(p, kind, priority, filter, BOTH, label);
  }

  /** A filter the export lacks: whatever it decides is open. */
  static Filter unread(String name, SourceLocation at, String why) {
    Rule r = new Rule(at, why, List.of(new Condition.Unknown(why)), new Action.Unknown(why));
    return new Filter(name, List.of(r), new Rule(at, why, List.of(), new Action.Accept("allow")));
  }

  /**
   * The interface's groups, in its order; empty when the export has no security groups. A group the
   * interface names that the export lacks is an error.
   */
  private static Optional<List<SecurityGroup>> groups(Ec2Export export, NetworkInterface eni)
      throws InputException {
    if (!export.read().contains(AwsReader.SECURITY_GROUPS)) {
      return Optional.empty();
    }
    List<SecurityGroup> out = new ArrayList<>();
    List<Diagnostic> missing = new ArrayList<>();
    for (String id : eni.groups()) {
      Optional<SecurityGroup> g = export.group(id);
      if (g.isPresent()) {
        out.add(g.get());
      } else {
        missing.add(
            new Diagnostic(
                Diagnostic.Severity.ERROR,
                eni.at(),
                eni.id() + " is in security group " + id + ", which the export does not list"));
      }
    }
    if (!missing.isEmpty()) {
      throw new InputException(missing);
    }
    return Optional.of(out);
  }

  /** The subnet's network ACL: the one associated with it, else the VPC's default one. */
  private static Optional<NetworkAcl> acl(
      Ec2Export export, NetworkInterface eni, List<Diagnostic> diags) {
    if (!export.read().contains(AwsReader.NETWORK_ACLS)) {
      return Optional.empty();
    }
    Optional<NetworkAcl> acl = export.aclOf(eni.subnetId(), eni.vpcId());
    acl.filter(a -> !a.subnets().contains(eni.subnetId()))
        .ifPresent(
            a ->
                diags.add(
                    new Diagnostic(
                        Diagnostic.Severity.NOTE,
                        a.at(),
                        "no network ACL names "
                            + eni.subnetId()
                            + ": its VPC's default one, "
                            + a.id()
                            + ", is taken")));
    return acl;
  }

  /** The subnet's route table: the one associated with it, else its VPC's main table. */
  private static RouteTable routeTable(
      Ec2Export export, NetworkInterface eni, List<Diagnostic> diags) {
    if (!export.read().contains(AwsReader.ROUTE_TABLES)) {
      diags.add(
          new Diagnostic(
              Diagnostic.Severity.WARNING,
              new SourceLocation(export.source(), 0),
              "no RouteTables (describe-route-tables): where the connector's traffic goes is not"
                  + " judged (mtu-path, default-gateway)"));
      return null;
    }
    return export.routeTables().stream()
        .filter(t -> t.subnets().contains(eni.subnetId()))
        .findFirst()
        .or(
            () ->
                export.routeTables().stream()
                    .filter(t -> t.main() && t.vpcId() != null && t.vpcId().equals(eni.vpcId()))
                    .findFirst())
        .orElseGet(
            () -> {
              diags.add(
                  new Diagnostic(
                      Diagnostic.Severity.WARNING,
                      eni.at(),
                      "no route table of "
                          + eni.subnetId()
                          + " or main table of its VPC in the export: its routes are not judged"));
              return null;
            });
  }
}
