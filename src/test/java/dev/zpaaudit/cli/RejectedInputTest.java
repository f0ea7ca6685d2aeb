package dev.zpaaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unusable input through the command line, as the tests of each format's bad input run it: exit
 * code 2, exactly the expected located errors on standard error, nothing on standard output, and
 * the report already in the output folder left as it was.
 */
public abstract class RejectedInputTest {
  protected static final String EARLIER = "an earlier report\n";

  @TempDir protected Path tmp;

  /** A run's exit code and what it printed. */
  public record Run(int code, String out, String err) {}

  /** Runs the command line in this process. */
  public static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  /** The output folder, which holds an earlier report before each test. */
  protected Path out() {
    return tmp.resolve("out");
  }

  @BeforeEach
  void anEarlierReport() throws IOException {
    Files.createDirectories(out());
    Files.writeString(out().resolve("report.txt"), EARLIER);
  }

  /**
   * Runs {@code args} writing into the output folder and checks that they are refused: each of
   * {@code errors} is one line of standard error after {@code shown}.
   */
  protected void assertRefused(List<String> args, Object shown, String... errors)
      throws IOException {
    List<String> all = new ArrayList<>(args);
    all.add("--output");
    all.add(out().toString());
    Run r = run(all.toArray(new String[0]));
    StringBuilder expected = new StringBuilder();
    for (String e : errors) {
      expected.append(shown).append(e).append('\n');
    }
    assertThat(r.err()).isEqualTo(expected.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    try (Stream<Path> files = Files.list(out())) {
      assertThat(files).containsExactly(out().resolve("report.txt"));
    }
    assertThat(Files.readString(out().resolve("report.txt"))).isEqualTo(EARLIER);
  }
}
