package dev.zpaaudit.probe;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * A TLS server on loopback presenting a given chain; with a client CA it needs a client certificate
 * (as a ZPA broker does) and lists that CA as the accepted issuer.
 */
final class TestTlsServer implements AutoCloseable {
  private final SSLServerSocket server;
  private volatile boolean closed;

  /** The server names clients asked for (SNI). */
  final Set<String> sni = ConcurrentHashMap.newKeySet();

  /** Presents exactly this chain (leaf first, in any order after it), signed with the key. */
  TestTlsServer(List<X509Certificate> chain, PrivateKey key, X509Certificate clientCa)
      throws Exception {
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(clientCa == null ? TestPki.trustStore() : TestPki.trustStore(clientCa));
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(new KeyManager[] {keyManager(chain, key)}, tmf.getTrustManagers(), null);
    server =
        (SSLServerSocket)
            ctx.getServerSocketFactory().createServerSocket(0, 50, TestDnsServer.LOOPBACK);
    server.setNeedClientAuth(clientCa != null);
    javax.net.ssl.SSLParameters p = server.getSSLParameters();
    p.setSNIMatchers(
        List.of(
            new SNIMatcher(0) {
              @Override
              public boolean matches(SNIServerName name) {
                sni.add(new String(name.getEncoded(), java.nio.charset.StandardCharsets.US_ASCII));
                return true;
              }
            }));
    server.setSSLParameters(p);
    TestDnsServer.daemon(this::acceptLoop);
  }

  private static X509ExtendedKeyManager keyManager(List<X509Certificate> chain, PrivateKey key) {
    String type = key.getAlgorithm();
    return new X509ExtendedKeyManager() {
      @Override
      public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine e) {
        return keyType.equals(type) ? "server" : null;
      }

      @Override
      public String chooseServerAlias(String keyType, Principal[] issuers, Socket s) {
        return keyType.equals(type) ? "server" : null;
      }

      @Override
      public String[] getServerAliases(String keyType, Principal[] issuers) {
        return new String[] {"server"};
      }

      @Override
      public String[] getClientAliases(String keyType, Principal[] issuers) {
        return null;
      }

      @Override
      public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket s) {
        return null;
      }

      @Override
      public X509Certificate[] getCertificateChain(String alias) {
        return chain.toArray(new X509Certificate[0]);
      }

      @Override
      public PrivateKey getPrivateKey(String alias) {
        return key;
      }
    };
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
