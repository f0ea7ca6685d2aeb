package dev.zpaaudit.ingest.iptables;

import dev.zpaaudit.diag.Diagnostics;
import dev.zpaaudit.ingest.iptables.RuleConverter.Problem;
import dev.zpaaudit.model.Action;
import dev.zpaaudit.model.SourceLocation;
import java.util.List;
import java.util.Set;

/** A rule's target ("-j X" or "-g X") as a neutral action. */
final class Targets {
  /** Targets that let the packet go on to the next rule. */
  static final Set<String> CONTINUING =
      Set.of(
          "LOG",
          "NFLOG",
          "ULOG",
          "TRACE",
          "AUDIT",
          "MARK",
          "CONNMARK",
          "TOS",
          "TTL",
          "HL",
          "DSCP",
          "TCPMSS",
          "CHECKSUM",
          "CLASSIFY",
          "SECMARK",
          "CONNSECMARK",
          "SET",
          "IDLETIMER",
          "LED",
          "RATEEST",
          "TEE",
          "ECN",
          "TCPOPTSTRIP",
          "HMARK",
          "CONNLABEL");

  /** Real targets whose effect is not modelled: the verdict of what reaches them is unknown. */
  static final Set<String> UNMODELLED_TARGETS =
      Set.of(
          "QUEUE",
          "NFQUEUE",
          "SYNPROXY",
          "CLUSTERIP",
          "DNPT",
          "SNPT",
          "MIRROR",
          "SAME",
          "NETLINK",
          "DELUDE",
          "TARPIT",
          "CHAOS",
          "JOOL",
          "JOOL_SIIT");

  private Targets() {}

  /**
   * The action of {@code target} with its options, in {@code table}: a jump or goto to a declared
   * chain, a built-in target, or an unmodelled one (a warning, and an unknown action).
   */
  static Action action(
      IptablesSave.Table table,
      String target,
      boolean isGoto,
      List<String> opts,
      IptablesSave.RuleLine line,
      SourceLocation at,
      Diagnostics diags)
      throws Problem {
    if (table.chains().containsKey(target)
        && (!table.chains().get(target).policy().equals("-")
            || IptablesConversions.hookOf(target) != null)) {
      throw new Problem("cannot jump to built-in chain '" + target + "'");
    }
    if (table.chains().containsKey(target)) {
      String name = table.name() + "/" + target;
      return isGoto ? new Action.Goto(name) : new Action.Jump(name);
    }
    if (isGoto) {
      throw new Problem(
          "goto to chain '" + target + "', which is not declared in table '" + table.name() + "'");
    }
    String all = String.join(" ", opts);
    switch (target) {
      case "ACCEPT":
        return new Action.Accept();
      case "DROP":
        return new Action.Drop();
      case "REJECT":
        return new Action.Reject(
            opts.size() >= 2 && opts.get(0).equals("--reject-with") ? opts.get(1) : "");
      case "RETURN":
        return new Action.Return();
      case "NOTRACK":
        return new Action.Untrack("NOTRACK");
      case "CT":
        return opts.contains("--notrack")
            ? new Action.Untrack("NOTRACK")
            : new Action.Continue("CT " + all);
      case "SNAT", "MASQUERADE":
        return NatTargets.sourceNat(target, opts);
      case "DNAT", "REDIRECT", "TPROXY":
        return new Action.DestNat((target + " " + all).strip());
      case "NETMAP":
        return line.chain().equals("POSTROUTING")
            ? NatTargets.sourceNat("NETMAP", opts)
            : new Action.DestNat("NETMAP " + all);
      default:
        break;
    }
    if (CONTINUING.contains(target)) {
      return new Action.Continue((target + " " + all).strip());
    }
    if (!UNMODELLED_TARGETS.contains(target)) {
      throw new Problem(
          "jump to chain '"
              + target
              + "', which is not declared in table '"
              + table.name()
              + "' (and is no known target)");
    }
    diags.warning(
        at,
        "target '"
            + target
            + "' is not modelled; packets reaching this rule get an indeterminate verdict");
    return new Action.Unknown("target " + target);
  }
}
