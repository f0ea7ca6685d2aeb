package dev.zpaaudit.bench;

import dev.zpaaudit.checks.network.NetworkChecks;
import dev.zpaaudit.checks.network.Placement;
import dev.zpaaudit.eval.Cube;
import dev.zpaaudit.eval.Evaluator;
import dev.zpaaudit.eval.IfaceDomain;
import dev.zpaaudit.ingest.iptables.IptablesSaveParser;
import dev.zpaaudit.ingest.ranges.RangesReader;
import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.Bits;
import dev.zpaaudit.model.Device;
import dev.zpaaudit.model.Firewall;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.Point;
import dev.zpaaudit.model.PortSet;
import dev.zpaaudit.model.PublishedRanges;
import dev.zpaaudit.model.SessionState;
import dev.zpaaudit.model.TcpFlags;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Prints performance figures (run with bin/bench): auditing tum-2013 (2,807 rules) against the
 * 1,080 embedded ranges in-process after warm-up, and parsing plus auditing a generated
 * 100,000-rule ruleset, with the heap it needed. Figures, not assertions: timing belongs here, not
 * in unit tests. {@code bin/bench panos} and {@code bin/bench fortios} print a reader's figures
 * instead ({@link PanosBench}, {@link FortiosBench}).
 */
public final class Bench {
  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("panos")) {
      PanosBench.main(args);
      return;
    }
    if (args.length > 0 && args[0].equals("fortios")) {
      FortiosBench.main(args);
      return;
    }
    if (args.length > 0 && args[0].equals("asa")) {
      AsaBench.main(args);
      return;
    }
    PublishedRanges ranges = RangesReader.embedded();
    String tum = Files.readString(Path.of("src/test/resources/corpus/iptables/tum-2013.rules"));
    Firewall fw = new IptablesSaveParser().parse(tum, "tum-2013.rules").firewall();
    for (Point chain : new Point[] {Point.FORWARDED, Point.ORIGINATED}) {
      Placement pl = new Placement(chain, null, null, List.of(), PortSet.range(1024, 65535));
      double[] eng = time(5, 20, () -> engineOnly(fw, ranges, pl));
      System.out.printf(
          Locale.ROOT,
          "tum-2013 (2807 rules) x %d ranges, %s, engine (egress and replies): %s%n",
          ranges.entries().size(),
          chain,
          summary(eng));
      double[] ms =
          time(5, 20, () -> new NetworkChecks(List.of(Device.of(fw)), ranges, pl).run(List.of()));
      System.out.printf(
          Locale.ROOT,
          "tum-2013 (2807 rules) x %d ranges, %s, all checks: %s%n",
          ranges.entries().size(),
          chain,
          summary(ms));
    }
    double[] parse = time(3, 10, () -> new IptablesSaveParser().parse(tum, "tum-2013.rules"));
    System.out.printf(Locale.ROOT, "tum-2013 parse: %s%n", summary(parse));

    String big = generate(100_000, new Random(42));
    System.gc();
    long t0 = System.nanoTime();
    Firewall gen = new IptablesSaveParser().parse(big, "generated.rules").firewall();
    long t1 = System.nanoTime();
    Placement gw =
        new Placement(
            Point.FORWARDED,
            "eth1",
            "eth0",
            List.of(IpSet.parse("10.1.0.0/24")),
            PortSet.range(1024, 65535));
    var results =
        new NetworkChecks(List.of(Device.of(gen)), ranges, gw)
            .run(List.of(IpSet.parse("10.0.0.53")));
    long t2 = System.nanoTime();
    long peak =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
            .mapToLong(p -> p.getPeakUsage().getUsed())
            .sum();
    System.out.printf(
        Locale.ROOT,
        "generated 100000 rules: parse %.0f ms, all checks %.0f ms, total %.0f ms, heap peak %d MB"
            + " (max heap %d MB); zen-egress %s%n",
        (t1 - t0) / 1e6,
        (t2 - t1) / 1e6,
        (t2 - t0) / 1e6,
        peak >> 20,
        Runtime.getRuntime().maxMemory() >> 20,
        results.get(0).status().label());
  }

  /** The engine's part of zen-egress and zen-return: every ZEN packet set through the path. */
  private static int engineOnly(Firewall fw, PublishedRanges ranges, Placement pl) {
    IfaceDomain d = pl.domain(List.of(fw));
    Evaluator ev =
        new Evaluator(
            fw,
            AddressFamily.IPV4,
            d,
            pl.facts(AddressFamily.IPV4, ranges.union(AddressFamily.IPV4)));
    Cube base =
        Cube.all(AddressFamily.IPV4, d)
            .withProto(Bits.of(256, 6))
            .withDport(PortSet.of(443))
            .withSport(pl.ephemeral())
            .withDst(ranges.union(AddressFamily.IPV4))
            .withIif(pl.egressIfaces(d)[0])
            .withOif(pl.egressIfaces(d)[1]);
    int n =
        ev.evaluate(
                List.of(
                    base.withSession(SessionState.set(SessionState.NEW)).withFlags(TcpFlags.syn()),
                    base.withSession(SessionState.set(SessionState.ESTABLISHED_ORIGINAL))
                        .withFlags(TcpFlags.established())),
                pl.egressPath())
            .size();
    Cube reply =
        Cube.all(AddressFamily.IPV4, d)
            .withProto(Bits.of(256, 6))
            .withSport(PortSet.of(443))
            .withDport(pl.ephemeral())
            .withSrc(ranges.union(AddressFamily.IPV4))
            .withIif(pl.returnIfaces(d)[0])
            .withOif(pl.returnIfaces(d)[1])
            .withSession(SessionState.set(SessionState.ESTABLISHED_REPLY))
            .withFlags(TcpFlags.synAck().union(TcpFlags.established()));
    return n + ev.evaluate(List.of(reply), pl.returnPath()).size();
  }

  private static double[] time(int warm, int runs, ThrowingRunnable r) throws Exception {
    for (int i = 0; i < warm; i++) {
      r.call();
    }
    double[] ms = new double[runs];
    for (int i = 0; i < runs; i++) {
      long t = System.nanoTime();
      r.call();
      ms[i] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(ms);
    return ms;
  }

  /** The median, least and greatest of some times in milliseconds. */
  static String summary(double[] times) {
    double[] ms = times.clone();
    Arrays.sort(ms);
    return String.format(
        Locale.ROOT,
        "median %.1f ms (min %.1f, max %.1f, %d runs)",
        ms[ms.length / 2],
        ms[0],
        ms[ms.length - 1],
        ms.length);
  }

  interface ThrowingRunnable {
    Object call() throws Exception;
  }

  /**
   * A gateway ruleset of n rules: FORWARD sends the connectors' traffic through 100 user chains of
   * allow and deny rules on random networks and ports, so every rule is on the audited path.
   */
  static String generate(int n, Random r) {
    StringBuilder sb =
        new StringBuilder(
            "*filter\n:INPUT ACCEPT [0:0]\n:FORWARD DROP [0:0]\n:OUTPUT ACCEPT [0:0]\n");
    int chains = 100;
    for (int c = 0; c < chains; c++) {
      sb.append(":zone").append(c).append(" - [0:0]\n");
    }
    sb.append("-A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT\n");
    for (int c = 0; c < chains; c++) {
      sb.append("-A FORWARD -i eth1 -s 10.0.0.0/8 -j zone").append(c).append('\n');
    }
    int per = (n - chains - 1) / chains;
    List<String> protos = List.of("tcp", "udp");
    for (int c = 0; c < chains; c++) {
      for (int i = 0; i < per; i++) {
        int len = 8 + r.nextInt(25);
        long addr =
            (r.nextLong() & 0xFFFFFFFFL)
                & (len == 0 ? 0 : (0xFFFFFFFFL << (32 - len)) & 0xFFFFFFFFL);
        String dst =
            ((addr >> 24) & 255)
                + "."
                + ((addr >> 16) & 255)
                + "."
                + ((addr >> 8) & 255)
                + "."
                + (addr & 255)
                + "/"
                + len;
        String proto = protos.get(r.nextInt(2));
        int port = r.nextInt(10) == 0 ? 443 : 1 + r.nextInt(65000);
        String target = r.nextInt(4) == 0 ? "DROP" : "ACCEPT";
        sb.append("-A zone")
            .append(c)
            .append(" -d ")
            .append(dst)
            .append(" -p ")
            .append(proto)
            .append(" -m ")
            .append(proto)
            .append(" --dport ")
            .append(port)
            .append(" -j ")
            .append(target)
            .append('\n');
      }
    }
    sb.append("COMMIT\n");
    return sb.toString();
  }
}
