package dev.zpaaudit.probe;

import java.io.PrintWriter;

/** Reports probes as they finish. */
public interface Progress {
  void start(String phase, int total);

  void step();

  void finish();

  Progress NONE =
      new Progress() {
        @Override
        public void start(String phase, int total) {}

        @Override
        public void step() {}

        @Override
        public void finish() {}
      };

  /** A one-line bar redrawn in place; only for a terminal. */
  static Progress bar(PrintWriter err) {
    return new Progress() {
      private String phase = "";
      private int total;
      private int done;

      @Override
      public synchronized void start(String p, int t) {
        phase = p;
        total = t;
        done = 0;
        draw();
      }

      @Override
      public synchronized void step() {
        done++;
        draw();
      }

      @Override
      public synchronized void finish() {
        err.print("\r" + " ".repeat(60) + "\r");
        err.flush();
      }

      private void draw() {
        int width = 30;
        int filled = total == 0 ? width : (int) ((long) done * width / total);
        err.print(
            "\r"
                + String.format(
                    java.util.Locale.ROOT,
                    "%-4s [%s%s] %d/%d",
                    phase,
                    "#".repeat(filled),
                    " ".repeat(width - filled),
                    done,
                    total));
        err.flush();
      }
    };
  }
}
