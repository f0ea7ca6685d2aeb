package dev.zpaaudit.ingest.nftables;

import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.Allowance;
import java.util.List;

/**
 * An allowance as an nft command: one accept rule inserted at the top of the base chain the
 * allowance names ("inet filter forward"), with the destinations as an anonymous set.
 */
public final class NftFix {
  private NftFix() {}

  public static List<String> commands(Allowance a) {
    String ip = a.family() == AddressFamily.IPV4 ? "ip" : "ip6";
    String proto = a.protocol() == 6 ? "tcp" : a.protocol() == 17 ? "udp" : null;
    if (proto == null) {
      return List.of();
    }
    return List.of(
        "nft insert rule "
            + a.attachment()
            + (a.sources().isEmpty() ? "" : " " + ip + " saddr " + set(a.sources()))
            + " "
            + ip
            + " daddr "
            + set(a.destinations())
            + " "
            + proto
            + " dport "
            + a.port()
            + " accept");
  }

  private static String set(List<String> items) {
    return items.size() == 1 ? items.get(0) : "{ " + String.join(", ", items) + " }";
  }
}
