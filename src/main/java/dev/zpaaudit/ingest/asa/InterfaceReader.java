package dev.zpaaudit.ingest.asa;

import java.util.ArrayList;
import java.util.List;

/** Reads an {@code interface} block. */
final class InterfaceReader {
  private InterfaceReader() {}

  static AsaInterface read(Block b) throws AclParser.AclError {
    String hardware = b.head().size() > 1 ? b.head().get(1) : "";
    String nameif = null;
    int level = 0;
    boolean shutdown = false;
    List<String> addresses = new ArrayList<>();
    for (Block.Line l : b.body()) {
      List<String> w = l.words();
      switch (w.get(0)) {
        case "nameif" -> nameif = w.size() > 1 ? w.get(1) : null;
        case "security-level" ->
            level = w.size() > 1 && w.get(1).matches("\\d{1,3}") ? Integer.parseInt(w.get(1)) : 0;
        case "shutdown" -> shutdown = true;
        case "ip" -> {
          if (w.size() >= 4 && w.get(1).equals("address") && Masks.length(w.get(3)) >= 0) {
            addresses.add(w.get(2) + "/" + Masks.length(w.get(3)));
          }
        }
        case "ipv6" -> {
          if (w.size() >= 3 && w.get(1).equals("address") && w.get(2).contains("/")) {
            addresses.add(w.get(2));
          }
        }
        default -> {
          // description, duplex, management-only...: nothing a check depends on
        }
      }
    }
    boolean tunnel = hardware.toLowerCase(java.util.Locale.ROOT).startsWith("tunnel");
    return new AsaInterface(hardware, nameif, level, addresses, shutdown, tunnel, b.line());
  }
}
