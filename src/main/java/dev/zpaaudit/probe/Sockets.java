package dev.zpaaudit.probe;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Opens TCP connections for the probes: directly, or through an explicit proxy. */
public interface Sockets {
  /**
   * Opens a connection to the target; {@code timeoutMs} bounds the connect and any proxy exchange
   * and becomes the socket's read timeout.
   */
  Socket open(InetSocketAddress target, int timeoutMs) throws IOException;

  /** "direct" or "HTTP CONNECT proxy host:port". */
  String describe();

  static Sockets direct() {
    return new Sockets() {
      @Override
      public Socket open(InetSocketAddress target, int timeoutMs) throws IOException {
        Socket s = new Socket();
        try {
          s.connect(target, timeoutMs);
          s.setSoTimeout(timeoutMs);
          return s;
        } catch (IOException | RuntimeException e) {
          s.close();
          throw e;
        }
      }

      @Override
      public String describe() {
        return "direct";
      }
    };
  }
}
