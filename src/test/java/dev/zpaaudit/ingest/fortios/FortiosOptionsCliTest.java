package dev.zpaaudit.ingest.fortios;

import static dev.zpaaudit.cli.RejectedInputTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zpaaudit.cli.RejectedInputTest.Run;
import org.junit.jupiter.api.Test;

/**
 * {@code --vdom} chooses the VDOM of a FortiGate to audit, and is refused where nothing it applies
 * to was read (exit 2, one line), like {@code --vsys} for PAN-OS.
 */
class FortiosOptionsCliTest {
  static final String VDOMS = "src/test/resources/fortios/features/vdoms.conf";
  static final String IPTABLES = "src/test/resources/iptables/features/filter-policies.rules";
  static final String PANOS = "sample-configs/panos/compliant-firewall.xml";

  static void assertRefused(Run r, String message) {
    assertThat(r.err()).isEqualTo("zpa-audit: " + message + "\n");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
  }

  @Test
  void aVdomIsChosenByName() {
    Run r =
        run(
            "audit",
            "--config",
            VDOMS,
            "--vdom",
            "root",
            "--chain",
            "FORWARD",
            "--in-interface",
            "port2",
            "--out-interface",
            "port1",
            "--connector",
            "10.20.0.0/24");
    assertThat(r.code()).isIn(0, 1);
    assertThat(r.out()).contains("(FortiOS VDOM 'root')");
    assertThat(r.out()).contains("policy 1 'to-zpa'");
  }

  @Test
  void vdomDoesNotApplyToALinuxExportNorToPanos() {
    assertRefused(
        run("audit", "--config", IPTABLES, "--vdom", "root"),
        "--vdom applies only to a FortiGate configuration, and none was read");
    assertRefused(
        run("audit", "--config", PANOS, "--vdom", "root"),
        "--vdom applies only to a FortiGate configuration, and none was read");
  }

  @Test
  void vdomNeedsAConfiguration() {
    assertRefused(
        run("audit", "--hosts", "sample-configs/hosts/inventory.yaml", "--vdom", "root"),
        "--vdom applies only to firewall exports: give --config FILE");
  }

  @Test
  void anUnknownVdomIsRefusedNamingThoseThereAre() {
    Run r = run("audit", "--config", VDOMS, "--vdom", "guest");
    assertThat(r.err()).isEqualTo(VDOMS + ":1: error: no VDOM 'guest'; it has root, dmz\n");
    assertThat(r.code()).isEqualTo(2);
  }
}
