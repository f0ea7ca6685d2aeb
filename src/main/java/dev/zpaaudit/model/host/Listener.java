package dev.zpaaudit.model.host;

import java.util.Objects;

/** A listening TCP socket: local address (as text) and port. */
public record Listener(String address, int port) implements Comparable<Listener> {
  public Listener {
    Objects.requireNonNull(address, "address");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }

  /** Listening only on a loopback address, so not reachable from the network. */
  public boolean loopback() {
    return address.startsWith("127.") || address.equals("::1");
  }

  @Override
  public String toString() {
    return (address.contains(":") ? "[" + address + "]" : address) + ":" + port;
  }

  @Override
  public int compareTo(Listener o) {
    int c = Integer.compare(port, o.port);
    return c != 0 ? c : address.compareTo(o.address);
  }
}
