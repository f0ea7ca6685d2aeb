package dev.zpaaudit.probe;

import java.util.Objects;

/**
 * The local clock against one NTP server.
 *
 * @param offsetMs how far the server's clock is ahead of the local one (negative: behind)
 * @param delayMs the round-trip delay
 */
public record NtpResult(
    String server, Outcome outcome, long offsetMs, long delayMs, int stratum, String detail) {
  public enum Outcome {
    MEASURED,
    /** The server answered but is not synchronized (stratum 0 or 16, or leap indicator 3). */
    UNSYNCHRONIZED,
    TIMEOUT,
    /** The server name did not resolve, or the query could not be sent. */
    ERROR
  }

  public NtpResult {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(outcome, "outcome");
    detail = detail == null ? "" : detail;
  }
}
