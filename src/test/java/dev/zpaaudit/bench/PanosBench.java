package dev.zpaaudit.bench;

import dev.zpaaudit.ingest.panos.PanosConfig;
import dev.zpaaudit.ingest.panos.PanosConfigGenerator;
import dev.zpaaudit.ingest.panos.PanosReader;
import dev.zpaaudit.io.SafeXml;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import java.util.Locale;

/**
 * Prints how long reading a generated PAN-OS firewall config takes (20,000 security rules, 50,000
 * address objects) and the heap it needs: run with {@code bin/bench panos}. Figures, not
 * assertions.
 */
public final class PanosBench {
  private PanosBench() {}

  public static void main(String[] args) throws Exception {
    String text = new PanosConfigGenerator(20_000, 50_000, 42).generate();
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
    System.out.printf(Locale.ROOT, "safe XML parse: %s%n", summary(xml));
    System.out.printf(Locale.ROOT, "XML parse and PAN-OS read: %s%n", summary(all));
    heap(text);
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

  private static String summary(double[] ms) {
    double[] sorted = ms.clone();
    Arrays.sort(sorted);
    return String.format(
        Locale.ROOT,
        "median %.0f ms (min %.0f, max %.0f, %d runs)",
        sorted[sorted.length / 2],
        sorted[0],
        sorted[sorted.length - 1],
        sorted.length);
  }
}
