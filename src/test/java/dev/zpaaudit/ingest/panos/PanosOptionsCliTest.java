package dev.zpaaudit.ingest.panos;

import static dev.zpaaudit.cli.RejectedInputTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zpaaudit.cli.RejectedInputTest.Run;
import org.junit.jupiter.api.Test;

/**
 * The options that say where a PAN-OS firewall sits and which part of its config to audit: those
 * that do not apply to what was read are refused (exit 2, one line), and zones given override what
 * would be inferred.
 */
class PanosOptionsCliTest {
  static final String FIREWALL = "sample-configs/panos/compliant-firewall.xml";
  static final String IPTABLES = "src/test/resources/iptables/features/filter-policies.rules";
  static final String PANORAMA = "src/test/resources/panos/features/convert-panorama.xml";

  static void assertRefused(Run r, String message) {
    assertThat(r.err()).isEqualTo("zpa-audit: " + message + "\n");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
  }

  @Test
  void chainOutputDoesNotApplyToAPanosFirewall() {
    assertRefused(
        run("audit", "--config", FIREWALL, "--chain", "OUTPUT"),
        "--chain OUTPUT does not apply to a PAN-OS firewall: it forwards the connectors' traffic"
            + " (--chain FORWARD, the default for it)");
  }

  @Test
  void zonesDoNotApplyToALinuxExport() {
    assertRefused(
        run("audit", "--config", IPTABLES, "--from-zone", "trust"),
        "--from-zone and --to-zone apply to zoned firewalls (PAN-OS); name interfaces with"
            + " --in-interface and --out-interface");
  }

  @Test
  void aLinuxHostAndAPanosFirewallInSeriesEachSitWhereTheyAre() {
    Run r = run("audit", "--config", IPTABLES, "--config", FIREWALL, "--connector", "10.20.0.10");
    assertThat(r.code()).isIn(0, 1);
    assertThat(r.out().replaceAll("\\s+", " "))
        .contains(IPTABLES + ": OUTPUT (connector host); " + FIREWALL + ": FORWARD (firewall:")
        .contains(FIREWALL + " from zone: connectors (inferred");
  }

  @Test
  void aDevicesOwnPlacementIsWrittenAfterItsFiles() {
    Run r =
        run(
            "audit",
            "--config",
            IPTABLES + "@OUTPUT",
            "--config",
            FIREWALL + "@FORWARD:connectors:untrust",
            "--connector",
            "10.20.0.10");
    assertThat(r.code()).isIn(0, 1);
    assertThat(r.out().replaceAll("\\s+", " "))
        .contains("FORWARD (firewall: from zone connectors, to zone untrust)")
        .contains(FIREWALL + " from zone: connectors (as given)");
    assertRefused(
        run("audit", "--config", FIREWALL + "@OUTPUT"),
        "--config "
            + FIREWALL
            + "@OUTPUT: this firewall forwards the connectors' traffic: write @FORWARD");
  }

  @Test
  void zonesGivenOverrideInferenceAndTheReportSaysSo() {
    Run r =
        run(
            "audit",
            "--config",
            FIREWALL,
            "--connector",
            "10.20.0.0/24",
            "--from-zone",
            "untrust",
            "--to-zone",
            "connectors");
    assertThat(r.code()).isIn(0, 1);
    assertThat(r.out())
        .contains("placement: FORWARD (firewall: from zone untrust, to zone connectors)\n")
        .contains("from zone: untrust (as given)\n")
        .contains("to zone: connectors (as given)\n");
  }

  @Test
  void withoutZonesGivenTheyAreInferredAndTheReportSaysHow() {
    Run r = run("audit", "--config", FIREWALL, "--connector", "10.20.0.0/24");
    assertThat(r.code()).isIn(0, 1);
    assertThat(r.out())
        .contains("placement: FORWARD (firewall: from zone connectors, to zone untrust)\n")
        .contains("from zone: connectors (inferred: connector 10.20.0.0/24 on ethernet1/2");
  }

  @Test
  void vsysDoesNotApplyToALinuxExportNorToPanorama() {
    assertRefused(
        run("audit", "--config", IPTABLES, "--vsys", "vsys1"),
        "--vsys applies only to a PAN-OS firewall's config, and none was read");
    assertRefused(
        run("audit", "--config", PANORAMA, "--device-group", "paris", "--vsys", "vsys1"),
        "--vsys applies only to a PAN-OS firewall's config, and none was read");
  }

  @Test
  void deviceGroupDoesNotApplyToAFirewallConfig() {
    assertRefused(
        run("audit", "--config", FIREWALL, "--device-group", "paris"),
        "--device-group applies only to a Panorama config, and none was read");
  }

  @Test
  void aDeviceGroupIsChosenByName() {
    Run r = run("audit", "--config", PANORAMA, "--device-group", "paris");
    assertThat(r.code()).isIn(0, 1);
    assertThat(r.out()).contains("(PAN-OS Panorama\n  device group 'paris')");
  }

  @Test
  void aZoneTheFirewallDoesNotKnowIsRefusedNotTakenForAny() {
    assertRefused(
        run("audit", "--config", FIREWALL, "--from-zone", "trust"),
        "zone 'trust' is not a zone of " + FIREWALL + " (its zones: connectors, untrust)");
  }

  @Test
  void explainSaysARepliesPassesByTheSession() {
    Run r =
        run(
            "explain",
            "--config",
            FIREWALL,
            "--src",
            "10.20.0.10",
            "--dst",
            "3.0.76.33",
            "--dport",
            "443",
            "--state",
            "reply");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains(
            "a stateful policy judges only a session's first packet; these belong to the session"
                + " it let through");
  }
}
