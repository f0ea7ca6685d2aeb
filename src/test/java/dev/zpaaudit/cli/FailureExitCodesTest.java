package dev.zpaaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * What stops a command becomes one exit code and one message, in Main's one handler: a usage error
 * is 2; anything unexpected, out of memory included, is 4 and never 1 (which CI reads as a
 * finding).
 */
class FailureExitCodesTest {
  /** A stand-in for a command: takes inputs like audit's and throws what it is given. */
  @Command(name = "audit")
  static final class Throwing implements Callable<Integer> {
    private final Throwable toThrow;

    @Option(names = "--config")
    List<String> configs = new ArrayList<>();

    @Option(names = "--ranges")
    String ranges;

    @Option(names = "--output")
    String output;

    Throwing(Throwable toThrow) {
      this.toThrow = toThrow;
    }

    @Override
    public Integer call() throws Exception {
      if (toThrow instanceof Exception e) {
        throw e;
      }
      throw (Error) toThrow;
    }
  }

  record Run(int code, String out, String err) {}

  static Run run(Throwable t, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err), List.of(new Throwing(t)));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void outOfMemoryIsExitFourNamingTheInputsAndHowToGiveMoreHeap() {
    Run r =
        run(
            new OutOfMemoryError("Java heap space"),
            "audit",
            "--config",
            "big.rules",
            "--ranges",
            "zpa.json",
            "--output",
            "out");
    assertThat(r.code()).isEqualTo(4);
    assertThat(r.out()).isEmpty();
    long heapMiB = Runtime.getRuntime().maxMemory() / (1024 * 1024);
    assertThat(r.err())
        .isEqualTo(
            "zpa-audit: out of memory working on --config big.rules --ranges zpa.json"
                + " (the Java heap is limited to "
                + heapMiB
                + " MiB); give Java more heap with the environment variable"
                + " ZPA_AUDIT_JAVA_OPTS, e.g. ZPA_AUDIT_JAVA_OPTS=-Xmx4g bin/zpa-audit ...\n");
  }

  @Test
  void anIllegalArgumentFromInsideIsAnInternalErrorNotAUsageError() {
    Run r = run(new IllegalArgumentException("line must be >= 0: -1"), "audit");
    assertThat(r.code()).isEqualTo(4);
    assertThat(r.err())
        .startsWith(
            "zpa-audit: internal error: java.lang.IllegalArgumentException: line must be >= 0: -1;"
                + " this is a bug: please report it with the command line and the trace below\n")
        .contains("\tat ");
  }

  @Test
  void otherErrorsAreInternalErrorsToo() {
    Run r = run(new StackOverflowError(), "audit");
    assertThat(r.code()).isEqualTo(4);
    assertThat(r.err()).startsWith("zpa-audit: internal error: java.lang.StackOverflowError;");
  }

  @Test
  void aUsageErrorIsExitTwoOnOneLine() {
    Run r = run(new UsageException("--chain must be INPUT, OUTPUT or FORWARD"), "audit");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("zpa-audit: --chain must be INPUT, OUTPUT or FORWARD\n");
  }
}
