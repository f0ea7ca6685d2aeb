package dev.zpaaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zpaaudit.io.InputFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** --quiet and --max-input-size, on every command; progress only where asked and possible. */
class GlobalOptionsTest {
  static final String BEFORE = "sample-configs/ranges/before.txt";

  @Test
  void sizesReadWithTheirUnits() {
    assertThat(GlobalOptions.bytes("65536")).isEqualTo(65536);
    assertThat(GlobalOptions.bytes("512M")).isEqualTo(512L << 20);
    assertThat(GlobalOptions.bytes("2g")).isEqualTo(2L << 30);
    assertThatThrownBy(() -> GlobalOptions.bytes("5X")).isInstanceOf(UsageException.class);
    assertThatThrownBy(() -> GlobalOptions.bytes("0")).isInstanceOf(UsageException.class);
  }

  @Test
  void aFileAboveTheLimitIsRefusedAndTheLimitResetsForTheNextRun() {
    CliTest.Run small = CliTest.run("audit", "--config", CliTest.HOST, "--max-input-size", "100");
    assertThat(small.code()).isEqualTo(2);
    assertThat(small.err())
        .isEqualTo(
            CliTest.HOST
                + ": error: file is 813 bytes; the limit is 100 (raise it with"
                + " --max-input-size)\n");
    assertThat(CliTest.run("audit", "--config", CliTest.HOST).code()).isEqualTo(0);
    assertThat(InputFiles.limit()).isEqualTo(InputFiles.DEFAULT_MAX_BYTES);
  }

  @Test
  void aBadSizeIsAUsageError() {
    CliTest.Run r = CliTest.run("audit", "--config", CliTest.HOST, "--max-input-size", "lots");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .startsWith("zpa-audit: --max-input-size 'lots' is not a size such as 512M, 2G or 65536");
  }

  @Test
  void everyCommandTakesQuiet() {
    assertThat(CliTest.run("audit", "--config", CliTest.HOST, "--quiet").code()).isEqualTo(0);
    assertThat(CliTest.run("size", "--peak", "1Gbps", "--double-encryption", "0%", "-q").code())
        .isEqualTo(0);
    assertThat(CliTest.run("ranges", "diff", "-q", BEFORE, BEFORE).code()).isEqualTo(0);
  }

  @Test
  void phasesSayWhatTookHowLongOnlyWhenOn() {
    AtomicLong now = new AtomicLong();
    StringWriter out = new StringWriter();
    Phases p = new Phases(new PrintWriter(out), now::get, true);
    p.start("reading");
    now.addAndGet(1_500_000_000L);
    p.start("judging");
    now.addAndGet(250_000_000L);
    p.end();
    assertThat(out.toString())
        .isEqualTo(
            "zpa-audit: reading...\nzpa-audit: reading: done in 1.5 s\nzpa-audit: judging...\n"
                + "zpa-audit: judging: done in 0.3 s\n");
    StringWriter silent = new StringWriter();
    Phases off = new Phases(new PrintWriter(silent), now::get, false);
    off.start("reading");
    off.end();
    assertThat(silent.toString()).isEmpty();
  }
}
