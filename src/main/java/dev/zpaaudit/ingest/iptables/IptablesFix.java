package dev.zpaaudit.ingest.iptables;

import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.Allowance;
import java.util.ArrayList;
import java.util.List;

/**
 * An allowance as iptables commands: one ACCEPT rule per source and destination block, inserted at
 * the top of the built-in chain the allowance names ("filter/FORWARD"), so that it takes effect
 * before every rule of that chain and of the chains it jumps to.
 */
public final class IptablesFix {
  private IptablesFix() {}

  public static List<String> commands(Allowance a) {
    String tool = a.family() == AddressFamily.IPV4 ? "iptables" : "ip6tables";
    int slash = a.attachment().indexOf('/');
    String table = a.attachment().substring(0, slash);
    String chain = a.attachment().substring(slash + 1);
    String proto = a.protocol() == 6 ? "tcp" : a.protocol() == 17 ? "udp" : "" + a.protocol();
    List<String> sources = a.sources().isEmpty() ? List.of("") : a.sources();
    List<String> out = new ArrayList<>();
    for (String src : sources) {
      for (String dst : a.destinations()) {
        out.add(
            tool
                + " -t "
                + table
                + " -I "
                + chain
                + " 1"
                + (src.isEmpty() ? "" : " -s " + src)
                + " -d "
                + dst
                + " -p "
                + proto
                + " --dport "
                + a.port()
                + " -j ACCEPT");
      }
    }
    return out;
  }
}
