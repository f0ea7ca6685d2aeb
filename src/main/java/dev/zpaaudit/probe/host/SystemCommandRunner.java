package dev.zpaaudit.probe.host;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs local commands with a time limit, an empty standard input and a bounded output. */
public final class SystemCommandRunner implements CommandRunner {
  private static final int MAX_OUTPUT = 4 * 1024 * 1024;
  private final long timeoutSeconds;

  public SystemCommandRunner(long timeoutSeconds) {
    this.timeoutSeconds = timeoutSeconds;
  }

  @Override
  public Result run(List<String> argv) {
    ProcessBuilder pb =
        new ProcessBuilder(argv)
            .redirectErrorStream(false)
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("LC_ALL", "C");
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      return new Result(-1, "", argv.get(0) + " not available: " + e.getMessage());
    }
    try (InputStream in = p.getInputStream()) {
      byte[] out = in.readNBytes(MAX_OUTPUT);
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Result(-1, "", argv.get(0) + " did not finish in " + timeoutSeconds + " s");
      }
      return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), null);
    } catch (IOException e) {
      p.destroyForcibly();
      return new Result(-1, "", "reading " + argv.get(0) + " output: " + e.getMessage());
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      return new Result(-1, "", "interrupted");
    }
  }
}
