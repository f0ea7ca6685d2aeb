package dev.zpaaudit.probe;

import dev.zpaaudit.diag.Diagnostic;
import dev.zpaaudit.diag.Diagnostic.Severity;
import dev.zpaaudit.diag.InputException;
import dev.zpaaudit.io.InputFiles;
import dev.zpaaudit.io.SafeParsers;
import dev.zpaaudit.io.Tree;
import dev.zpaaudit.model.SourceLocation;
import dev.zpaaudit.probe.ProbeRules.ClientCert;
import dev.zpaaudit.probe.ProbeRules.NameRule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads a probe rule pack; every error names file:line. */
public final class ProbeRulesReader {
  /** The embedded default, built from {@code rules/probe.yaml}. */
  public static final String EMBEDDED = "/rules/probe.yaml";

  private static final Set<String> TOP =
      Set.of(
          "version", "port", "names", "vendor-domains", "dns", "tcp", "tls", "ntp", "concurrency");

  private final String file;

  private ProbeRulesReader(String file) {
    this.file = file;
  }

  public static ProbeRules embedded() throws InputException {
    try (InputStream in = ProbeRulesReader.class.getResourceAsStream(EMBEDDED)) {
      if (in == null) {
        throw new IllegalStateException("the embedded rule pack " + EMBEDDED + " is missing");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return parse(text, "embedded:rules/probe.yaml");
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the embedded rule pack", e);
    }
  }

  public static ProbeRules read(Path path) throws InputException {
    return parse(InputFiles.read(path), path.toString());
  }

  public static ProbeRules parse(String text, String file) throws InputException {
    return new ProbeRulesReader(file).rules(SafeParsers.yaml(text, file));
  }

  private ProbeRules rules(Tree root) throws InputException {
    Tree.Obj o = obj(root, "the rule pack");
    for (String k : o.fields().keySet()) {
      if (!TOP.contains(k)) {
        throw error(o.fields().get(k), "unknown key '" + k + "'");
      }
    }
    integer(req(o, "version"), 1, 1);
    Tree.Obj dns = obj(req(o, "dns"), "dns");
    Tree.Obj tcp = obj(req(o, "tcp"), "tcp");
    Tree.Obj tls = obj(req(o, "tls"), "tls");
    Tree.Obj ntp = obj(req(o, "ntp"), "ntp");
    List<String> types = strings(req(dns, "record-types"));
    for (String t : types) {
      if (!t.equals("A") && !t.equals("AAAA")) {
        throw error(req(dns, "record-types"), "record type '" + t + "' is not A or AAAA");
      }
    }
    return new ProbeRules(
        file,
        integer(req(o, "port"), 1, 65535),
        names(req(o, "names")),
        strings(req(o, "vendor-domains")),
        new ProbeRules.Dns(
            types,
            integer(req(dns, "timeout-ms"), 1, 60_000),
            integer(req(dns, "max-cname-depth"), 1, 32)),
        new ProbeRules.Tcp(
            integer(req(tcp, "timeout-ms"), 1, 60_000),
            integer(req(tcp, "sample-per-range"), 0, 16),
            integer(req(tcp, "max-sample"), 0, 10_000),
            integer(req(tcp, "local-reset-ms"), 0, 1000)),
        new ProbeRules.Tls(
            integer(req(tls, "timeout-ms"), 1, 60_000),
            integer(req(tls, "max-addresses-per-name"), 1, 64)),
        new ProbeRules.Ntp(
            strings(req(ntp, "servers")),
            integer(req(ntp, "timeout-ms"), 1, 60_000),
            integer(req(ntp, "max-offset-ms"), 1, Integer.MAX_VALUE)),
        integer(req(o, "concurrency"), 1, 256));
  }

  private List<NameRule> names(Tree t) throws InputException {
    if (!(t instanceof Tree.Seq seq)) {
      throw error(t, "names must be a list");
    }
    List<NameRule> out = new ArrayList<>();
    for (Tree item : seq.items()) {
      Tree.Obj n = obj(item, "a names entry");
      String name = string(req(n, "name"));
      if (!name.matches("[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?")) {
        throw error(req(n, "name"), "not a host name: '" + name + "'");
      }
      String purpose = n.get("purpose").isPresent() ? string(req(n, "purpose")) : "";
      boolean tls = n.get("tls").isEmpty() || bool(req(n, "tls"));
      ClientCert cc = ClientCert.UNKNOWN;
      if (n.get("client-certificate").isPresent()) {
        Tree v = req(n, "client-certificate");
        try {
          cc = ClientCert.valueOf(string(v).toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
          throw error(v, "client-certificate must be expected, not-expected or unknown");
        }
      }
      out.add(new NameRule(name.toLowerCase(Locale.ROOT), purpose, tls, cc, item.line()));
    }
    if (out.isEmpty()) {
      throw error(t, "names must not be empty");
    }
    return out;
  }

  private Tree req(Tree.Obj o, String key) throws InputException {
    return o.get(key).orElseThrow(() -> error(o, "missing key '" + key + "'"));
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

  private boolean bool(Tree t) throws InputException {
    if (t instanceof Tree.Scalar s && s.value() instanceof Boolean b) {
      return b;
    }
    throw error(t, "expected true or false");
  }

  private int integer(Tree t, int min, int max) throws InputException {
    if (t instanceof Tree.Scalar s && s.value() instanceof Number n) {
      long v = n.longValue();
      if (n.doubleValue() == v && v >= min && v <= max) {
        return (int) v;
      }
    }
    throw error(t, "expected a whole number from " + min + " to " + max);
  }

  private List<String> strings(Tree t) throws InputException {
    if (!(t instanceof Tree.Seq seq)) {
      throw error(t, "expected a list of strings");
    }
    List<String> out = new ArrayList<>();
    for (Tree item : seq.items()) {
      out.add(string(item));
    }
    return out;
  }

  private InputException error(Tree at, String message) {
    return new InputException(
        new Diagnostic(Severity.ERROR, new SourceLocation(file, at.line()), message));
  }
}
