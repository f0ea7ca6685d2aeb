package dev.zpaaudit.probe;

import dev.zpaaudit.probe.TlsResult.Handshake;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.LongSupplier;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * A TLS handshake with SNI that records, instead of judging, what the server presented: its chain
 * and whether (and from which issuers) it asked for a client certificate. The prober sends no
 * client certificate and trusts nothing by itself: the chain is judged against the pins later.
 */
public final class TlsProbe {
  private final Sockets sockets;
  private final LongSupplier nanos;
  private final int timeoutMs;

  public TlsProbe(Sockets sockets, LongSupplier nanos, int timeoutMs) {
    this.sockets = sockets;
    this.nanos = nanos;
    this.timeoutMs = timeoutMs;
  }

  public TlsResult handshake(Target t, String sni) {
    long start = nanos.getAsLong();
    Socket raw;
    try {
      raw = sockets.open(t.socketAddress(), timeoutMs);
    } catch (IOException e) {
      return new TlsResult(
          t,
          sni,
          Handshake.NO_CONNECTION,
          List.of(),
          false,
          List.of(),
          null,
          elapsed(start),
          Outcomes.describe(e));
    }
    TlsRecorder rec = new TlsRecorder();
    try (raw;
        SSLSocket s =
            (SSLSocket)
                context(rec)
                    .getSocketFactory()
                    .createSocket(raw, t.address().getHostAddress(), t.port(), true)) {
      SSLParameters p = s.getSSLParameters();
      if (sni != null) {
        p.setServerNames(List.of(new SNIHostName(sni)));
      }
      s.setSSLParameters(p);
      s.setSoTimeout(timeoutMs);
      s.startHandshake();
      String protocol = s.getSession().getProtocol();
      // TLS 1.3: a server that needs a client certificate rejects its absence after the handshake.
      String after = readBriefly(s);
      Handshake h = after == null ? Handshake.COMPLETED : Handshake.ENDED_BY_SERVER;
      return result(t, sni, h, rec, protocol, start, after == null ? "handshake completed" : after);
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      Handshake h = rec.chain().isEmpty() ? Handshake.FAILED : Handshake.ENDED_BY_SERVER;
      return result(t, sni, h, rec, null, start, Outcomes.describe(e));
    }
  }

  private TlsResult result(
      Target t,
      String sni,
      Handshake h,
      TlsRecorder rec,
      String protocol,
      long start,
      String detail) {
    List<X509Certificate> chain = rec.chain();
    return new TlsResult(
        t, sni, h, chain, rec.requested(), rec.issuers(), protocol, elapsed(start), detail);
  }

  /**
   * Reads once with a short timeout: null if the server stays quiet (the session stands), else how
   * the server ended it (an alert or a close).
   */
  private String readBriefly(SSLSocket s) throws IOException {
    s.setSoTimeout(Math.min(timeoutMs, 200));
    try {
      InputStream in = s.getInputStream();
      int b = in.read();
      return b < 0 ? "the server closed the connection after the handshake" : null;
    } catch (java.net.SocketTimeoutException e) {
      return null;
    } catch (SSLException e) {
      return "the server ended the session: " + Outcomes.describe(e);
    }
  }

  private static SSLContext context(TlsRecorder rec) throws GeneralSecurityException {
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(
        new javax.net.ssl.KeyManager[] {rec.keyManager()},
        new javax.net.ssl.TrustManager[] {rec.trustManager()},
        null);
    return ctx;
  }

  private long elapsed(long start) {
    return Math.max(0, (nanos.getAsLong() - start) / 1000);
  }
}
