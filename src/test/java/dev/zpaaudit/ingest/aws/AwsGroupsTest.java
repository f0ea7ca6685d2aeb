package dev.zpaaudit.ingest.aws;

import static dev.zpaaudit.ingest.aws.AwsFixtures.export;
import static dev.zpaaudit.ingest.aws.AwsFixtures.firewall;
import static dev.zpaaudit.ingest.aws.AwsFixtures.rules;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zpaaudit.model.Attachment;
import dev.zpaaudit.model.Condition;
import dev.zpaaudit.model.Firewall;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.Point;
import dev.zpaaudit.model.PortSet;
import dev.zpaaudit.model.Rule;
import org.junit.jupiter.api.Test;

/** Security groups: as read, then as the connector's stateful policy. */
class AwsGroupsTest {
  static final String CONNECTOR = "10.0.1.10";

  @Test
  void permissionsAreReadWithEachPeer() throws Exception {
    Ec2Export e = export("groups.json");
    assertThat(e.groups()).extracting(SecurityGroup::id).containsExactly("sg-1", "sg-2");
    SecurityGroup g = e.groups().get(0);
    assertThat(g.name()).isEqualTo("connector");
    assertThat(g.ownerId()).isEqualTo("111122223333");
    assertThat(g.ingress()).hasSize(1);
    assertThat(g.egress()).hasSize(4);
    Permission https = g.egress().get(0);
    assertThat(https.index()).isEqualTo(1);
    assertThat(https.protocol()).isEqualTo("tcp");
    assertThat(https.fromPort()).isEqualTo(443);
    assertThat(https.toPort()).isEqualTo(443);
    assertThat(https.peers())
        .containsExactly(
            new Peer.Cidr(
                IpSet.parse("0.0.0.0/0"),
                "0.0.0.0/0",
                "HTTPS",
                new dev.zpaaudit.model.SourceLocation("groups.json", 33)),
            new Peer.Cidr(
                IpSet.parse("::/0"),
                "::/0",
                "",
                new dev.zpaaudit.model.SourceLocation("groups.json", 39)));
    assertThat(g.egress().get(1).peers())
        .extracting(Peer::text)
        .containsExactly("prefix list pl-1", "prefix list pl-2");
    Peer.Group peered = (Peer.Group) g.egress().get(3).peers().get(1);
    assertThat(peered.groupId()).isEqualTo("sg-9");
    assertThat(peered.userId()).isEqualTo("444455556666");
    assertThat(peered.peeringId()).isEqualTo("pcx-1");
    assertThat(e.prefixLists().get("pl-1").entries())
        .containsExactly(IpSet.parse("10.0.0.53/32"), IpSet.parse("10.0.0.54/32"));
    assertThat(e.prefixLists().get("pl-2").known()).isFalse();
  }

  @Test
  void theGroupsOfTheInterfaceAreOneStatefulPolicyEachWay() throws Exception {
    Firewall fw = firewall("groups.json", CONNECTOR);
    assertThat(fw.attachedAt(Point.ORIGINATED, dev.zpaaudit.model.AddressFamily.IPV4))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(Attachment.Kind.SESSION);
              assertThat(a.filter()).isEqualTo(AwsConversions.GROUPS_OUT);
              assertThat(a.label()).isEqualTo("security groups sg-1, sg-2, outbound");
            });
    assertThat(fw.attachedAt(Point.DELIVERED, dev.zpaaudit.model.AddressFamily.IPV6))
        .singleElement()
        .satisfies(a -> assertThat(a.kind()).isEqualTo(Attachment.Kind.SESSION));
    assertThat(rules(fw.filter(AwsConversions.GROUPS_OUT)))
        .containsExactly(
            "groups.json:168 Amazon-provided DNS (169.254.169.253/32, 10.0.0.2/32,"
                + " fd00:ec2::253/128): security groups do not filter DNS to it -> not filtered",
            "groups.json:33 sg-1 'connector' outbound rule 1: tcp 443 to 0.0.0.0/0 ('HTTPS') ->"
                + " allow",
            "groups.json:39 sg-1 'connector' outbound rule 1: tcp 443 to ::/0 -> allow",
            "groups.json:49 sg-1 'connector' outbound rule 2: udp 53 to prefix list pl-1 -> allow",
            "groups.json:52 sg-1 'connector' outbound rule 2: udp 53 to prefix list pl-2 -> allow",
            "groups.json:62 sg-1 'connector' outbound rule 3: icmp type 8 code any to 10.0.0.0/8"
                + " -> allow",
            "groups.json:70 sg-1 'connector' outbound rule 4: protocol 47 to security group sg-2"
                + " -> allow",
            "groups.json:74 sg-1 'connector' outbound rule 4: protocol 47 to security group sg-9"
                + " -> allow",
            "groups.json:93 sg-2 'default' outbound rule 1: all traffic to 0.0.0.0/0, the rule a"
                + " new group starts with -> allow",
            "groups.json:3 security groups sg-1, sg-2: no outbound rule allows it (implicit"
                + " deny) (default)");
  }

  static Rule rule(Firewall fw, String filter, int index) {
    return fw.filter(filter).rules().get(index);
  }

  @Test
  void protocolsAndPortsBecomeTheirTests() throws Exception {
    Firewall fw = firewall("groups.json", CONNECTOR);
    assertThat(rule(fw, AwsConversions.GROUPS_OUT, 1).match())
        .containsExactly(
            new Condition.Proto(dev.zpaaudit.model.Bits.of(256, 6)),
            new Condition.DstPort(PortSet.of(443)),
            new Condition.Dst(IpSet.parse("0.0.0.0/0")));
    assertThat(rule(fw, AwsConversions.GROUPS_OUT, 5).match())
        .containsExactly(
            new Condition.Proto(dev.zpaaudit.model.Bits.of(256, 1)),
            new Condition.SrcPort(PortSet.of(8)),
            new Condition.Dst(IpSet.parse("10.0.0.0/8")));
    assertThat(rule(fw, AwsConversions.GROUPS_OUT, 8).match())
        .containsExactly(new Condition.Dst(IpSet.parse("0.0.0.0/0")));
  }

  @Test
  void aPrefixListIsItsBlocksWhereTheExportHoldsThemElseUnknown() throws Exception {
    Firewall fw = firewall("groups.json", CONNECTOR);
    assertThat(rule(fw, AwsConversions.GROUPS_OUT, 3).match())
        .contains(new Condition.Dst(IpSet.parse("10.0.0.53/32").union(IpSet.parse("10.0.0.54"))));
    assertThat(rule(fw, AwsConversions.GROUPS_OUT, 4).match())
        .contains(
            new Condition.Unknown(
                "prefix list pl-2: its entries are not in the export (aws ec2"
                    + " get-managed-prefix-list-entries --prefix-list-id pl-2 > pl-2.json)"));
  }

  @Test
  void aGroupIsTheAddressesOfItsInterfacesWhenEveryInterfaceIsListed() throws Exception {
    Firewall fw = firewall("groups.json", CONNECTOR);
    IpSet members = IpSet.parse("10.0.1.10").union(IpSet.parse("10.0.1.20"));
    assertThat(rule(fw, AwsConversions.GROUPS_OUT, 6).match()).contains(new Condition.Dst(members));
    assertThat(rule(fw, AwsConversions.GROUPS_IN, 2).match()).contains(new Condition.Src(members));
    assertThat(rule(fw, AwsConversions.GROUPS_OUT, 7).match())
        .contains(
            new Condition.Unknown(
                "security group sg-9 is reached through peering connection pcx-1: its members"
                    + " are not in the export"));
  }

  @Test
  void withOnlyTheInstancesAGroupIsSomePrivateAddressesOfItsVpc() throws Exception {
    Firewall fw = firewall("instances.json", CONNECTOR);
    assertThat(rule(fw, AwsConversions.GROUPS_OUT, 6).match())
        .containsExactly(
            new Condition.Proto(dev.zpaaudit.model.Bits.of(256, 47)),
            new Condition.Dst(IpSet.parse("10.0.0.0/16")),
            new Condition.Unknown(
                "security group sg-2: the addresses of its members are known only from"
                    + " describe-network-interfaces (NetworkInterfaces), which the export lacks"));
  }

  @Test
  void anInstanceInterfaceIsReadWithEveryAddress() throws Exception {
    Ec2Export e = export("instances.json");
    assertThat(e.everyInterface()).isFalse();
    assertThat(e.interfaces())
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.id()).isEqualTo("eni-1");
              assertThat(i.instanceId()).isEqualTo("i-1");
              assertThat(i.groups()).containsExactly("sg-1", "sg-2");
              assertThat(i.addresses())
                  .containsExactly(
                      IpSet.parse("10.0.1.10"),
                      IpSet.parse("10.0.1.11"),
                      IpSet.parse("2001:db8:1::10"));
            });
    assertThat(firewall("instances.json", "2001:db8:1::10").format())
        .isEqualTo("AWS EC2 eni-1 of i-1, vpc-1, eu-west-1");
  }
}
