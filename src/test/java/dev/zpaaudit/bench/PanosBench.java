package dev.zpaaudit.bench;

import dev.zpaaudit.checks.network.NetworkChecks;
import dev.zpaaudit.checks.network.Placement;
import dev.zpaaudit.ingest.ExportScope;
import dev.zpaaudit.ingest.ParseResult;
import dev.zpaaudit.ingest.panos.Applications;
import dev.zpaaudit.ingest.panos.PanosConfig;
import dev.zpaaudit.ingest.panos.PanosConfigGenerator;
import dev.zpaaudit.ingest.panos.PanosConversions;
import dev.zpaaudit.ingest.panos.PanosReader;
import dev.zpaaudit.ingest.ranges.RangesReader;
import dev.zpaaudit.io.SafeXml;
import dev.zpaaudit.model.Device;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.Point;
import dev.zpaaudit.model.PortSet;
import dev.zpaaudit.model.PublishedRanges;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Prints how long reading a generated PAN-OS firewall config takes (20,000 security rules, 50,000
 * address objects), how long converting it and auditing it take in-process, and the heap reading
 * needs: run with {@code bin/bench panos}, which also times the whole {@code audit} process on the
 * same file. Figures, not assertions.
 */
public final class PanosBench {
  /** The audit options bin/bench gives the whole process; the in-process audit uses the same. */
  static final String CONNECTORS = "10.0.0.0/16";

  static final String RESOLVER = "10.0.0.53";
  static final String FROM_ZONE = "trust";
  static final String TO_ZONE = "untrust";

  private PanosBench() {}

  /** {@code panos [FILE]}: the figures; with FILE, the generated config is also written there. */
  public static void main(String[] args) throws Exception {
    String text = new PanosConfigGenerator(20_000, 50_000, 42).generate();
    if (args.length > 1) {
      Path file = Path.of(args[1]);
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    }
    System.out.printf(
        Locale.ROOT,
        "generated PAN-OS config: 20000 security rules, 50000 addresses, %.1f MB of XML, %d"
            + " lines%n",
        text.length() / 1e6,
        text.lines().count());
    for (int i = 0; i < 2; i++) {
      PanosReader.parse(text, "generated.xml");
    }
    double[] xml = new double[5];
    double[] all = new double[5];
    for (int i = 0; i < xml.length; i++) {
      long t0 = System.nanoTime();
      SafeXml.parse(text, "generated.xml");
      long t1 = System.nanoTime();
      PanosReader.parse(text, "generated.xml");
      long t2 = System.nanoTime();
      xml[i] = (t1 - t0) / 1e6;
      all[i] = (t2 - t1) / 1e6;
    }
    System.out.printf(Locale.ROOT, "safe XML parse: %s%n", Bench.summary(xml));
    System.out.printf(Locale.ROOT, "XML parse and PAN-OS read: %s%n", Bench.summary(all));
    convertAndAudit(text);
    heap(text);
  }

  /**
   * Conversion into the model, and the audit's checks on it (zen-egress, zen-return, dns-egress
   * against the embedded ranges, from zone trust to zone untrust), each timed apart.
   */
  private static void convertAndAudit(String text) throws Exception {
    PanosReader.Result read = PanosReader.parse(text, "generated.xml");
    Applications apps = Applications.embedded();
    PublishedRanges ranges = RangesReader.embedded();
    Placement placement =
        new Placement(
                Point.FORWARDED,
                null,
                null,
                List.of(IpSet.parse(CONNECTORS)),
                PortSet.range(1024, 65535),
                List.of())
            .betweenZones(FROM_ZONE, TO_ZONE, List.of());
    List<IpSet> resolvers = List.of(IpSet.parse(RESOLVER));
    int runs = 3;
    double[] convert = new double[runs];
    double[] audit = new double[runs];
    String status = "";
    for (int i = -1; i < runs; i++) {
      long t0 = System.nanoTime();
      ParseResult fw = PanosConversions.convert(read, ExportScope.ALL, apps);
      long t1 = System.nanoTime();
      var results =
          new NetworkChecks(List.of(Device.of(fw.firewall())), ranges, placement).run(resolvers);
      long t2 = System.nanoTime();
      if (i >= 0) {
        convert[i] = (t1 - t0) / 1e6;
        audit[i] = (t2 - t1) / 1e6;
      }
      status =
          String.join(", ", results.stream().map(r -> r.id() + " " + r.status().label()).toList());
    }
    System.out.printf(Locale.ROOT, "conversion into the model: %s%n", Bench.summary(convert));
    System.out.printf(
        Locale.ROOT,
        "audit checks (%d ranges, from zone %s to zone %s): %s; %s%n",
        ranges.entries().size(),
        FROM_ZONE,
        TO_ZONE,
        Bench.summary(audit),
        status);
  }

  /** The heap a read config keeps, and the peak while reading it once more from cold. */
  private static void heap(String text) throws Exception {
    long before = used();
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      p.resetPeakUsage();
    }
    PanosConfig config = PanosReader.parse(text, "generated.xml").config();
    long peak =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .mapToLong(p -> p.getPeakUsage().getUsed())
            .sum();
    long after = used();
    System.out.printf(
        Locale.ROOT,
        "heap: the read config keeps %d MB (%d rules); peak while reading %d MB, the XML text"
            + " included; max heap %d MB%n",
        (after - before) >> 20,
        config.vsys().get(0).rulebase().security().size(),
        peak >> 20,
        Runtime.getRuntime().maxMemory() >> 20);
  }

  private static long used() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
    }
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }
}
