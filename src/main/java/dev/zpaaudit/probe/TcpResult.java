package dev.zpaaudit.probe;

import java.util.Objects;

/** What one TCP connect met, and how long it took (microseconds). */
public record TcpResult(Target target, Outcome outcome, long micros, String detail) {
  public enum Outcome {
    /** The three-way handshake completed (through the proxy: the proxy answered 200). */
    CONNECTED,
    /** A reset (connection refused); its timing tells a local firewall from a remote one. */
    RESET,
    /** No answer within the timeout: dropped somewhere. */
    TIMEOUT,
    /** No route or network unreachable: the host itself cannot send. */
    UNREACHABLE,
    /** The explicit proxy refused the CONNECT (status in the detail). */
    PROXY_REFUSED,
    /** The explicit proxy could not be reached. */
    PROXY_UNREACHABLE,
    /** Any other local error: the connect could not be attempted. */
    ERROR
  }

  public TcpResult {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(outcome, "outcome");
    detail = detail == null ? "" : detail;
  }

  /** Whether anything on the network answered (or stayed silent, which also tells something). */
  public boolean measured() {
    return outcome != Outcome.ERROR
        && outcome != Outcome.UNREACHABLE
        && outcome != Outcome.PROXY_UNREACHABLE;
  }
}
