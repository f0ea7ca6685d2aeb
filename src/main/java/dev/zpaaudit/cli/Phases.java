package dev.zpaaudit.cli;

import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * Progress of a long command on standard error, one line a phase with the time it took: only on a
 * terminal, never into a pipe or a file (CI logs and reports stay clean), and never with --quiet.
 */
final class Phases {
  private final PrintWriter err;
  private final LongSupplier nanos;
  private final boolean on;
  private long started;
  private String current;

  Phases(PrintWriter err, LongSupplier nanos, boolean on) {
    this.err = err;
    this.nanos = nanos;
    this.on = on;
  }

  /** Progress for this process: on when standard error is a terminal and --quiet is not given. */
  static Phases forTerminal(PrintWriter err) {
    return new Phases(err, System::nanoTime, System.console() != null && !GlobalOptions.quiet());
  }

  /** Ends the phase under way, if any, and starts another. */
  void start(String what) {
    end();
    current = what;
    started = nanos.getAsLong();
    if (on) {
      err.println("zpa-audit: " + what + "...");
      err.flush();
    }
  }

  /** Ends the phase under way, saying how long it took. */
  void end() {
    if (current != null && on) {
      long ms = (nanos.getAsLong() - started) / 1_000_000;
      err.println("zpa-audit: " + current + ": done in " + String.format("%.1f s", ms / 1000.0));
      err.flush();
    }
    current = null;
  }
}
