package dev.zpaaudit.checks.network;

import dev.zpaaudit.eval.Outcome;
import dev.zpaaudit.eval.Verdict;
import dev.zpaaudit.model.Bits;
import dev.zpaaudit.model.IpSet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The verdict on one flow through devices in series, judged as audit judges a published range: it
 * is denied when some device stops some of its packets on every path, allowed when every device
 * lets them all through on every path, and otherwise indeterminate. {@code dependsOn} says, when
 * the devices' outcomes differ by an interface the placement does not name, which one and how (null
 * otherwise).
 */
public record FlowVerdict(Verdict verdict, String dependsOn) {

  /**
   * The verdict on packets to one address ({@code perDevice}: each device's outcomes, in path
   * order).
   */
  public static FlowVerdict of(
      List<List<Outcome>> perDevice, IpSet dst, List<AskedInterfaces> asked, List<String> devices) {
    Coverage cov = new Coverage(o -> o.packets().dst(), o -> o.packets().src(), asked, devices);
    for (int i = 0; i < perDevice.size(); i++) {
      cov.add(perDevice.get(i), i);
    }
    List<Decision> parts = cov.concerning(dst);
    EveryPath.Result res = EveryPath.of(dst, parts, devices.size());
    Verdict v =
        !res.denied().isEmpty()
            ? Verdict.DENY
            : res.allowed().containsAll(dst) ? Verdict.ALLOW : Verdict.INDETERMINATE;
    return new FlowVerdict(v, dependsOn(perDevice, asked, cov.conditionals(res, parts)));
  }

  /**
   * Why there is more than one outcome: the unnamed interfaces they differ by, with the condition
   * they make if any, and the source ports when --sport was not given; null when there is one.
   */
  private static String dependsOn(
      List<List<Outcome>> perDevice, List<AskedInterfaces> asked, List<Coverage.Conditional> cond) {
    List<String> why = new ArrayList<>();
    String ifs = interfaces(perDevice, asked, cond);
    if (ifs != null) {
      why.add(ifs);
    }
    for (List<Outcome> outcomes : perDevice) {
      if (outcomes.stream().map(o -> o.packets().sport()).distinct().count() > 1) {
        boolean differ = outcomes.stream().map(Outcome::verdict).distinct().count() > 1;
        why.add(
            (differ
                    ? "the verdict depends on the source port"
                    : "the packets meet different rules depending on their source port")
                + ", which --sport did not name");
        break;
      }
    }
    return why.isEmpty() ? null : String.join("; ", why);
  }

  private static String interfaces(
      List<List<Outcome>> perDevice,
      List<AskedInterfaces> askedAt,
      List<Coverage.Conditional> cond) {
    boolean in = false;
    boolean out = false;
    Set<String> inFlags = new LinkedHashSet<>();
    Set<String> outFlags = new LinkedHashSet<>();
    for (int d = 0; d < perDevice.size(); d++) {
      AskedInterfaces asked = askedAt.get(d);
      for (Outcome o : perDevice.get(d)) {
        boolean i = !o.packets().iif().intersect(asked.in()).equals(asked.in());
        boolean u = !o.packets().oif().intersect(asked.out()).equals(asked.out());
        if (i && asked.inFlag() != null) {
          inFlags.add(asked.inFlag());
        }
        if (u && asked.outFlag() != null) {
          outFlags.add(asked.outFlag());
        }
        in |= i;
        out |= u;
      }
    }
    if (!in && !out) {
      return null;
    }
    List<String> which = new ArrayList<>();
    List<String> flags = new ArrayList<>();
    if (in) {
      which.add("arrive by");
      flags.addAll(inFlags);
    }
    if (out) {
      which.add("leave by");
      flags.addAll(outFlags);
    }
    String iface = which.size() > 1 ? "interfaces" : "interface";
    String named =
        ", which "
            + String.join(" and ", flags.stream().filter(f -> f != null).toList())
            + " did not name";
    return cond.isEmpty()
        ? "the packets meet different rules depending on the "
            + iface
            + " they "
            + String.join(" and ", which)
            + named
        : "the verdict depends on the "
            + iface
            + " the packets "
            + String.join(" and ", which)
            + named
            + ": "
            + cond.get(0).text().reason();
  }

  /** How packets with these interfaces differ from all asked about ("leaving by eth0"), or "". */
  public static String interfaces(AskedInterfaces asked, Bits iif, Bits oif) {
    return asked.qualifier(iif, oif);
  }
}
