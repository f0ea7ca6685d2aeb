package dev.zpaaudit.bench;

import dev.zpaaudit.checks.network.NetworkChecks;
import dev.zpaaudit.checks.network.Placement;
import dev.zpaaudit.ingest.ParseResult;
import dev.zpaaudit.ingest.asa.AsaConfigGenerator;
import dev.zpaaudit.ingest.asa.AsaConversions;
import dev.zpaaudit.ingest.asa.AsaReader;
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
 * Prints how long reading, converting and auditing a generated ASA configuration take in-process
 * (50,000 ACL lines, 20,000 network objects): run with {@code bin/bench asa}, which also times the
 * whole {@code audit} process on the same file. Figures, not assertions.
 */
public final class AsaBench {
  private AsaBench() {}

  /** {@code asa [FILE]}: the figures; with FILE, the generated config is also written there. */
  public static void main(String[] args) throws Exception {
    String text = new AsaConfigGenerator(50_000, 20_000, 42).generate();
    if (args.length > 1) {
      Path file = Path.of(args[1]);
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    }
    System.out.printf(
        Locale.ROOT,
        "generated ASA configuration: 50000 ACL lines, 20000 objects, %.1f MB, %d lines%n",
        text.length() / 1e6,
        text.lines().count());
    PublishedRanges ranges = RangesReader.embedded();
    Placement placement =
        new Placement(
                Point.FORWARDED,
                null,
                null,
                List.of(IpSet.parse(FortiosBench.CONNECTORS)),
                PortSet.range(1024, 65535),
                List.of())
            .betweenInterfaces("inside", "outside", List.of());
    List<IpSet> resolvers = List.of(IpSet.parse(FortiosBench.RESOLVER));
    int runs = 3;
    double[] read = new double[runs];
    double[] convert = new double[runs];
    double[] audit = new double[runs];
    String status = "";
    for (int i = -1; i < runs; i++) {
      long t0 = System.nanoTime();
      AsaReader.Result r = AsaReader.parse(text, "generated.cfg");
      long t1 = System.nanoTime();
      ParseResult fw = AsaConversions.convert(r);
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
        "audit checks (%d ranges, inside to outside): %s; %s%n",
        ranges.entries().size(),
        Bench.summary(audit),
        status);
  }
}
