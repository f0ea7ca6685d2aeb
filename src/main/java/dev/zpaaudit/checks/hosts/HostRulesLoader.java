package dev.zpaaudit.checks.hosts;

import dev.zpaaudit.checks.Severity;
import dev.zpaaudit.diag.Diagnostics;
import dev.zpaaudit.diag.InputException;
import dev.zpaaudit.io.InputFiles;
import dev.zpaaudit.io.SafeParsers;
import dev.zpaaudit.io.Tree;
import dev.zpaaudit.model.SourceLocation;
import dev.zpaaudit.model.host.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads {@link HostRules}: {@code rules/hosts.yaml} from the jar, then named profiles ({@code
 * rules/profiles/NAME.yaml}), then rule files given by the user, each overriding keys of the ones
 * before; and the instance-type table, plus optional extra tables. Every error names file:line.
 */
public final class HostRulesLoader {
  public static final String BASE = "rules/hosts.yaml";
  public static final String INSTANCE_TYPES = "rules/instance-types.yaml";
  public static final List<String> PROFILES = List.of("strict", "ram-8gb");

  private HostRulesLoader() {}

  /** The spec's defaults. */
  public static HostRules load() throws InputException {
    return load(List.of(), List.of(), List.of());
  }

  /**
   * @param profiles names from {@link #PROFILES}, applied in order
   * @param ruleFiles user overlays of hosts.yaml, applied after the profiles
   * @param instanceTypeFiles extra instance-type tables, whose rows add to or replace the built-in
   */
  public static HostRules load(
      List<String> profiles, List<Path> ruleFiles, List<Path> instanceTypeFiles)
      throws InputException {
    Diagnostics d = new Diagnostics();
    List<RuleDoc.Layer> layers = new ArrayList<>();
    layers.add(new RuleDoc.Layer(BASE, obj(resource(BASE), BASE)));
    for (String p : profiles) {
      if (!PROFILES.contains(p)) {
        throw new IllegalArgumentException(
            "unknown profile '" + p + "' (expected one of " + String.join(", ", PROFILES) + ")");
      }
      String name = "rules/profiles/" + p + ".yaml";
      layers.add(new RuleDoc.Layer(name, obj(resource(name), name)));
    }
    for (Path f : ruleFiles) {
      layers.add(new RuleDoc.Layer(f.toString(), obj(InputFiles.read(f), f.toString())));
    }
    RuleDoc doc = new RuleDoc(layers, d);
    Map<Platform, Map<String, InstanceType>> table = new EnumMap<>(Platform.class);
    InstanceTable.read(INSTANCE_TYPES, obj(resource(INSTANCE_TYPES), INSTANCE_TYPES), table, d);
    for (Path f : instanceTypeFiles) {
      InstanceTable.read(f.toString(), obj(InputFiles.read(f), f.toString()), table, d);
    }
    HostRules rules = build(doc, table, profiles, d);
    if (d.hasErrors()) {
      throw new InputException(d.errors());
    }
    return rules;
  }

  private static HostRules build(
      RuleDoc doc,
      Map<Platform, Map<String, InstanceType>> table,
      List<String> profiles,
      Diagnostics d) {
    var memory =
        new HostRules.Memory(
            doc.number("memory.minimumGiB", 0.001),
            doc.number("memory.kernelReservePercent", 0),
            doc.bool("memory.acceptRecommendedTypes"));
    var cpu =
        new HostRules.Cpu(
            doc.count("cpu.physicalCores", 1),
            doc.count("cpu.vmVcpus", 1),
            doc.count("cpu.awsGcpVcpus", 1),
            doc.count("cpu.azureBeforeV3Cores", 1),
            doc.count("cpu.azureV3Vcpus", 1),
            doc.bool("cpu.requireAesNi"),
            doc.optionalCount("cpu.minimumPassmark", 0));
    Map<Platform, Param<List<String>>> rec = new EnumMap<>(Platform.class);
    for (Platform p : List.of(Platform.AWS, Platform.GCP, Platform.AZURE)) {
      Param<List<String>> l = doc.strings("instanceTypes.recommended." + p.label());
      if (l != null) {
        rec.put(p, l);
      }
    }
    var instances = new HostRules.Instances(rec, doc.bool("instanceTypes.azureOrLater"), table);
    var disk =
        new HostRules.Disk(
            doc.number("disk.minimumGiB", 0.001),
            doc.text("disk.installPath"),
            doc.number("disk.filesystemOverheadPercent", 0),
            doc.bool("disk.requireThin"));
    var sizing =
        new HostRules.Sizing(
            table(doc, d),
            doc.count("throughput.spares", 0),
            doc.count("throughput.largeConnectorVcpus", 1));
    var platform =
        new HostRules.PlatformRules(
            doc.strings("platform.architectures"),
            doc.bool("platform.requireSystemd"),
            doc.bool("platform.requireStaticMac"),
            doc.bool("platform.requireRootOrSudo"));
    var hardening =
        new HostRules.Hardening(
            ports(doc, d),
            doc.count("osHardening.maxPackageAgeDays", 0),
            UnsupportedOsList.read(doc, d));
    Map<String, Severity> sev = severities(doc, d);
    Param<Long> nic = doc.count("nic.minimum", 1);
    if (d.hasErrors()) {
      return null;
    }
    return new HostRules(
        profiles, memory, cpu, instances, disk, nic, sizing, platform, hardening, sev);
  }

  private static Param<List<Long>> ports(RuleDoc doc, Diagnostics d) {
    Param<List<String>> p = doc.strings("osHardening.allowedListeningPorts");
    if (p == null) {
      return null;
    }
    List<Long> out = new ArrayList<>();
    for (String s : p.value()) {
      try {
        long v = Long.parseLong(s);
        if (v < 1 || v > 65535) {
          throw new NumberFormatException();
        }
        out.add(v);
      } catch (NumberFormatException e) {
        d.error(p.at(), "'osHardening.allowedListeningPorts': '" + s + "' is not a port (1-65535)");
      }
    }
    return new Param<>(p.name(), out, p.at());
  }

  private static ThroughputTable table(RuleDoc doc, Diagnostics d) {
    RuleDoc.Located l = doc.find("throughput.table");
    if (l == null) {
      return null;
    }
    if (!(l.node() instanceof Tree.Seq seq)) {
      d.error(l.at(), "'throughput.table' must be a list of {doubleEncryptionPercent, mbps}");
      return null;
    }
    List<ThroughputTable.Point> points = new ArrayList<>();
    for (Tree t : seq.items()) {
      Tree.Obj o = t instanceof Tree.Obj x ? x : null;
      Double pct =
          o == null
              ? null
              : o.get("doubleEncryptionPercent")
                  .map(v -> doc.number(l.file(), v, "doubleEncryptionPercent"))
                  .orElse(null);
      Double mbps =
          o == null ? null : o.get("mbps").map(v -> doc.number(l.file(), v, "mbps")).orElse(null);
      if (pct == null || mbps == null) {
        d.error(
            RuleDoc.at(l.file(), t), "a throughput point needs doubleEncryptionPercent and mbps");
        return null;
      }
      points.add(new ThroughputTable.Point(pct, mbps));
    }
    try {
      return new ThroughputTable(points, l.at());
    } catch (IllegalArgumentException e) {
      d.error(l.at(), "'throughput.table': " + e.getMessage());
      return null;
    }
  }

  private static Map<String, Severity> severities(RuleDoc doc, Diagnostics d) {
    Map<String, Severity> out = new LinkedHashMap<>();
    RuleDoc.Located l = doc.find("severities");
    if (l != null && l.node() instanceof Tree.Obj o) {
      for (String id : HostChecks.IDS) {
        String name = "severities." + id;
        Param<String> s = doc.text(name);
        if (s == null) {
          continue;
        }
        try {
          out.put(id, Severity.parse(s.value()));
        } catch (IllegalArgumentException e) {
          d.error(s.at(), "'" + name + "': " + e.getMessage());
        }
      }
      o.fields().keySet().stream()
          .filter(k -> !HostChecks.IDS.contains(k))
          .forEach(
              k ->
                  d.error(
                      RuleDoc.at(l.file(), o.fields().get(k)),
                      "unknown check id '" + k + "' in severities"));
    }
    return out;
  }

  static String resource(String name) throws InputException {
    try (InputStream in = HostRulesLoader.class.getResourceAsStream("/" + name)) {
      if (in == null) {
        throw new IllegalStateException("built-in rule file missing from the jar: " + name);
      }
      return InputFiles.decode(in.readAllBytes(), new SourceLocation(name, 0));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read built-in " + name, e);
    }
  }

  static Tree.Obj obj(String text, String file) throws InputException {
    Tree t = SafeParsers.yaml(text, file);
    if (t instanceof Tree.Obj o) {
      return o;
    }
    throw new InputException(
        new dev.zpaaudit.diag.Diagnostic(
            dev.zpaaudit.diag.Diagnostic.Severity.ERROR,
            new SourceLocation(file, Math.max(0, t.line())),
            "expected a mapping at the top level"));
  }
}
