package dev.zpaaudit.probe;

import dev.zpaaudit.diag.Diagnostic;
import dev.zpaaudit.diag.Diagnostic.Severity;
import dev.zpaaudit.diag.InputException;
import dev.zpaaudit.io.InputFiles;
import dev.zpaaudit.io.SafeParsers;
import dev.zpaaudit.io.Tree;
import dev.zpaaudit.model.SourceLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads and writes the pins file (YAML or JSON; format in docs/probe.md). */
public final class PinsFile {
  private static final Set<String> KEYS =
      Set.of(
          "spki-sha256",
          "ca-certificates",
          "client-certificate-requested",
          "client-certificate-issuers");

  /** What was learnt for one name. */
  public record Learnt(
      String name,
      List<X509Certificate> keys,
      boolean clientCertRequested,
      List<String> clientIssuers) {}

  private final String file;

  private PinsFile(String file) {
    this.file = file;
  }

  public static Pins read(Path path) throws InputException {
    return parse(InputFiles.read(path), path.toString());
  }

  public static Pins parse(String text, String file) throws InputException {
    return new PinsFile(file).pins(SafeParsers.yaml(text, file));
  }

  private Pins pins(Tree root) throws InputException {
    Tree.Obj o = obj(root, "the pins file");
    Tree version = o.get("version").orElseThrow(() -> error(o, "missing key 'version'"));
    if (!(version instanceof Tree.Scalar s) || !"1".equals(s.text())) {
      throw error(version, "version must be 1");
    }
    Tree.Obj names =
        obj(o.get("names").orElseThrow(() -> error(o, "missing key 'names'")), "names");
    Map<String, Pins.Entry> entries = new HashMap<>();
    for (Map.Entry<String, Tree> e : names.fields().entrySet()) {
      String name = e.getKey().toLowerCase(Locale.ROOT);
      entries.put(name, entry(name, obj(e.getValue(), "the entry for " + e.getKey())));
    }
    return new Pins(file, entries);
  }

  private Pins.Entry entry(String name, Tree.Obj o) throws InputException {
    for (Map.Entry<String, Tree> f : o.fields().entrySet()) {
      if (!KEYS.contains(f.getKey())) {
        throw error(f.getValue(), "unknown key '" + f.getKey() + "'");
      }
    }
    Set<String> spki = new LinkedHashSet<>();
    for (Tree t : list(o, "spki-sha256")) {
      String pin = string(t);
      byte[] raw;
      try {
        raw = java.util.Base64.getDecoder().decode(pin);
      } catch (IllegalArgumentException e) {
        raw = new byte[0];
      }
      if (raw.length != 32) {
        throw error(t, "not a base64 SHA-256 pin: '" + pin + "'");
      }
      spki.add(pin);
    }
    List<X509Certificate> cas = new ArrayList<>();
    for (Tree t : list(o, "ca-certificates")) {
      try {
        cas.addAll(Certificates.fromPem(string(t)));
      } catch (CertificateException e) {
        throw error(t, "not a PEM certificate: " + e.getMessage());
      }
    }
    Boolean requested = null;
    if (o.get("client-certificate-requested").isPresent()) {
      Tree t = o.get("client-certificate-requested").get();
      if (!(t instanceof Tree.Scalar s) || !(s.value() instanceof Boolean b)) {
        throw error(t, "expected true or false");
      }
      requested = b;
    }
    List<String> issuers = new ArrayList<>();
    for (Tree t : list(o, "client-certificate-issuers")) {
      issuers.add(string(t));
    }
    if (spki.isEmpty() && cas.isEmpty() && requested == null) {
      throw error(o, "the entry for " + name + " pins nothing");
    }
    return new Pins.Entry(name, spki, cas, requested, issuers.stream().sorted().toList(), o.line());
  }

  private List<Tree> list(Tree.Obj o, String key) throws InputException {
    if (o.get(key).isEmpty()) {
      return List.of();
    }
    if (o.get(key).get() instanceof Tree.Seq s) {
      return s.items();
    }
    throw error(o.get(key).get(), key + " must be a list");
  }

  private Tree.Obj obj(Tree t, String what) throws InputException {
    if (t instanceof Tree.Obj o) {
      return o;
    }
    throw error(t, what + " must be a mapping");
  }

  private String string(Tree t) throws InputException {
    if (t instanceof Tree.Scalar s && s.isString()) {
      return s.text();
    }
    throw error(t, "expected a string");
  }

  private InputException error(Tree at, String message) {
    return new InputException(
        new Diagnostic(Severity.ERROR, new SourceLocation(file, at.line()), message));
  }

  /** Writes learnt pins atomically (a temporary file moved into place). */
  public static void write(Path target, List<Learnt> learnt) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, ".pins-", ".tmp");
    try {
      Files.writeString(tmp, render(learnt), StandardCharsets.UTF_8);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  static String render(List<Learnt> learnt) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        "# zpa-audit TLS pins, learnt by `zpa-audit probe --learn-pins`"
            + " (format: docs/probe.md).\n");
    sb.append("# Learn them only on a network known to be free of TLS interception.\n");
    sb.append("version: 1\nnames:\n");
    for (Learnt l : learnt.stream().sorted(java.util.Comparator.comparing(Learnt::name)).toList()) {
      sb.append("  ").append(quote(l.name())).append(":\n    spki-sha256:\n");
      for (X509Certificate c : l.keys()) {
        sb.append("      # ").append(Certificates.subject(c).replace('\n', ' ')).append('\n');
        sb.append("      - ").append(quote(Certificates.spkiSha256(c))).append('\n');
      }
      sb.append("    client-certificate-requested: ").append(l.clientCertRequested()).append('\n');
      if (!l.clientIssuers().isEmpty()) {
        sb.append("    client-certificate-issuers:\n");
        l.clientIssuers().forEach(i -> sb.append("      - ").append(quote(i)).append('\n'));
      }
    }
    return sb.toString();
  }

  private static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }
}
