package dev.zpaaudit.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.zpaaudit.oracle.Flow.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 5,000 flows through FORWARD in one call, with half of them allowed. Durations are written to
 * {@code target/oracle/timings.txt}.
 */
class KernelLabPerformanceTest {
  private static final int FLOWS = 5_000;
  private static final long BUDGET_MS = 60_000;
  private static final String RULES =
      """
*filter
:INPUT ACCEPT [0:0]
:FORWARD DROP [0:0]
:OUTPUT ACCEPT [0:0]
-A FORWARD -i eth1 -o eth0 -p tcp -m tcp --sport 443 -m conntrack --ctstate ESTABLISHED -j ACCEPT
-A FORWARD -d 198.51.100.0/24 -i eth0 -o eth1 -p tcp -m tcp --dport 443 -j ACCEPT
COMMIT
""";

  private static KernelLab lab;

  @BeforeEach
  void startLab() {
    String reason = KernelLab.unavailableReason().orElse(null);
    assumeTrue(reason == null, () -> "kernel lab unavailable: " + reason);
    if (lab == null) {
      lab = new KernelLab();
      lab.loadIptablesSave(RULES);
    }
  }

  @AfterAll
  static void stopLab() {
    if (lab != null) {
      lab.close();
      lab = null;
    }
  }

  @Test
  void fiveThousandNewFlows() throws IOException {
    timed(Kind.NEW);
  }

  @Test
  void fiveThousandReplies() throws IOException {
    timed(Kind.REPLY);
  }

  private static void timed(Kind kind) throws IOException {
    List<Flow> flows = flows(kind);
    long start = System.nanoTime();
    Map<Flow, Verdict> verdicts = lab.run(flows);
    long millis = (System.nanoTime() - start) / 1_000_000;
    record(kind + ": " + FLOWS + " FORWARD flows in " + millis + " ms");
    for (int i = 0; i < flows.size(); i++) {
      Verdict expected = flows.get(i).dport() == 443 ? Verdict.DELIVERED : Verdict.DROPPED;
      assertThat(verdicts.get(flows.get(i))).as(flows.get(i).toString()).isEqualTo(expected);
    }
    assertThat(millis).isLessThan(BUDGET_MS);
  }

  private static List<Flow> flows(Kind kind) {
    List<Flow> flows = new ArrayList<>();
    for (int i = 0; i < FLOWS; i++) {
      String src = "10.1." + (i / 250) + "." + (i % 250 + 1);
      String dst = "198.51.100." + (i % 200 + 1);
      flows.add(Flow.tcp(src, 20_000 + i, dst, i % 2 == 0 ? 443 : 80).withKind(kind));
    }
    return flows;
  }

  private static void record(String line) throws IOException {
    Path file = Path.of("target", "oracle", "timings.txt");
    Files.createDirectories(file.getParent());
    Files.writeString(file, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }
}
