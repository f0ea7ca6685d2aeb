package dev.zpaaudit.ingest.panos;

import dev.zpaaudit.model.Allowance;
import java.util.ArrayList;
import java.util.List;

/**
 * An allowance as PAN-OS configuration-mode commands: an address object per destination block, a
 * static group of them, and a security rule allowing the connectors to the group on the port
 * (service-https for 443), moved to the top of the rulebase so it takes effect before the rules
 * that deny. The same blocks, one per line, make an external dynamic list instead of the objects.
 */
public final class PanosFix {
  /** The name of the group and of the rule the commands create. */
  public static final String GROUP = "zpa-published-ranges";

  public static final String RULE = "allow-zpa-connectors";

  private PanosFix() {}

  /**
   * The text of an external dynamic list (type IP list) of the missing ranges, one a line: hosted
   * where the firewall fetches it, and named as the rule's destination instead of the group.
   */
  public static List<String> edl(Allowance a) {
    return List.copyOf(a.destinations());
  }

  public static List<String> commands(Allowance a) {
    List<String> out = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (String cidr : a.destinations()) {
      String name = "zpa-" + cidr.replace('/', '_').replace(':', '-');
      names.add(name);
      out.add("set address " + name + " ip-netmask " + cidr);
    }
    out.add("set address-group " + GROUP + " static [ " + String.join(" ", names) + " ]");
    String service = a.protocol() == 6 && a.port() == 443 ? "service-https" : "any";
    out.add(
        "set rulebase security rules "
            + RULE
            + " from "
            + (a.from() == null ? "any" : a.from())
            + " to "
            + (a.to() == null ? "any" : a.to())
            + " source "
            + (a.sources().isEmpty() ? "any" : "[ " + String.join(" ", a.sources()) + " ]")
            + " destination "
            + GROUP
            + " application any service "
            + service
            + " action allow");
    out.add("move rulebase security rules " + RULE + " top");
    return out;
  }
}
