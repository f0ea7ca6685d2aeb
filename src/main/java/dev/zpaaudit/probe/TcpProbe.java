package dev.zpaaudit.probe;

import dev.zpaaudit.probe.TcpResult.Outcome;
import java.io.IOException;
import java.net.Socket;
import java.util.function.LongSupplier;

/** Connects to a target with a timeout and times the outcome. */
public final class TcpProbe {
  private final Sockets sockets;
  private final LongSupplier nanos;
  private final int timeoutMs;

  public TcpProbe(Sockets sockets, LongSupplier nanos, int timeoutMs) {
    this.sockets = sockets;
    this.nanos = nanos;
    this.timeoutMs = timeoutMs;
  }

  /**
   * Connects once; a reset is tried again up to {@value #RESET_ATTEMPTS} times in all and the
   * fastest kept, so that a one-off delay on this host (the first connection of the process, a busy
   * CPU) does not hide a local firewall's immediate reset.
   */
  public TcpResult connect(Target t) {
    TcpResult r = once(t);
    for (int i = 1; i < RESET_ATTEMPTS && r.outcome() == Outcome.RESET; i++) {
      TcpResult again = once(t);
      if (again.outcome() != Outcome.RESET) {
        return again;
      }
      if (again.micros() < r.micros()) {
        r = again;
      }
    }
    return r;
  }

  static final int RESET_ATTEMPTS = 3;

  private TcpResult once(Target t) {
    long start = nanos.getAsLong();
    try {
      Socket s = sockets.open(t.socketAddress(), timeoutMs);
      long us = elapsed(start);
      s.close();
      return new TcpResult(t, Outcome.CONNECTED, us, "connected via " + sockets.describe());
    } catch (IOException e) {
      long us = elapsed(start);
      return new TcpResult(t, classify(e), us, Outcomes.describe(e));
    }
  }

  private long elapsed(long start) {
    return Math.max(0, (nanos.getAsLong() - start) / 1000);
  }

  static Outcome classify(IOException e) {
    if (e instanceof ProxyException pe) {
      return pe.reached() ? Outcome.PROXY_REFUSED : Outcome.PROXY_UNREACHABLE;
    }
    if (Outcomes.isTimeout(e)) {
      return Outcome.TIMEOUT;
    }
    if (Outcomes.isRefused(e)) {
      return Outcome.RESET;
    }
    if (Outcomes.isUnreachable(e)) {
      return Outcome.UNREACHABLE;
    }
    return Outcome.ERROR;
  }
}
