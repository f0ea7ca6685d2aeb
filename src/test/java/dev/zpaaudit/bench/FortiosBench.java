package dev.zpaaudit.bench;

import dev.zpaaudit.checks.network.NetworkChecks;
import dev.zpaaudit.checks.network.Placement;
import dev.zpaaudit.ingest.ExportScope;
import dev.zpaaudit.ingest.ParseResult;
import dev.zpaaudit.ingest.fortios.FortiosConfigGenerator;
import dev.zpaaudit.ingest.fortios.FortiosConversions;
import dev.zpaaudit.ingest.fortios.FortiosReader;
import dev.zpaaudit.ingest.ranges.RangesReader;
import dev.zpaaudit.model.Device;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.Point;
import dev.zpaaudit.model.PortSet;
import dev.zpaaudit.model.PublishedRanges;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Prints how long reading, converting and auditing a generated FortiGate configuration take
 * in-process (10,000 firewall policies, 50,000 addresses): run with {@code bin/bench fortios},
 * which also times the whole {@code audit} process on the same file. Figures, not assertions.
 */
public final class FortiosBench {
  /** The audit options bin/bench gives the whole process; the in-process audit uses the same. */
  static final String CONNECTORS = "10.0.0.0/16";

  static final String RESOLVER = "10.0.0.53";

  private FortiosBench() {}

  /** {@code fortios [FILE]}: the figures; with FILE, the generated config is also written there. */
  public static void main(String[] args) throws Exception {
    String text = new FortiosConfigGenerator(10_000, 50_000, 42).generate();
    if (args.length > 1) {
      Path file = Path.of(args[1]);
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    }
    System.out.printf(
        Locale.ROOT,
        "generated FortiGate configuration: 10000 policies, 50000 addresses, %.1f MB, %d lines%n",
        text.length() / 1e6,
        text.lines().count());
    PublishedRanges ranges = RangesReader.embedded();
    Placement placement =
        new Placement(
                Point.FORWARDED,
                null,
                null,
                List.of(IpSet.parse(CONNECTORS)),
                PortSet.range(1024, 65535),
                List.of())
            .betweenInterfaces("port2", "port1", List.of());
    List<IpSet> resolvers = List.of(IpSet.parse(RESOLVER));
    int runs = 3;
    double[] read = new double[runs];
    double[] convert = new double[runs];
    double[] audit = new double[runs];
    String status = "";
    for (int i = -1; i < runs; i++) {
      long t0 = System.nanoTime();
      FortiosReader.Result r = FortiosReader.parse(text, "generated.conf");
      long t1 = System.nanoTime();
      ParseResult fw = FortiosConversions.convert(r, ExportScope.ALL);
      long t2 = System.nanoTime();
      var results =
          new NetworkChecks(List.of(Device.of(fw.firewall())), ranges, placement).run(resolvers);
      long t3 = System.nanoTime();
      if (i >= 0) {
        read[i] = (t1 - t0) / 1e6;
        convert[i] = (t2 - t1) / 1e6;
        audit[i] = (t3 - t2) / 1e6;
      }
      status =
          String.join(", ", results.stream().map(c -> c.id() + " " + c.status().label()).toList());
    }
    System.out.printf(Locale.ROOT, "read: %s%n", Bench.summary(read));
    System.out.printf(Locale.ROOT, "conversion into the model: %s%n", Bench.summary(convert));
    System.out.printf(
        Locale.ROOT,
        "audit checks (%d ranges, port2 to port1): %s; %s%n",
        ranges.entries().size(),
        Bench.summary(audit),
        status);
  }
}
