package dev.zpaaudit.ingest.asa;

import java.util.List;

/**
 * An {@code interface} block: its hardware name, {@code nameif} (null without one), {@code
 * security-level} (0 when not set), addresses as {@code ADDRESS/LENGTH}, whether it is shut down
 * and whether it is a tunnel ({@code interface TunnelN}), and its line.
 */
record AsaInterface(
    String hardware,
    String nameif,
    int securityLevel,
    List<String> addresses,
    boolean shutdown,
    boolean tunnel,
    int line) {
  AsaInterface {
    addresses = List.copyOf(addresses);
  }
}
