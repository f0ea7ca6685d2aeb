package dev.zpaaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zpaaudit.cli.CliTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Options that would have no effect are refused (exit 2, one line, nothing printed), and figures
 * that cannot both be true are warned about.
 */
class OptionScopeTest {
  static final String HOST = CliTest.HOST;
  static final String INVENTORY = "sample-configs/hosts/inventory.yaml";

  static void refused(Run r, String message) {
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("zpa-audit: " + message + "\n");
  }

  @Test
  void networkOptionsWithoutAFirewallExportAreRefused() {
    refused(
        CliTest.run("audit", "--hosts", INVENTORY, "--resolver", "10.0.0.53"),
        "--resolver applies only to firewall exports: give --config FILE");
    refused(
        CliTest.run(
            "audit", "--hosts", INVENTORY, "--chain", "FORWARD", "--connector", "10.1.0.0/24"),
        "--chain, --connector apply only to firewall exports: give --config FILE");
    refused(
        CliTest.run("audit", "--hosts", INVENTORY, "--ranges", "zpa.json"),
        "--ranges applies only to firewall exports: give --config FILE");
  }

  @Test
  void hostRuleOptionsWithoutAnInventoryAreRefused() {
    refused(
        CliTest.run("audit", "--config", HOST, "--profile", "strict"),
        "--profile applies only to the host checks: give --hosts INVENTORY");
    refused(
        CliTest.run("audit", "--config", HOST, "--rules", "r.yaml", "--instance-types", "t.yaml"),
        "--rules, --instance-types apply only to the host checks: give --hosts INVENTORY");
  }

  @Test
  void anInputInterfaceOnAHostsOwnTrafficIsRefused() {
    String message =
        "--in-interface does not apply to --chain OUTPUT: a connector host's own traffic has no"
            + " input interface; name the interface it leaves by with --out-interface";
    refused(CliTest.run("audit", "--config", HOST, "--in-interface", "eth1"), message);
    refused(
        CliTest.run(
            "explain",
            "--config",
            HOST,
            "--chain",
            "output",
            "--in-interface",
            "eth1",
            "--src",
            "10.0.0.10",
            "--dst",
            "58.220.95.10"),
        message);
  }

  @Test
  void anOutputInterfaceOnInboundPacketsIsRefused() {
    refused(
        CliTest.run("audit", "--config", HOST, "--chain", "INPUT", "--out-interface", "eth0"),
        "--out-interface does not apply to --chain INPUT: inbound packets have no output"
            + " interface; name the interface they arrive by with --in-interface");
  }

  @Test
  void anInputInterfaceOnInboundPacketsIsUsedAndShown() {
    Run r = CliTest.run("audit", "--config", HOST, "--chain", "INPUT", "--in-interface", "eth0");
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).contains("placement: INPUT (connector host, inbound only, in eth0)\n");
  }

  @Test
  void sourcePortsBesideOneSourcePortAreRefused() {
    refused(
        CliTest.run(
            "explain",
            "--config",
            HOST,
            "--src",
            "10.0.0.10",
            "--dst",
            "58.220.95.10",
            "--sport",
            "40000",
            "--source-ports",
            "1024-2000"),
        "--source-ports applies only without --sport, which names the one source port");
  }

  @Test
  void connectorsOfAGatewayAreRefusedInExplainWhoseSourceIsSrc() {
    String[] flow = {"--src", "10.1.0.5", "--dst", "58.220.95.10"};
    refused(
        CliTest.run(
            concat(
                new String[] {
                  "explain",
                  "--config",
                  CliTest.GW,
                  "--chain",
                  "FORWARD",
                  "--connector",
                  "10.1.0.0/24"
                },
                flow)),
        "--connector applies only to a host (--chain OUTPUT or INPUT): the flow's source is --src");
    Run host =
        CliTest.run(
            concat(new String[] {"explain", "--config", HOST, "--connector", "10.1.0.5"}, flow));
    assertThat(host.err()).isEmpty();
    assertThat(host.code()).isZero();
  }

  static String[] concat(String[] a, String[] b) {
    return java.util.stream.Stream.concat(java.util.Arrays.stream(a), java.util.Arrays.stream(b))
        .toArray(String[]::new);
  }

  @Test
  void sizeRefusesFiguresTheInventoryStates() {
    refused(
        CliTest.run("size", "--hosts", INVENTORY, "--average", "1Gbps"),
        "--average applies only with --peak: with --hosts, the inventory's groups state them");
    refused(
        CliTest.run("size", "--hosts", INVENTORY, "--double-encryption", "0%", "--average", "1G"),
        "--average, --double-encryption apply only with --peak: with --hosts, the inventory's"
            + " groups state them");
  }

  @Test
  void sizeHasNoInstanceTypesOption() {
    Run r = CliTest.run("size", "--peak", "1Gbps", "--double-encryption", "0%", "--instance-types");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("zpa-audit: Unknown option: '--instance-types'\n");
    assertThat(CliTest.run("size", "--help").out()).doesNotContain("--instance-types");
  }

  @Test
  void sizeWarnsWhenTheAverageIsAboveThePeak() {
    Run r =
        CliTest.run("size", "--peak", "1Gbps", "--average", "2Gbps", "--double-encryption", "0");
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("zpa-audit size: 3 connectors");
    assertThat(r.err())
        .isEqualTo(
            "zpa-audit: warning: the average (2000 Mbps) is above the peak (1000 Mbps); an average"
                + " cannot exceed the peak, so check both (the peak decides)\n");
    assertThat(
            CliTest.run("size", "--peak", "1Gbps", "--average", "1Gbps", "--double-encryption", "0")
                .err())
        .isEmpty();
  }

  @Test
  void sizeWarnsOnceForAGroupWhoseAverageIsAboveItsPeak(@TempDir Path dir) throws Exception {
    Path inv = dir.resolve("inv.yaml");
    Files.writeString(
        inv,
        """
        groups:
          - name: g
            peak: 100Mbps
            average: 300Mbps
        connectors:
          - {name: a, group: g, platform: aws}
        """);
    Run r = CliTest.run("size", "--hosts", inv.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("zpa-audit size (group g at 0%)", "(group g at 100%)");
    assertThat(r.err())
        .isEqualTo(
            "zpa-audit: warning: group g: the average (300 Mbps) is above the peak (100 Mbps); an"
                + " average cannot exceed the peak, so check both (the peak decides)\n");
  }

  @Test
  void anInventoryWithSeveralErrorsListsEveryOne(@TempDir Path dir) throws Exception {
    Path inv = dir.resolve("inv.yaml");
    Files.writeString(
        inv,
        """
        connectors:
          - name: a
            group: g
            platform: openstack
            memoryGiB: -4
            peak: fast
          - group: g
            platform: aws
            vcpus: many
        """);
    Run r = CliTest.run("audit", "--hosts", inv.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo(
            inv
                + ":4: error: unknown platform 'openstack' (expected physical, vmware, kvm, aws,"
                + " azure or gcp)\n"
                + inv
                + ":5: error: memoryGiB: -4 is negative\n"
                + inv
                + ":6: error: peak: cannot read throughput 'fast': expected a number and a unit,"
                + " e.g. 1Gbps, 500Mbps, 1.5 Gbps or 750M\n"
                + inv
                + ":7: error: connector without 'name'\n"
                + inv
                + ":9: error: vcpus: 'many' is not a number\n");
    assertThat(CliTest.run("size", "--hosts", inv.toString()).err()).isEqualTo(r.err());
  }
}
