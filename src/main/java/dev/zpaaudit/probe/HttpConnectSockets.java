package dev.zpaaudit.probe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Connections through an HTTP proxy with CONNECT, as a connector set to use a proxy makes them. */
public final class HttpConnectSockets implements Sockets {
  /** The longest proxy response head read. */
  static final int MAX_HEAD = 8192;

  private final InetSocketAddress proxy;
  private final Sockets direct = Sockets.direct();

  public HttpConnectSockets(InetSocketAddress proxy) {
    this.proxy = proxy;
  }

  public InetSocketAddress proxy() {
    return proxy;
  }

  @Override
  public String describe() {
    return "HTTP CONNECT proxy " + Endpoint.format(proxy);
  }

  @Override
  public Socket open(InetSocketAddress target, int timeoutMs) throws IOException {
    Socket s;
    try {
      s = direct.open(proxy, timeoutMs);
    } catch (IOException e) {
      throw new ProxyException(
          "cannot reach the proxy " + Endpoint.format(proxy) + ": " + Outcomes.describe(e), false);
    }
    try {
      String authority = Endpoint.format(target);
      OutputStream out = s.getOutputStream();
      out.write(
          ("CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String status = readHead(s.getInputStream());
      String[] parts = status.split(" ", 3);
      if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
        throw new ProxyException("the proxy answered CONNECT with '" + status + "'", true);
      }
      if (!parts[1].equals("200")) {
        throw new ProxyException("the proxy refused CONNECT " + authority + ": " + status, true);
      }
      return s;
    } catch (IOException | RuntimeException e) {
      s.close();
      if (e instanceof java.net.SocketTimeoutException) {
        throw new ProxyException(
            "the proxy did not answer CONNECT within " + timeoutMs + " ms", true);
      }
      throw e;
    }
  }

  /** Reads the response head byte by byte (nothing of the tunnel is consumed); returns line 1. */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new ProxyException("the proxy closed the connection during CONNECT", true);
      }
      if (head.size() >= MAX_HEAD) {
        throw new ProxyException(
            "the proxy's CONNECT response is longer than " + MAX_HEAD + " bytes", true);
      }
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    return text.substring(0, text.indexOf("\r\n")).trim();
  }
}
