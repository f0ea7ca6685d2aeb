package dev.zpaaudit.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs probes with bounded concurrency. Every probe bounds itself with socket timeouts; the runner
 * adds a deadline per probe as a backstop and gives the probe's own timed-out result when it
 * passes. Results come back in the order the probes were given.
 */
public final class ProbeRunner implements AutoCloseable {
  /** A probe and the result that stands for it if it overruns its deadline. */
  public record Task<T>(Supplier<T> probe, Supplier<T> overran) {}

  private final ExecutorService pool;
  private final Progress progress;
  private final int concurrency;

  public ProbeRunner(int concurrency, Progress progress) {
    this.concurrency = concurrency;
    this.pool =
        Executors.newFixedThreadPool(
            concurrency,
            r -> {
              Thread t = new Thread(r, "zpa-audit-probe");
              t.setDaemon(true);
              return t;
            });
    this.progress = progress;
  }

  public <T> List<T> run(String phase, List<Task<T>> tasks, long deadlineMs) {
    progress.start(phase, tasks.size());
    List<Future<T>> futures = new ArrayList<>();
    for (Task<T> t : tasks) {
      futures.add(
          pool.submit(
              () -> {
                try {
                  return t.probe().get();
                } finally {
                  progress.step();
                }
              }));
    }
    List<T> out = new ArrayList<>();
    // Probes queue behind the concurrency bound: allow one deadline per wave, plus one.
    long waves = (tasks.size() + concurrency - 1) / concurrency + 1;
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(deadlineMs) * waves;
    for (int i = 0; i < tasks.size(); i++) {
      Future<T> f = futures.get(i);
      try {
        long left = Math.max(0, end - System.nanoTime());
        out.add(f.get(left, TimeUnit.NANOSECONDS));
      } catch (TimeoutException e) {
        f.cancel(true);
        out.add(tasks.get(i).overran().get());
      } catch (ExecutionException e) {
        throw new IllegalStateException("a probe failed unexpectedly", e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        futures.forEach(x -> x.cancel(true));
        throw new IllegalStateException("interrupted while probing", e);
      }
    }
    progress.finish();
    return out;
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
