package dev.zpaaudit.ingest.iptables;

import dev.zpaaudit.model.Action;
import dev.zpaaudit.model.Attachment;
import dev.zpaaudit.model.Bits;
import dev.zpaaudit.model.Condition;
import dev.zpaaudit.model.Filter;
import dev.zpaaudit.model.Firewall;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.PortSet;
import dev.zpaaudit.model.Rule;
import dev.zpaaudit.model.SessionState;
import dev.zpaaudit.model.TcpFlags;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The neutral model as compact text, one line per stage, chain and rule, so that a test can state
 * the whole result of reading a fixture. Negations are shown as "!" plus the smaller complement.
 */
final class ModelText {
  private static final String[] FLAG_NAMES = {
    "FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR"
  };

  private ModelText() {}

  static String of(Firewall fw) {
    StringBuilder sb = new StringBuilder();
    for (Attachment s : fw.attachments()) {
      sb.append("stage ")
          .append(s.point())
          .append(' ')
          .append(s.kind())
          .append(' ')
          .append(s.priority())
          .append(' ')
          .append(s.filter())
          .append('\n');
    }
    for (Filter c :
        fw.filters().values().stream().sorted((a, b) -> a.name().compareTo(b.name())).toList()) {
      sb.append("chain ").append(c.name()).append('\n');
      for (Rule r : c.rules()) {
        sb.append("  ").append(rule(r)).append('\n');
      }
      if (c.defaultRule() != null) {
        sb.append("  ").append(rule(c.defaultRule())).append(" (policy)\n");
      }
    }
    return sb.toString();
  }

  static String rule(Rule r) {
    String m = r.match().stream().map(ModelText::condition).collect(Collectors.joining("; "));
    return r.location().line() + ": " + (m.isEmpty() ? "" : m + " ") + "=> " + action(r.action());
  }

  static String action(Action a) {
    if (a instanceof Action.Accept) {
      return "accept";
    } else if (a instanceof Action.Drop) {
      return "drop";
    } else if (a instanceof Action.Reject r) {
      return "reject(" + r.with() + ")";
    } else if (a instanceof Action.Return) {
      return "return";
    } else if (a instanceof Action.Jump j) {
      return "jump " + j.filter();
    } else if (a instanceof Action.Goto g) {
      return "goto " + g.filter();
    } else if (a instanceof Action.Continue c) {
      return "continue(" + c.name() + ")";
    } else if (a instanceof Action.Untrack) {
      return "notrack";
    } else if (a instanceof Action.SrcNat n) {
      return "srcnat(" + n.name() + ")";
    } else if (a instanceof Action.DestNat n) {
      return "destnat(" + n.name() + ")";
    } else if (a instanceof Action.Unknown u) {
      return "unknown(" + u.reason() + ")";
    }
    throw new IllegalArgumentException(a.toString());
  }

  static String condition(Condition c) {
    if (c instanceof Condition.Src s) {
      return "src " + addrs(s.set());
    } else if (c instanceof Condition.Dst d) {
      return "dst " + addrs(d.set());
    } else if (c instanceof Condition.Proto p) {
      return "proto " + bits(p.protocols());
    } else if (c instanceof Condition.Family f) {
      return "family " + f.family();
    } else if (c instanceof Condition.SrcPort p) {
      return "sport " + ports(p.ports());
    } else if (c instanceof Condition.DstPort p) {
      return "dport " + ports(p.ports());
    } else if (c instanceof Condition.EitherPort p) {
      return "port " + ports(p.ports());
    } else if (c instanceof Condition.Flags f) {
      return "flags " + flags(f.flags());
    } else if (c instanceof Condition.InIface i) {
      return "in " + (i.negated() ? "!" : "") + String.join(",", i.patterns());
    } else if (c instanceof Condition.OutIface o) {
      return "out " + (o.negated() ? "!" : "") + String.join(",", o.patterns());
    } else if (c instanceof Condition.Session ct) {
      return "ct " + states(ct.states());
    } else if (c instanceof Condition.SessionAddr a) {
      return "ct " + a.tuple() + " " + addrs(a.set());
    } else if (c instanceof Condition.SessionPort p) {
      return "ct " + p.tuple() + " port " + ports(p.ports());
    } else if (c instanceof Condition.AddrType t) {
      return "addrtype "
          + (t.source() ? "src " : "dst ")
          + (t.negated() ? "!" : "")
          + t.types().stream().sorted().collect(Collectors.joining(","));
    } else if (c instanceof Condition.AnyOf any) {
      if (any.alternatives().isEmpty()) {
        return "never";
      }
      return "anyof("
          + any.alternatives().stream()
              .map(alt -> alt.stream().map(ModelText::condition).collect(Collectors.joining(" & ")))
              .collect(Collectors.joining(" | "))
          + ")";
    } else if (c instanceof Condition.Not n) {
      return "not("
          + n.of().stream().map(ModelText::condition).collect(Collectors.joining(" & "))
          + ")";
    } else if (c instanceof Condition.Unknown u) {
      return "unknown(" + u.what() + ")";
    }
    throw new IllegalArgumentException(c.toString());
  }

  static String addrs(IpSet s) {
    IpSet not = s.complement();
    return !s.isAll() && not.intervalCount() < s.intervalCount() ? "!" + not : s.toString();
  }

  static String ports(PortSet p) {
    PortSet not = p.complement();
    return !p.isAll() && not.ranges().size() < p.ranges().size() ? "!" + not : p.toString();
  }

  static String bits(Bits b) {
    if (b.cardinality() > b.size() / 2) {
      return "!" + join(b.complement().members());
    }
    return join(b.members());
  }

  static String states(Bits b) {
    List<String> out = new ArrayList<>();
    for (int m : b.members()) {
      out.add(SessionState.values()[m].name());
    }
    return String.join(",", out);
  }

  /**
   * "mask/comparison" when the set is exactly such a test (or its complement); else the members.
   */
  static String flags(Bits b) {
    for (int mask = 0; mask < 256; mask++) {
      for (int cmp = 0; cmp < 256; cmp++) {
        if ((cmp & ~mask) != 0) {
          continue;
        }
        Bits t = TcpFlags.masked(mask, cmp);
        if (t.equals(b)) {
          return flagList(mask) + "/" + flagList(cmp);
        }
        if (t.complement().equals(b)) {
          return "!" + flagList(mask) + "/" + flagList(cmp);
        }
      }
    }
    return join(b.members());
  }

  private static String flagList(int m) {
    if (m == 0) {
      return "NONE";
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      if ((m & (1 << i)) != 0) {
        out.add(FLAG_NAMES[i]);
      }
    }
    return String.join(",", out);
  }

  private static String join(int[] xs) {
    List<String> out = new ArrayList<>();
    for (int x : xs) {
      out.add(Integer.toString(x));
    }
    return "[" + String.join(",", out) + "]";
  }
}
