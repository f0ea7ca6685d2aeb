package dev.zpaaudit.probe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/** An HTTP CONNECT proxy on loopback; it tunnels to loopback only and refuses given ports. */
final class TestProxy implements AutoCloseable {
  private final ServerSocket server;
  private final Set<Integer> refused;
  private volatile boolean closed;

  TestProxy(Set<Integer> refused) throws IOException {
    this.refused = refused;
    server = new ServerSocket(0, 50, TestDnsServer.LOOPBACK);
    TestDnsServer.daemon(this::acceptLoop);
  }

  InetSocketAddress address() {
    return new InetSocketAddress(TestDnsServer.LOOPBACK, server.getLocalPort());
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket s = server.accept();
        TestDnsServer.daemon(() -> serve(s));
      } catch (IOException e) {
        // closed
      }
    }
  }

  private void serve(Socket client) {
    try {
      client.setSoTimeout(3000);
      String head = readHead(client.getInputStream());
      String[] parts = head.split(" ");
      Endpoint target = Endpoint.parse(parts[1], 443);
      OutputStream out = client.getOutputStream();
      if (!parts[0].equals("CONNECT")
          || !target.host().startsWith("127.")
          || refused.contains(target.port())) {
        out.write("HTTP/1.1 403 Forbidden\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        client.close();
        return;
      }
      Socket upstream = new Socket();
      upstream.connect(target.resolve(), 1000);
      upstream.setSoTimeout(3000);
      out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      TestDnsServer.daemon(() -> pump(upstream, client));
      pump(client, upstream);
    } catch (IOException | RuntimeException e) {
      close(client);
    }
  }

  private static void pump(Socket from, Socket to) {
    byte[] buf = new byte[8192];
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
        out.write(buf, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // one side went away
    } finally {
      close(from);
      close(to);
    }
  }

  private static void close(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // already closed
    }
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    while (b.size() < 4096) {
      int c = in.read();
      if (c < 0) {
        break;
      }
      b.write(c);
      String s = b.toString(StandardCharsets.US_ASCII);
      if (s.endsWith("\r\n\r\n")) {
        return s.substring(0, s.indexOf("\r\n"));
      }
    }
    throw new IOException("bad request head");
  }

  @Override
  public void close() throws IOException {
    closed = true;
    server.close();
  }
}
