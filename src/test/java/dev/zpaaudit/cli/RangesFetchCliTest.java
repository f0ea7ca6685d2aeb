package dev.zpaaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.zpaaudit.probe.TestPki;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ranges fetch against an HTTPS server on loopback, with its own certificate authority. */
class RangesFetchCliTest {
  private static HttpsServer server;
  private static Path ca;
  private static String base;

  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    TestPki.Issued root = TestPki.ca("CN=Test Feed CA");
    TestPki.Issued leaf = TestPki.leaf(root, "CN=localhost", "localhost");
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    ks.setKeyEntry(
        "feed",
        leaf.keys().getPrivate(),
        new char[0],
        new Certificate[] {leaf.cert(), root.cert()});
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, new char[0]);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(kmf.getKeyManagers(), null, null);
    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(ctx));
    String feed = Files.readString(Path.of("src/test/resources/seeds/ranges-feed.json"));
    serve("/feed", 200, feed);
    serve("/other-cloud", 200, feed.replace("private.zscaler.com", "zpatwo.net"));
    serve("/html", 200, "<html>maintenance</html>");
    serve("/missing", 404, "not found");
    server.start();
    base = "https://localhost:" + server.getAddress().getPort();
    ca = Files.createTempFile("feed-ca", ".pem");
    Files.writeString(
        ca,
        "-----BEGIN CERTIFICATE-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(root.cert().getEncoded())
            + "\n-----END CERTIFICATE-----\n");
  }

  private static void serve(String path, int code, String body) {
    server.createContext(
        path,
        ex -> {
          byte[] b = body.getBytes(StandardCharsets.UTF_8);
          ex.sendResponseHeaders(code, b.length);
          ex.getResponseBody().write(b);
          ex.close();
        });
  }

  @AfterAll
  static void stop() throws Exception {
    server.stop(0);
    Files.deleteIfExists(ca);
  }

  private CliTest.Run fetch(String path, Path out, String... more) {
    String[] base = {
      "ranges", "fetch", "--url", RangesFetchCliTest.base + path, "-o", out.toString()
    };
    String[] args = new String[base.length + more.length + 2];
    System.arraycopy(base, 0, args, 0, base.length);
    args[base.length] = "--ca-file";
    args[base.length + 1] = ca.toString();
    System.arraycopy(more, 0, args, base.length + 2, more.length);
    return CliTest.run(args);
  }

  @Test
  void aGoodFeedIsWrittenWhole() throws Exception {
    Path out = dir.resolve("zpa.json");
    CliTest.Run r = fetch("/feed", out);
    assertThat(r.code()).as(r.err()).isEqualTo(0);
    assertThat(r.out()).startsWith("wrote " + out + ": ").contains(" connector ranges of cloud");
    assertThat(Files.readString(out)).contains("\"Cloud Name\": \"private.zscaler.com\"");
    assertThat(Files.list(dir)).containsExactly(out);
  }

  @Test
  void aFeedThatFailsTheChecksWritesNothing() throws Exception {
    Path out = dir.resolve("zpa.json");
    CliTest.Run other = fetch("/other-cloud", out);
    assertThat(other.code()).isEqualTo(2);
    assertThat(other.err())
        .contains("the feed names cloud 'zpatwo.net', not 'private.zscaler.com'");
    CliTest.Run html = fetch("/html", out);
    assertThat(html.code()).isEqualTo(2);
    assertThat(html.err()).contains("not the ZPA feed: the answer is not a JSON object");
    assertThat(Files.exists(out)).isFalse();
  }

  @Test
  void aLargeChangeInTheCountIsRefusedUnlessForced() throws Exception {
    Path out = dir.resolve("zpa.txt");
    String old = "10.0.0.0/24\n10.0.1.0/24\n10.0.2.0/24\n10.0.3.0/24\n10.0.4.0/24\n";
    for (int i = 5; i < 20; i++) {
      old += "10.0." + i + ".0/24\n";
    }
    Files.writeString(out, old);
    CliTest.Run r = fetch("/feed", out);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("connector ranges, this file 20: a change of");
    assertThat(Files.readString(out)).isEqualTo(old);
    assertThat(fetch("/feed", out, "--force").code()).isEqualTo(0);
    assertThat(Files.readString(out)).contains("Cloud Name");
  }

  @Test
  void aFeedThatCannotBeFetchedIsExitThree() throws Exception {
    Path out = dir.resolve("zpa.json");
    CliTest.Run missing = fetch("/missing", out);
    assertThat(missing.code()).isEqualTo(3);
    assertThat(missing.err()).contains("the server answered HTTP 404");
    CliTest.Run untrusted =
        CliTest.run("ranges", "fetch", "--url", base + "/feed", "-o", out.toString());
    assertThat(untrusted.code()).isEqualTo(3);
    assertThat(untrusted.err()).contains("TLS failed");
    assertThat(Files.exists(out)).isFalse();
  }

  @Test
  void onlyHttpsIsFetched() {
    CliTest.Run r =
        CliTest.run("ranges", "fetch", "--url", "http://localhost/feed", "-o", "x.json");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo("zpa-audit: --url 'http://localhost/feed' is not an https:// address\n");
  }
}
