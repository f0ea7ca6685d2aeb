package dev.zpaaudit.probe;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * One TLS handshake with SNI.
 *
 * @param chain the certificates the server presented, leaf first (empty if none arrived)
 * @param clientCertRequested whether the server sent a CertificateRequest
 * @param acceptedIssuers the client-certificate issuers it listed (RFC 4514 names, sorted)
 * @param handshake COMPLETED, or how it ended; a server that needs a client certificate ends the
 *     handshake after its request, which is what a ZPA broker does to a client without one
 */
public record TlsResult(
    Target target,
    String sni,
    Handshake handshake,
    List<X509Certificate> chain,
    boolean clientCertRequested,
    List<String> acceptedIssuers,
    String protocol,
    long micros,
    String detail) {

  public enum Handshake {
    COMPLETED,
    /** The server ended the handshake (an alert or a close) after sending its certificate. */
    ENDED_BY_SERVER,
    /** TLS failed before any certificate arrived. */
    FAILED,
    /** The TCP connection (or the proxy's CONNECT) failed: see the detail. */
    NO_CONNECTION
  }

  public TlsResult {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(handshake, "handshake");
    chain = List.copyOf(chain);
    acceptedIssuers = List.copyOf(acceptedIssuers);
    protocol = protocol == null ? "" : protocol;
    detail = detail == null ? "" : detail;
  }

  public boolean hasChain() {
    return !chain.isEmpty();
  }
}
