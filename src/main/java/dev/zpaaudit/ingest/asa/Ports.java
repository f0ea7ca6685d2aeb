package dev.zpaaudit.ingest.asa;

import dev.zpaaudit.model.PortSet;

/**
 * Port operators as the ASA writes them: {@code eq}, {@code neq}, {@code lt}, {@code gt}, {@code
 * range}.
 */
final class Ports {
  private Ports() {}

  static PortSet of(String op, AclParser.Words words) throws AclParser.AclError {
    int p = port(words.next("a port"));
    return switch (op) {
      case "eq" -> PortSet.of(p);
      case "neq" -> PortSet.of(p).complement();
      case "lt" -> p == 0 ? PortSet.empty() : PortSet.range(0, p - 1);
      case "gt" -> p == 65535 ? PortSet.empty() : PortSet.range(p + 1, 65535);
      case "range" -> {
        int to = port(words.next("the end of a port range"));
        if (to < p) {
          throw new AclParser.AclError("port range " + p + "-" + to + " is backwards");
        }
        yield PortSet.range(p, to);
      }
      default -> throw new AclParser.AclError("unknown port operator '" + op + "'");
    };
  }

  static int port(String w) throws AclParser.AclError {
    return AsaNames.port(w).orElseThrow(() -> new AclParser.AclError("unknown port '" + w + "'"));
  }
}
