package dev.zpaaudit.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Downloads a document over HTTPS, bounded in time and size. Redirects are followed only to HTTPS.
 * Failures are {@link FetchException}s that say what went wrong in words.
 */
public final class HttpsFetch {
  /** A download that did not happen, and why. */
  public static final class FetchException extends Exception {
    public FetchException(String message) {
      super(message);
    }
  }

  private final Duration timeout;
  private final long maxBytes;
  private final SSLContext tls;

  /** {@code trust}: PEM certificates to trust instead of the JVM's, or null for the JVM's. */
  public HttpsFetch(Duration timeout, long maxBytes, Path trust) throws FetchException {
    this.timeout = timeout;
    this.maxBytes = maxBytes;
    this.tls = trust == null ? null : context(trust);
  }

  private static SSLContext context(Path pem) throws FetchException {
    try (InputStream in = Files.newInputStream(pem)) {
      Collection<? extends java.security.cert.Certificate> certs =
          CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certs.isEmpty()) {
        throw new FetchException(pem + ": no certificate in it");
      }
      KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
      ks.load(null, null);
      int i = 0;
      for (java.security.cert.Certificate c : certs) {
        ks.setCertificateEntry("ca" + i++, (X509Certificate) c);
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(ks);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, tmf.getTrustManagers(), null);
      return ctx;
    } catch (IOException | java.security.GeneralSecurityException e) {
      throw new FetchException(pem + ": not a PEM certificate file (" + e.getMessage() + ")");
    }
  }

  /** The body of a 200 response to GET {@code url}, as UTF-8 text. */
  public String get(URI url) throws FetchException, InterruptedException {
    if (!"https".equalsIgnoreCase(url.getScheme())) {
      throw new FetchException(url + ": only https:// URLs are fetched");
    }
    HttpClient.Builder b =
        HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL);
    if (tls != null) {
      b.sslContext(tls);
    }
    HttpRequest req = HttpRequest.newBuilder(url).timeout(timeout).GET().build();
    try {
      HttpResponse<InputStream> r = b.build().send(req, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = r.body()) {
        if (!"https".equalsIgnoreCase(r.uri().getScheme())) {
          throw new FetchException(url + ": redirected to " + r.uri() + ", which is not https");
        }
        if (r.statusCode() != 200) {
          throw new FetchException(url + ": the server answered HTTP " + r.statusCode());
        }
        return new String(read(in, url), StandardCharsets.UTF_8);
      }
    } catch (javax.net.ssl.SSLException e) {
      throw new FetchException(url + ": TLS failed (" + e.getMessage() + ")");
    } catch (IOException e) {
      String why = e.getMessage() == null ? "" : ": " + e.getMessage();
      throw new FetchException(url + ": cannot fetch (" + e.getClass().getSimpleName() + why + ")");
    }
  }

  private byte[] read(InputStream in, URI url) throws IOException, FetchException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[65536];
    int n;
    while ((n = in.read(buf)) > 0) {
      if (out.size() + (long) n > maxBytes) {
        throw new FetchException(url + ": the answer is larger than " + maxBytes + " bytes");
      }
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }
}
