package dev.zpaaudit.probe;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * A TLS server on loopback presenting a given chain; with a client CA it needs a client
 * certificate (as a ZPA broker does) and lists that CA as the accepted issuer.
 */
final class TestTlsServer implements AutoCloseable {
  private final SSLServerSocket server;
  private volatile boolean closed;

  TestTlsServer(KeyStore keys, X509Certificate clientCa) throws Exception {
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, "x".toCharArray());
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(clientCa == null ? TestPki.trustStore() : TestPki.trustStore(clientCa));
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    server = (SSLServerSocket) ctx.getServerSocketFactory()
        .createServerSocket(0, 50, TestDnsServer.LOOPBACK);
    server.setNeedClientAuth(clientCa != null);
    TestDnsServer.daemon(this::acceptLoop);
  }

  int port() {
    return server.getLocalPort();
  }

  InetSocketAddress address() {
    return new InetSocketAddress(TestDnsServer.LOOPBACK, port());
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket s = server.accept();
        TestDnsServer.daemon(() -> serve((SSLSocket) s));
      } catch (IOException e) {
        // closed
      }
    }
  }

  private static void serve(SSLSocket s) {
    try (s) {
      s.setSoTimeout(2000);
      s.startHandshake();
      InputStream in = s.getInputStream();
      while (in.read() >= 0) {
        // drain until the client leaves
      }
    } catch (IOException e) {
      // a client without a certificate, a plain TCP probe, or a timeout
    }
  }

  @Override
  public void close() throws IOException {
    closed = true;
    server.close();
  }
}
