package dev.zpaaudit.probe;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * One name resolved through one resolver for one record type.
 *
 * @param chain the name followed by each CNAME target, in order
 * @param addresses the addresses at the end of the chain (empty unless {@code ANSWER})
 * @param truncated whether a UDP answer came back truncated and the query was retried over TCP
 * @param dnssec what the resolver said about DNSSEC validation
 */
public record DnsResult(
    String name,
    String type,
    String resolver,
    Outcome outcome,
    List<String> chain,
    List<InetAddress> addresses,
    boolean truncated,
    Dnssec dnssec,
    long micros,
    String detail) {

  public enum Outcome {
    ANSWER,
    /** NOERROR without a record of the type (NODATA). */
    NODATA,
    NXDOMAIN,
    SERVFAIL,
    REFUSED,
    /** Another response code (in the detail). */
    OTHER_RCODE,
    /** The CNAME chain loops or is longer than the limit. */
    CNAME_LOOP,
    TIMEOUT,
    /** The query could not be sent (a local error), or the reply was unusable. */
    ERROR
  }

  /** DNSSEC as the resolver reports it (the AD flag); the prober does not validate itself. */
  public enum Dnssec {
    /** Every response on the chain had the AD flag: the resolver validated it. */
    VALIDATED,
    /** A response lacked the AD flag: unsigned, or the resolver does not validate. */
    NOT_VALIDATED,
    /** No response to judge. */
    UNKNOWN;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  public DnsResult {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(outcome, "outcome");
    chain = List.copyOf(chain);
    addresses = List.copyOf(addresses);
    detail = detail == null ? "" : detail;
  }

  /** "a -> b -> c". */
  public String chainText() {
    return String.join(" -> ", chain);
  }
}
