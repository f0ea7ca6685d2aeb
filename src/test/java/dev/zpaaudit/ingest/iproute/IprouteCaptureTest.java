package dev.zpaaudit.ingest.iproute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.zpaaudit.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Linux host's routes and links (ip -j), for mtu-path (R13) and default-gateway (R15): the sample
 * captured from a namespace whose default route goes into a VXLAN tunnel, and a capture made now
 * from the real tools in a namespace of our own (skipped, saying why, where that cannot run).
 */
class IprouteCaptureTest {
  static final String SAMPLE = "sample-configs/linux/vxlan-host";

  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static Run audit(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> all = new ArrayList<>(List.of("audit"));
    all.addAll(List.of(args));
    int code = Main.run(all.toArray(new String[0]), new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString().replaceAll("\\s+", " "), err.toString());
  }

  @Test
  void aDefaultRouteIntoVxlanFailsBothPathChecks() {
    Run r = audit("--config", SAMPLE, "--connector", "10.9.0.1");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out())
        .contains("FAIL mtu-path")
        .contains(
            "leaves through tunnel vx0 (vxlan: 50 bytes of encapsulation, effective MTU 1450)")
        .contains("FAIL default-gateway")
        .contains("the default route points at tunnel vx0 (vxlan)")
        .doesNotContain("zen-egress");
  }

  @Test
  void withTheHostsRulesetItIsOneHost() {
    Run r =
        audit(
            "--config",
            "sample-configs/iptables/host-compliant.rules," + SAMPLE,
            "--connector",
            "10.0.0.10");
    assertThat(r.out()).contains("PASS zen-egress").contains("FAIL mtu-path");
  }

  @Test
  void aBrokenCaptureIsALocatedError() throws IOException {
    Files.writeString(dir.resolve("link.json"), "[{\"ifname\": \"eth0\"},");
    Files.writeString(dir.resolve("route.json"), "[]");
    Run r = audit("--config", dir.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith(dir.resolve("link.json") + ":");
  }

  private static boolean run(List<String> cmd, Path out) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd);
    if (out != null) {
      pb.redirectOutput(out.toFile());
    } else {
      pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    }
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process p = pb.start();
    if (!p.waitFor(20, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return false;
    }
    return p.exitValue() == 0;
  }

  @Test
  void aCaptureFromTheRealToolsInANamespaceShowsTheTunnel() throws Exception {
    String ns = "zpa-cap-" + ProcessHandle.current().pid();
    assumeTrue(
        run(List.of("ip", "netns", "add", ns), null),
        "cannot create a network namespace here (needs root and iproute2)");
    try {
      String[][] steps = {
        {"link", "add", "v0", "type", "veth", "peer", "name", "v1"},
        {"addr", "add", "10.9.0.1/24", "dev", "v0"},
        {"link", "set", "v0", "up"},
        {"link", "set", "v1", "up"},
        {
          "link",
          "add",
          "vx0",
          "type",
          "vxlan",
          "id",
          "42",
          "dstport",
          "4789",
          "remote",
          "10.9.0.2",
          "dev",
          "v0"
        },
        {"link", "set", "vx0", "up"},
        {"addr", "add", "172.31.0.1/30", "dev", "vx0"},
        {"route", "add", "default", "via", "172.31.0.2", "dev", "vx0"}
      };
      for (String[] step : steps) {
        List<String> cmd = new ArrayList<>(List.of("ip", "-n", ns));
        cmd.addAll(List.of(step));
        assumeTrue(run(cmd, null), "this kernel cannot build: ip " + String.join(" ", step));
      }
      assertThat(run(List.of("ip", "-n", ns, "-j", "-d", "link", "show"), dir.resolve("link.json")))
          .isTrue();
      assertThat(
              run(
                  List.of("ip", "-n", ns, "-j", "route", "show", "table", "all"),
                  dir.resolve("route.json")))
          .isTrue();
      assertThat(run(List.of("ip", "-n", ns, "-j", "rule", "show"), dir.resolve("rule.json")))
          .isTrue();
    } finally {
      run(List.of("ip", "netns", "delete", ns), null);
    }
    assertThat(Files.readString(dir.resolve("link.json"), StandardCharsets.UTF_8))
        .contains("\"info_kind\":\"vxlan\"");
    Run r = audit("--config", dir.toString(), "--connector", "10.9.0.1");
    assertThat(r.out())
        .contains("FAIL mtu-path")
        .contains("leaves through tunnel vx0 (vxlan")
        .contains("FAIL default-gateway");
  }
}
