package dev.zpaaudit.ingest.aws;

import static dev.zpaaudit.ingest.aws.AwsFixtures.convert;
import static dev.zpaaudit.ingest.aws.AwsFixtures.diagnostics;
import static dev.zpaaudit.ingest.aws.AwsFixtures.export;
import static dev.zpaaudit.ingest.aws.AwsFixtures.firewall;
import static dev.zpaaudit.ingest.aws.AwsFixtures.rules;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zpaaudit.ingest.ParseResult;
import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.Attachment;
import dev.zpaaudit.model.Bits;
import dev.zpaaudit.model.Condition;
import dev.zpaaudit.model.Firewall;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.Point;
import dev.zpaaudit.model.PortSet;
import org.junit.jupiter.api.Test;

/** Network ACLs: as read, then as stateless filters on the subnet's edge. */
class AwsAclsTest {
  @Test
  void entriesAreReadAsListed() throws Exception {
    NetworkAcl acl = export("acls.json").acls().get(0);
    assertThat(acl.label()).isEqualTo("acl-1 'connectors'");
    assertThat(acl.subnets()).containsExactly("subnet-1");
    assertThat(acl.entries())
        .extracting(AclEntry::number)
        .containsExactly(200, 100, 32767, 100, 110, 120, 32767, 32768);
    AclEntry first = acl.entries().get(0);
    assertThat(first.egress()).isTrue();
    assertThat(first.allow()).isTrue();
    assertThat(first.ports()).isEqualTo(new AclEntry.Range(443, 443));
    assertThat(acl.entries().get(4).icmp()).isEqualTo(new AclEntry.Range(3, 4));
    assertThat(acl.entries().get(5).cidr()).isEqualTo(IpSet.parse("::/0"));
    assertThat(acl.entries().get(7).numberText()).isEqualTo("*");
  }

  @Test
  void eachDirectionIsAStatelessFilterByRuleNumber() throws Exception {
    Firewall fw = firewall("acls.json", "10.0.1.10");
    assertThat(fw.attachedAt(Point.LEAVING, AddressFamily.IPV4))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(Attachment.Kind.FILTER);
              assertThat(a.label()).isEqualTo("network ACL acl-1, outbound");
            });
    assertThat(fw.attachedAt(Point.ARRIVING, AddressFamily.IPV4))
        .singleElement()
        .satisfies(a -> assertThat(a.filter()).isEqualTo(AwsConversions.ACL_IN));
    assertThat(rules(fw.filter(AwsConversions.ACL_OUT)))
        .containsExactly(
            "acls.json:201 Amazon-provided DNS (169.254.169.253/32, 10.0.0.2/32,"
                + " fd00:ec2::253/128): network ACLs do not filter DNS to it -> not filtered",
            "acls.json:32 acl-1 'connectors' outbound rule 100: deny tcp 443 to 3.6.0.0/15 -> deny",
            "acls.json:21 acl-1 'connectors' outbound rule 200: allow tcp 443 to 0.0.0.0/0 ->"
                + " allow",
            "acls.json:43 acl-1 'connectors' outbound rule *: deny all traffic to 0.0.0.0/0 ->"
                + " deny",
            "acls.json:43 acl-1 'connectors' outbound rule *: deny (what no rule allows)"
                + " (default)");
    assertThat(rules(fw.filter(AwsConversions.ACL_IN)))
        .containsExactly(
            "acls.json:201 Amazon-provided DNS (169.254.169.253/32, 10.0.0.2/32,"
                + " fd00:ec2::253/128): network ACLs do not filter DNS from it -> not filtered",
            "acls.json:50 acl-1 'connectors' inbound rule 100: allow tcp 1024-65535 from"
                + " 0.0.0.0/0 -> allow",
            "acls.json:61 acl-1 'connectors' inbound rule 110: allow icmp type 3 code 4 from"
                + " 0.0.0.0/0 -> allow",
            "acls.json:72 acl-1 'connectors' inbound rule 120: allow icmpv6 type any code any"
                + " from ::/0 -> allow",
            "acls.json:83 acl-1 'connectors' inbound rule *: deny all traffic from 0.0.0.0/0 ->"
                + " deny",
            "acls.json:90 acl-1 'connectors' inbound rule *: deny all traffic from ::/0 -> deny",
            "acls.json:83 acl-1 'connectors' inbound rule *: deny (what no rule allows)"
                + " (default)");
  }

  @Test
  void anEntryTestsTheOtherEndThePortsOrTheIcmpTypeAndCode() throws Exception {
    Firewall fw = firewall("acls.json", "10.0.1.10");
    assertThat(fw.filter(AwsConversions.ACL_IN).rules().get(1).match())
        .containsExactly(
            new Condition.Proto(Bits.of(256, 6)),
            new Condition.DstPort(PortSet.range(1024, 65535)),
            new Condition.Src(IpSet.parse("0.0.0.0/0")));
    assertThat(fw.filter(AwsConversions.ACL_IN).rules().get(2).match())
        .containsExactly(
            new Condition.Proto(Bits.of(256, 1)),
            new Condition.SrcPort(PortSet.of(3)),
            new Condition.DstPort(PortSet.of(4)),
            new Condition.Src(IpSet.parse("0.0.0.0/0")));
  }

  @Test
  void aSubnetNoAclNamesHasItsVpcsDefaultAcl() throws Exception {
    ParseResult r = convert("acls.json", "10.0.3.10");
    assertThat(r.firewall().attachedAt(Point.LEAVING, AddressFamily.IPV4).get(0).label())
        .isEqualTo("network ACL acl-2, outbound");
    assertThat(diagnostics(r))
        .containsExactly(
            "acls.json: warning: no RouteTables (describe-route-tables): where the connector's"
                + " traffic goes is not judged (mtu-path, default-gateway)",
            "acls.json:99: note: no network ACL names subnet-3: its VPC's default one, acl-2, is"
                + " taken");
  }

  @Test
  void withoutNetworkAclsWhatTheyDecideIsOpen() throws Exception {
    Firewall fw = firewall("groups.json", "10.0.1.10");
    assertThat(fw.filter(AwsConversions.ACL_OUT).rules())
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.match())
                    .containsExactly(
                        new Condition.Unknown("the network ACL of subnet-1 is not in the export")));
  }
}
