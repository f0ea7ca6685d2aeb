package dev.zpaaudit.probe;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Test guard: a socket factory that refuses, before sending anything, any non-loopback target. */
final class LoopbackOnly implements Sockets {
  private final Sockets inner;

  LoopbackOnly(Sockets inner) {
    this.inner = inner;
  }

  static void require(InetSocketAddress a) {
    if (!a.getAddress().isLoopbackAddress()) {
      throw new AssertionError("a test tried to reach " + a + ", which is not loopback");
    }
  }

  @Override
  public Socket open(InetSocketAddress target, int timeoutMs) throws IOException {
    require(target);
    return inner.open(target, timeoutMs);
  }

  @Override
  public String describe() {
    return inner.describe();
  }
}
