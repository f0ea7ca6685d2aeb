package dev.zpaaudit.oracle;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Compares the engine with the kernel for one ruleset, from the command line (see {@code
 * bin/kernel-oracle} and {@code src/test/resources/oracle/README.md}):
 *
 * <pre>
 * kernel-oracle RULES.iptables [--nft SCRIPT.nft | --translate] [--seed N] [--flows N]
 * </pre>
 *
 * <p>Without {@code --nft} the iptables-save (or ip6tables-save) file is loaded into the kernel and
 * read by the engine (both after {@link CorpusSanitizer}); with it, the kernel loads the nft
 * script, the engine reads the kernel's listing of it, and the kernel checks that the save file is
 * its equivalent. With {@code --translate}, the nft script is the save file's translation by {@code
 * iptables-restore-translate} (see {@link NftTranslation}). The save file's family (its header, see
 * {@code SaveFamily}) picks IPv4 or IPv6 flows. Prints every disagreement with the engine's trace,
 * the most common reasons for indeterminate verdicts, and a summary line. Exit status: 0 no
 * disagreement, 1 disagreements, 2 usage error, 3 the lab cannot run here.
 */
public final class KernelOracleMain {
  private KernelOracleMain() {}

  public static void main(String[] args) throws Exception {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    Path rules = null;
    Path nft = null;
    boolean translate = false;
    Long seed = null;
    int flows = OracleComparison.MIN_FLOWS;
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--nft" -> nft = Path.of(args[++i]);
          case "--translate" -> translate = true;
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
      if (translate && nft != null) {
        throw new IllegalArgumentException("--translate and --nft exclude each other");
      }
    } catch (RuntimeException e) {
      err.println("kernel-oracle: " + e.getMessage());
      err.println(
          "usage: kernel-oracle RULES.iptables [--nft SCRIPT.nft | --translate] [--seed N]"
              + " [--flows N]");
      return 2;
    }
    if (translate) {
      int family = OracleCase.file(rules, null, false).family();
      String missing = NftTranslation.missing(family);
      if (missing != null) {
        out.println("kernel-oracle: skipped: " + missing);
        return 3;
      }
    }
    OracleCase c = OracleCase.file(rules, nft, translate);
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
    if (c.translation() != null) {
      for (NftTranslation.Untranslated u : c.translation().untranslated()) {
        out.println("not translated: " + c.engineFile() + ":" + u);
      }
      c.translation().repairs().forEach((k, v) -> out.println("repaired: " + v + "x " + k));
    }
    for (String m : r.untranslatedDifferences()) {
      out.println("twin differs through an untranslated rule: " + m);
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
    summary.add(r, c.translation() != null);
    out.println(summary.line());
    return r.disagreements().isEmpty() && r.translationMismatches().isEmpty() ? 0 : 1;
  }
}
