package dev.zpaaudit.ingest.iptables;

import dev.zpaaudit.diag.Diagnostics;
import dev.zpaaudit.diag.InputException;
import dev.zpaaudit.model.Condition;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Address sets from an {@code ipset save} file. Single-address types (hash:ip, hash:net, bitmap:ip)
 * are modelled, including "nomatch" entries; sets with ports or several dimensions are not.
 */
public final class Ipsets {
  public static final Ipsets NONE = new Ipsets(Map.of(), null);

  record SetDef(String name, String type, int family, IpSet members, int line) {}

  private final Map<String, SetDef> sets;
  private final String file;

  private Ipsets(Map<String, SetDef> sets, String file) {
    this.sets = Map.copyOf(sets);
    this.file = file;
  }

  public static Ipsets parse(String text, String file) throws InputException {
    Diagnostics d = new Diagnostics();
    Map<String, String[]> created = new LinkedHashMap<>();
    Map<String, List<Entry>> members = new LinkedHashMap<>();
    Map<String, Integer> lines = new LinkedHashMap<>();
    String[] ls = text.split("\n", -1);
    for (int i = 0; i < ls.length; i++) {
      String line = ls[i].strip();
      SourceLocation at = new SourceLocation(file, i + 1);
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] w = line.split("\\s+");
      if (w[0].equals("create") && w.length >= 3) {
        int fam = line.contains("family inet6") ? 6 : 4;
        created.put(w[1], new String[] {w[2], Integer.toString(fam)});
        members.put(w[1], new ArrayList<>());
        lines.put(w[1], i + 1);
      } else if (w[0].equals("add") && w.length >= 3) {
        if (!created.containsKey(w[1])) {
          d.error(at, "add to set '" + w[1] + "', which is not created before");
          continue;
        }
        int fam = Integer.parseInt(created.get(w[1])[1]);
        String type = created.get(w[1])[0];
        if (!type.matches("(hash|bitmap):(ip|net)")) {
          continue;
        }
        IpSet s = IpSet.tryParse(w[2]).filter(x -> x.family().version() == fam).orElse(null);
        if (s == null) {
          d.error(at, "'" + w[2] + "' is not an IPv" + fam + " address, network or range");
          continue;
        }
        boolean nomatch = List.of(w).contains("nomatch");
        for (String cidr : s.toCidrs()) {
          int len = Integer.parseInt(cidr.substring(cidr.indexOf('/') + 1));
          members.get(w[1]).add(new Entry(IpSet.parse(cidr), len, nomatch));
        }
      } else {
        d.error(at, "expected 'create NAME TYPE ...' or 'add NAME ENTRY', not '" + line + "'");
      }
    }
    if (d.hasErrors()) {
      throw new InputException(d.errors());
    }
    Map<String, SetDef> out = new LinkedHashMap<>();
    created.forEach(
        (name, t) -> {
          int fam = Integer.parseInt(t[1]);
          out.put(
              name, new SetDef(name, t[0], fam, lookup(fam, members.get(name)), lines.get(name)));
        });
    return new Ipsets(out, file);
  }

  /**
   * One network of a set, as the kernel stores it: a CIDR block, its prefix length, nomatch or not.
   */
  private record Entry(IpSet block, int prefix, boolean nomatch) {}

  /**
   * The addresses a lookup matches. The kernel finds the most specific entry that contains the
   * address; a "nomatch" entry there means no match. Applying the entries from the least to the
   * most specific, each overriding what the wider ones said, gives exactly that.
   */
  private static IpSet lookup(int family, List<Entry> entries) {
    IpSet out = IpSet.empty(family);
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.sort(java.util.Comparator.comparingInt(Entry::prefix));
    for (Entry e : sorted) {
      out = e.nomatch() ? out.minus(e.block()) : out.union(e.block());
    }
    return out;
  }

  /** The condition for "-m set [!] --match-set NAME FLAGS", or Unknown when not modelled. */
  Condition condition(String name, String flags, boolean neg, int family) {
    SetDef s = sets.get(name);
    if (s == null) {
      return new Condition.Unknown(
          "ipset '"
              + name
              + "'"
              + (file == null ? " (no ipset file given: --ipset FILE)" : " (not in " + file + ")"));
    }
    if (!s.type().matches("(hash|bitmap):(ip|net)") || flags.contains(",")) {
      return new Condition.Unknown("ipset '" + name + "' of type " + s.type() + " with " + flags);
    }
    if (s.family() != family) {
      return new Condition.AnyOf(List.of());
    }
    IpSet m = neg ? s.members().complement() : s.members();
    return flags.equals("src") ? new Condition.Src(m) : new Condition.Dst(m);
  }
}
