package dev.zpaaudit.checks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A finding's fingerprint: the same check of the same inputs has the same one from run to run
 * (whatever its evidence says), so that reports can be compared over time and findings suppressed
 * by it. Every report format uses this one.
 */
public final class Fingerprints {
  private Fingerprints() {}

  /**
   * The fingerprint of a check in a report: its id and the files it judged, sorted (the report's
   * inputs, or in a fleet report its own device's, so that it keeps the fingerprint it had).
   */
  public static String of(CheckResult c, Report r) {
    List<String> files =
        (c.inputs() != null ? c.inputs() : r.inputs().stream().map(Report.Input::file).toList())
            .stream().sorted().toList();
    return sha256("zpa-audit/finding/v1\n" + c.id() + "\n" + String.join("\n", files))
        .substring(0, 32);
  }

  public static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
