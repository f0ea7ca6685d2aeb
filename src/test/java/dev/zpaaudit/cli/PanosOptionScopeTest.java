package dev.zpaaudit.cli;

import static dev.zpaaudit.cli.OptionScopeTest.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zpaaudit.cli.CliTest.Run;
import org.junit.jupiter.api.Test;

/** The PAN-OS options are refused where they would have no effect, never ignored. */
class PanosOptionScopeTest {
  static final String FIREWALL = "sample-configs/panos/compliant-firewall.xml";
  static final String PANORAMA = "sample-configs/panos/panorama.xml";

  @Test
  void panosOptionsWithoutAFirewallExportAreRefused() {
    refused(
        CliTest.run(
            "audit", "--hosts", OptionScopeTest.INVENTORY, "--vsys", "vsys1", "--to-zone", "wan"),
        "--to-zone, --vsys apply only to firewall exports: give --config FILE");
    refused(
        CliTest.run(
            "audit",
            "--hosts",
            OptionScopeTest.INVENTORY,
            "--device-group",
            "g",
            "--from-zone",
            "l"),
        "--from-zone, --device-group apply only to firewall exports: give --config FILE");
  }

  @Test
  void aVsysOrDeviceGroupOfALinuxExportIsRefused() {
    refused(
        CliTest.run("audit", "--config", OptionScopeTest.HOST, "--vsys", "vsys1"),
        "--vsys and --device-group choose a part of a PAN-OS export; "
            + OptionScopeTest.HOST
            + " is not one");
    refused(
        CliTest.run("audit", "--config", OptionScopeTest.HOST, "--device-group", "branches"),
        "--vsys and --device-group choose a part of a PAN-OS export; "
            + OptionScopeTest.HOST
            + " is not one");
  }

  @Test
  void aVsysOfPanoramaOrADeviceGroupOfAFirewallIsAnError() {
    Run vsys =
        CliTest.run(
            "audit", "--config", PANORAMA, "--device-group", "branch-paris", "--vsys", "vsys1");
    assertThat(vsys.code()).isEqualTo(2);
    assertThat(vsys.out()).isEmpty();
    assertThat(vsys.err())
        .isEqualTo(
            PANORAMA
                + ":1: error: --vsys chooses a vsys of a firewall's config; this is Panorama's,"
                + " whose device groups --device-group chooses\n");
    Run group = CliTest.run("audit", "--config", FIREWALL, "--device-group", "branch-paris");
    assertThat(group.code()).isEqualTo(2);
    assertThat(group.err())
        .isEqualTo(
            FIREWALL
                + ":1: error: --device-group chooses a device group of Panorama's config; this"
                + " is a firewall's, whose vsys --vsys chooses\n");
  }
}
