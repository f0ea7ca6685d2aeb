package dev.zpaaudit.cli;

import static dev.zpaaudit.cli.OptionScopeTest.refused;

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
}
