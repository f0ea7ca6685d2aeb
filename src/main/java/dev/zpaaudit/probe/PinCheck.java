package dev.zpaaudit.probe;

import java.security.cert.X509Certificate;
import java.util.List;

/** Judges a presented chain against a name's pins. */
public final class PinCheck {
  private PinCheck() {}

  /**
   * @param matches whether the signature-verified path holds a pinned key or is signed by a pinned
   *     CA
   * @param how what matched ("SPKI pin of CN=...", "CA certificate CN=...") or why nothing did
   * @param path subjects of the signature-verified path, leaf first
   */
  public record Verdict(boolean matches, String how, List<String> path) {}

  public static Verdict check(List<X509Certificate> chain, Pins.Entry pins) {
    List<X509Certificate> path = Certificates.signedPath(chain);
    List<String> subjects = path.stream().map(Certificates::subject).toList();
    for (X509Certificate c : path) {
      if (pins.spkiSha256().contains(Certificates.spkiSha256(c))) {
        return new Verdict(true, "SPKI pin of " + Certificates.subject(c), subjects);
      }
    }
    X509Certificate top = path.isEmpty() ? null : path.get(path.size() - 1);
    for (X509Certificate ca : pins.caCertificates()) {
      String caKey = Certificates.spkiSha256(ca);
      for (X509Certificate c : path) {
        if (Certificates.spkiSha256(c).equals(caKey)) {
          return new Verdict(true, "pinned CA certificate " + Certificates.subject(ca), subjects);
        }
      }
      if (top != null && Certificates.signedBy(top, ca)) {
        return new Verdict(
            true,
            "pinned CA certificate "
                + Certificates.subject(ca)
                + " signed "
                + Certificates.subject(top),
            subjects);
      }
    }
    return new Verdict(
        false,
        "no certificate on the path ("
            + String.join(" <- ", subjects)
            + ") has a pinned key or is signed by a pinned CA",
        subjects);
  }

  /**
   * The keys worth pinning from a chain seen on a known-good network: the CA certificates on the
   * signature-verified path (they outlive the leaf), or the leaf when it stands alone.
   */
  public static List<X509Certificate> learnable(List<X509Certificate> chain) {
    List<X509Certificate> path = Certificates.signedPath(chain);
    return path.size() > 1 ? path.subList(1, path.size()) : path;
  }
}
