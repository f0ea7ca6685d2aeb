package dev.zpaaudit.probe;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The pins a TLS chain is judged against, by name ({@code "*"} applies to every name without an
 * entry of its own). Read and written by {@link PinsFile}.
 */
public record Pins(String file, Map<String, Entry> entries) {
  /** The name that applies to every name without an entry of its own. */
  public static final String ANY = "*";

  /**
   * Pins for one name.
   *
   * @param spkiSha256 base64 SHA-256 of a certificate's SubjectPublicKeyInfo; matches when a
   *     certificate on the signature-verified path has that key
   * @param caCertificates CA certificates; match when one is on the path or signed its top
   * @param clientCertRequested whether the server asked for a client certificate (null: not
   *     recorded)
   * @param clientIssuers the client-certificate issuers it accepted (empty: not recorded)
   * @param line where the entry starts in the file
   */
  public record Entry(
      String name,
      Set<String> spkiSha256,
      List<X509Certificate> caCertificates,
      Boolean clientCertRequested,
      List<String> clientIssuers,
      int line) {
    public Entry {
      Objects.requireNonNull(name, "name");
      spkiSha256 = Set.copyOf(spkiSha256);
      caCertificates = List.copyOf(caCertificates);
      clientIssuers = List.copyOf(clientIssuers);
    }

    public boolean hasKeys() {
      return !spkiSha256.isEmpty() || !caCertificates.isEmpty();
    }
  }

  public Pins {
    Objects.requireNonNull(file, "file");
    entries = java.util.Collections.unmodifiableMap(new TreeMap<>(entries));
  }

  /** The entry for the name, else the {@code "*"} entry. */
  public Optional<Entry> forName(String name) {
    Entry e = entries.get(name.toLowerCase(Locale.ROOT));
    return Optional.ofNullable(e != null ? e : entries.get(ANY));
  }
}
