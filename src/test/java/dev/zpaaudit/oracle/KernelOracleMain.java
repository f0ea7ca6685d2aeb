package dev.zpaaudit.oracle;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Compares the engine with the kernel for one ruleset, from the command line (see {@code
 * bin/kernel-oracle} and {@code src/test/resources/oracle/README.md}):
 *
 * <pre>
 * kernel-oracle RULES.iptables [--nft SCRIPT.nft] [--seed N] [--flows N]
 * </pre>
 *
 * <p>Without {@code --nft} the iptables-save (or ip6tables-save) file is loaded into the kernel and
 * read by the engine (both after {@link CorpusSanitizer}); with it, the kernel loads the nft
 * script, the engine reads the kernel's listing of it, and the kernel checks that the save file is
 * its equivalent. The save file's family (its header, see {@code SaveFamily}) picks IPv4 or IPv6
 * flows. Prints every disagreement with the engine's trace, the most common reasons for
 * indeterminate verdicts, and a summary line. Exit status: 0 no disagreement, 1 disagreements, 2
 * usage error, 3 the lab cannot run here.
 */
public final class KernelOracleMain {
  private KernelOracleMain() {}

  public static void main(String[] args) throws Exception {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    Path rules = null;
    Path nft = null;
    Long seed = null;
    int flows = OracleComparison.MIN_FLOWS;
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--nft" -> nft = Path.of(args[++i]);
          case "--seed" -> seed = Long.parseLong(args[++i]);
          case "--flows" -> flows = Integer.parseInt(args[++i]);
          default -> {
            if (args[i].startsWith("-") || rules != null) {
              throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            rules = Path.of(args[i]);
          }
        }
      }
      if (rules == null) {
        throw new IllegalArgumentException("no ruleset given");
      }
    } catch (RuntimeException e) {
      err.println("kernel-oracle: " + e.getMessage());
      err.println("usage: kernel-oracle RULES.iptables [--nft SCRIPT.nft] [--seed N] [--flows N]");
      return 2;
    }
    OracleCase c = OracleCase.file(rules, nft);
    String reason =
        (c.family() == 6 ? KernelLab.ipv6UnavailableReason() : KernelLab.unavailableReason())
            .orElse(null);
    if (reason != null) {
      out.println(
          "kernel-oracle: skipped: kernel lab unavailable"
              + (c.family() == 6 ? " for IPv6: " : ": ")
              + reason);
      return 3;
    }
    OracleComparison.Report r;
    try (KernelLab lab = new KernelLab()) {
      r = OracleComparison.run(lab, c, seed == null ? c.seed() : seed, flows);
    }
    for (String m : r.translationMismatches()) {
      out.println("not equivalent in the kernel: " + m);
    }
    for (OracleComparison.Disagreement d : r.disagreements()) {
      out.println(d.describe());
    }
    for (String why : r.topReasons()) {
      out.println("indeterminate: " + why);
    }
    out.println(r.summary());
    OracleSummary summary = new OracleSummary();
    summary.add(r);
    out.println(summary.line());
    return r.disagreements().isEmpty() && r.translationMismatches().isEmpty() ? 0 : 1;
  }
}
