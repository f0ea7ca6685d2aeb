package dev.zpaaudit.oracle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/** Counts over the rulesets compared, and the one-line summary of a run. */
final class OracleSummary {
  /** Disagreements printed in a failure message; all of them go to {@code target/oracle}. */
  static final int SHOWN = 10;

  private int rulesets;
  private int flows;
  private int natReplies;
  private int disagreements;
  private int indeterminate;
  private int skipped;
  private int translated;
  private int untranslatedDifferences;
  private final Set<String> errors = new LinkedHashSet<>();
  private final Set<String> skipReasons = new LinkedHashSet<>();

  synchronized void add(OracleComparison.Report r) {
    add(r, false);
  }

  /** Adds a ruleset's report; {@code translated} for a script made by a translator. */
  synchronized void add(OracleComparison.Report r, boolean translatedScript) {
    rulesets++;
    translated += translatedScript ? 1 : 0;
    untranslatedDifferences += r.untranslatedDifferences().size();
    flows += r.flows() - r.unopened();
    natReplies += r.natReplies();
    disagreements += r.disagreements().size();
    indeterminate += r.indeterminate();
  }

  synchronized void skip(String reason) {
    skipped++;
    skipReasons.add(reason);
  }

  /** A ruleset that could not be compared (the test fails with the cause). */
  synchronized void error(String name) {
    errors.add(name);
  }

  synchronized String line() {
    if (rulesets == 0 && skipped > 0) {
      return "kernel-oracle: skipped: " + String.join("; ", skipReasons);
    }
    if (rulesets == 0 && errors.isEmpty()) {
      return "kernel-oracle: skipped: no ruleset was compared";
    }
    return String.format(
            "kernel-oracle: %d rulesets, %d flows compared (%d replies through source NAT),"
                + " %d disagreements,"
                + " %d indeterminate (engine), %d skipped%s",
            rulesets,
            flows,
            natReplies,
            disagreements,
            indeterminate,
            skipped,
            skipReasons.isEmpty() ? "" : " (" + String.join("; ", skipReasons) + ")")
        + (translated == 0
            ? ""
            : "; "
                + translated
                + " translated by iptables-restore-translate, whose twins differ on "
                + untranslatedDifferences
                + " flows through untranslated rules")
        + (errors.isEmpty()
            ? ""
            : ", " + errors.size() + " failed to run: " + String.join(", ", errors));
  }

  /** The failure message for a ruleset with disagreements; writes all of them to a file. */
  static String failure(OracleComparison.Report r) {
    StringBuilder all = new StringBuilder();
    StringBuilder shown = new StringBuilder();
    int n = 0;
    for (OracleComparison.Disagreement d : r.disagreements()) {
      all.append(d.describe()).append('\n');
      if (n++ < SHOWN) {
        shown.append(d.describe()).append('\n');
      }
    }
    Path file = Path.of("target", "oracle", "disagreements-" + r.name() + ".txt");
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, all.toString(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return r.disagreements().size()
        + " disagreements between the engine and the kernel for "
        + r.name()
        + " (all in "
        + file
        + "; first "
        + Math.min(SHOWN, n)
        + " here):\n"
        + shown;
  }
}
