package dev.zpaaudit.checks.hosts;

import dev.zpaaudit.diag.Diagnostics;
import dev.zpaaudit.io.Tree;
import dev.zpaaudit.model.SourceLocation;
import dev.zpaaudit.model.host.Platform;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads an instance-type table: {@code aws|gcp|azure: {NAME: {vcpus, memoryGiB, arch?}}}. */
final class InstanceTable {
  /** Bounds far beyond any instance type, so that a typo is an error and not an overflow. */
  private static final BigDecimal MAX_VCPUS = BigDecimal.valueOf(100_000);

  private static final BigDecimal MIN_GIB = new BigDecimal("0.001");
  private static final BigDecimal MAX_GIB = BigDecimal.valueOf(1 << 20);

  private InstanceTable() {}

  static void read(
      String file, Tree.Obj root, Map<Platform, Map<String, InstanceType>> into, Diagnostics d) {
    for (Map.Entry<String, Tree> cloud : root.fields().entrySet()) {
      if (cloud.getKey().equals("schema")) {
        continue;
      }
      Platform p;
      try {
        p = Platform.parse(cloud.getKey());
      } catch (IllegalArgumentException e) {
        p = null;
      }
      if (p == null || !p.publicCloud()) {
        d.error(
            RuleDoc.at(file, cloud.getValue()),
            "unknown cloud '" + cloud.getKey() + "' (expected aws, gcp or azure)");
        continue;
      }
      if (!(cloud.getValue() instanceof Tree.Obj types)) {
        d.error(RuleDoc.at(file, cloud.getValue()), "'" + cloud.getKey() + "' must be a mapping");
        continue;
      }
      Map<String, InstanceType> table = into.computeIfAbsent(p, k -> new LinkedHashMap<>());
      for (Map.Entry<String, Tree> e : types.fields().entrySet()) {
        InstanceType t = row(file, p, e.getKey(), e.getValue(), d);
        if (t != null) {
          table.put(HostRules.Instances.key(p, t.name()), t);
        }
      }
    }
  }

  private static InstanceType row(String file, Platform p, String name, Tree node, Diagnostics d) {
    SourceLocation at = RuleDoc.at(file, node);
    if (!(node instanceof Tree.Obj o)) {
      d.error(at, name + ": expected {vcpus: N, memoryGiB: N}");
      return null;
    }
    for (String k : o.fields().keySet()) {
      if (!k.equals("vcpus") && !k.equals("memoryGiB") && !k.equals("arch")) {
        d.error(at, name + ": unknown key '" + k + "'");
      }
    }
    BigDecimal vcpus = num(o, "vcpus");
    BigDecimal mem = num(o, "memoryGiB");
    String arch =
        o.get("arch").map(t -> t instanceof Tree.Scalar s ? s.text() : null).orElse("x86_64");
    if (vcpus == null
        || mem == null
        || vcpus.signum() <= 0
        || mem.signum() <= 0
        || vcpus.stripTrailingZeros().scale() > 0) {
      d.error(at, name + ": needs a positive whole vcpus and a positive memoryGiB");
      return null;
    }
    if (vcpus.compareTo(MAX_VCPUS) > 0) {
      d.error(at, name + ": vcpus " + vcpus + " is above " + MAX_VCPUS);
      return null;
    }
    if (mem.compareTo(MIN_GIB) < 0 || mem.compareTo(MAX_GIB) > 0) {
      d.error(
          at,
          name
              + ": memoryGiB "
              + mem
              + " is outside "
              + MIN_GIB.toPlainString()
              + " to "
              + MAX_GIB.toPlainString());
      return null;
    }
    return new InstanceType(p, name, vcpus.longValue(), mem.doubleValue(), arch, at);
  }

  private static BigDecimal num(Tree.Obj o, String key) {
    return o.get(key)
        .filter(t -> t instanceof Tree.Scalar s && s.isNumber())
        .map(t -> new BigDecimal(((Tree.Scalar) t).text()))
        .orElse(null);
  }
}
