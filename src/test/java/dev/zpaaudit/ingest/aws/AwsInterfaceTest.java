package dev.zpaaudit.ingest.aws;

import static dev.zpaaudit.ingest.aws.AwsFixtures.errors;
import static dev.zpaaudit.ingest.aws.AwsFixtures.firewall;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which network interface is the connector's: the one that holds the --connector address. */
class AwsInterfaceTest {
  @Test
  void theInterfaceHoldingTheAddressIsTheConnectors() throws Exception {
    assertThat(firewall("groups.json", "10.0.1.10").format())
        .isEqualTo("AWS EC2 eni-1 of i-1, vpc-1, eu-west-1");
    assertThat(firewall("instances.json", "10.0.1.11").format()).startsWith("AWS EC2 eni-1 of i-1");
    assertThat(firewall("groups.json", "10.0.1.20").format()).startsWith("AWS EC2 eni-2,");
  }

  @Test
  void withoutAConnectorAddressTheHostIsNotKnown() throws Exception {
    assertThat(errors("groups.json"))
        .containsExactly(
            "groups.json: error: an EC2 export describes many hosts: name the connector's with"
                + " --connector, the private address of its network interface");
  }

  @Test
  void anAddressNoInterfaceHoldsIsAnError() throws Exception {
    assertThat(errors("groups.json", "10.9.9.9"))
        .containsExactly(
            "groups.json: error: no network interface in the export has the --connector address"
                + " 10.9.9.9/32 (it has eni-1 of i-1 10.0.1.10/32 in subnet-1 with sg-1 sg-2;"
                + " eni-2 10.0.1.20/32 in subnet-1 with sg-2)");
  }

  @Test
  void aBlockOverInterfacesWithOtherGroupsIsAnError() throws Exception {
    assertThat(errors("groups.json", "10.0.1.0/24"))
        .containsExactly(
            "groups.json: error: the --connector addresses are on network interfaces with"
                + " different security groups or subnets (eni-1 of i-1 10.0.1.10/32 in subnet-1"
                + " with sg-1 sg-2; eni-2 10.0.1.20/32 in subnet-1 with sg-2): audit each"
                + " connector with its own --connector");
  }

  @Test
  void aBlockOverInterfacesAlikeIsOneHost() throws Exception {
    assertThat(firewall("acls.json", "10.0.1.0/24").format()).startsWith("AWS EC2 eni-1,");
  }
}
