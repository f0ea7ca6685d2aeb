package dev.zpaaudit.probe;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.TreeSet;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.security.auth.x500.X500Principal;

/**
 * Records one handshake: the server's chain (a trust manager that accepts anything, since the chain
 * is judged against pins afterwards) and the server's certificate request (a key manager that notes
 * the accepted issuers and offers no certificate).
 */
final class TlsRecorder {
  private volatile List<X509Certificate> chain = List.of();
  private volatile boolean requested;
  private final TreeSet<String> issuers = new TreeSet<>();

  List<X509Certificate> chain() {
    return chain;
  }

  boolean requested() {
    return requested;
  }

  synchronized List<String> issuers() {
    return List.copyOf(issuers);
  }

  private synchronized void request(Principal[] accepted) {
    requested = true;
    if (accepted != null) {
      for (Principal p : accepted) {
        issuers.add(p instanceof X500Principal x ? x.getName(X500Principal.RFC2253) : p.getName());
      }
    }
  }

  X509ExtendedTrustManager trustManager() {
    return new X509ExtendedTrustManager() {
      @Override
      public void checkServerTrusted(X509Certificate[] c, String a, Socket s) {
        chain = List.of(c);
      }

      @Override
      public void checkServerTrusted(X509Certificate[] c, String a, SSLEngine e) {
        chain = List.of(c);
      }

      @Override
      public void checkServerTrusted(X509Certificate[] c, String a) {
        chain = List.of(c);
      }

      @Override
      public void checkClientTrusted(X509Certificate[] c, String a, Socket s) {
        throw new UnsupportedOperationException("client side only");
      }

      @Override
      public void checkClientTrusted(X509Certificate[] c, String a, SSLEngine e) {
        throw new UnsupportedOperationException("client side only");
      }

      @Override
      public void checkClientTrusted(X509Certificate[] c, String a) {
        throw new UnsupportedOperationException("client side only");
      }

      @Override
      public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
      }
    };
  }

  X509ExtendedKeyManager keyManager() {
    return new X509ExtendedKeyManager() {
      @Override
      public String chooseClientAlias(String[] keyType, Principal[] accepted, Socket s) {
        request(accepted);
        return null;
      }

      @Override
      public String chooseEngineClientAlias(String[] keyType, Principal[] accepted, SSLEngine e) {
        request(accepted);
        return null;
      }

      @Override
      public String[] getClientAliases(String keyType, Principal[] accepted) {
        return null;
      }

      @Override
      public String[] getServerAliases(String keyType, Principal[] accepted) {
        return null;
      }

      @Override
      public String chooseServerAlias(String keyType, Principal[] accepted, Socket s) {
        return null;
      }

      @Override
      public X509Certificate[] getCertificateChain(String alias) {
        return null;
      }

      @Override
      public PrivateKey getPrivateKey(String alias) {
        return null;
      }
    };
  }
}
