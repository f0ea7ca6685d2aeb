package dev.zpaaudit.ingest.squid;

import dev.zpaaudit.diag.Diagnostic;
import dev.zpaaudit.diag.Diagnostics;
import dev.zpaaudit.diag.InputException;
import dev.zpaaudit.ingest.ParseResult;
import dev.zpaaudit.io.InputFiles;
import dev.zpaaudit.model.SourceLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a Squid configuration's TLS interception: {@code acl} lines (values inline or from a quoted
 * file, looked up beside the configuration when the path written does not exist), {@code ssl_bump}
 * rules and the ports that bump. Directives that do not bear on it are passed over, as Squid has
 * hundreds; a malformed {@code acl}, an {@code ssl_bump} with an unknown action or naming an
 * undefined ACL, and a missing ACL file are errors at their lines.
 */
public final class SquidReader {
  private static final Pattern LOOKS =
      Pattern.compile("^\\s*(http_port|https_port|ssl_bump|http_access)\\s", Pattern.MULTILINE);

  static final Set<String> ACTIONS =
      Set.of(
          "peek", "stare", "splice", "bump", "terminate", "client-first", "server-first", "none");

  /** The ACLs Squid defines itself. */
  static final Set<String> PREDEFINED =
      Set.of("all", "manager", "localhost", "to_localhost", "to_linklocal");

  private final Path file;
  private final Diagnostics d = new Diagnostics();
  private final Map<String, SquidConfig.Acl> acls = new LinkedHashMap<>();
  private final List<SquidConfig.BumpRule> rules = new ArrayList<>();
  private boolean explicit;
  private boolean intercept;

  private SquidReader(Path file) {
    this.file = file;
  }

  public static boolean looksLike(String text) {
    return LOOKS.matcher(text.length() > 65536 ? text.substring(0, 65536) : text).find();
  }

  public static ParseResult parse(String text, Path file) throws InputException {
    SquidReader r = new SquidReader(file);
    SquidConfig c = r.read(text);
    if (r.d.hasErrors()) {
      List<Diagnostic> errors = new ArrayList<>(r.d.errors());
      errors.sort(Diagnostic.ORDER);
      throw new InputException(errors);
    }
    return SquidConversions.convert(c, r.d.all());
  }

  private SquidConfig read(String text) {
    int n = 0;
    List<String[]> bump = new ArrayList<>();
    List<Integer> bumpLines = new ArrayList<>();
    for (String raw : text.split("\n", -1)) {
      n++;
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] w = line.split("\\s+");
      switch (w[0]) {
        case "acl" -> acl(w, n);
        case "ssl_bump" -> {
          bump.add(w);
          bumpLines.add(n);
        }
        case "http_port", "https_port" -> port(w);
        default -> {
          // every other directive: no bearing on which TLS is decrypted
        }
      }
    }
    for (int i = 0; i < bump.size(); i++) {
      bumpRule(bump.get(i), bumpLines.get(i));
    }
    return new SquidConfig(file.toString(), acls, rules, explicit, intercept);
  }

  private void port(String[] w) {
    boolean bumps = false;
    boolean intercepted = false;
    for (String x : w) {
      bumps |= x.equals("ssl-bump");
      intercepted |= x.equals("intercept") || x.equals("tproxy") || x.equals("transparent");
    }
    if (bumps) {
      intercept |= intercepted || w[0].equals("https_port");
      explicit |= !intercepted && w[0].equals("http_port");
    }
  }

  private void acl(String[] w, int line) {
    if (w.length < 3) {
      error(line, "acl needs a name and a type");
      return;
    }
    List<String> values = new ArrayList<>();
    for (int i = 3; i < w.length; i++) {
      String v = w[i];
      if (v.equals("-i") || v.equals("-n") || v.equals("+i")) {
        continue;
      }
      if (v.startsWith("\"") && v.endsWith("\"") && v.length() > 2) {
        values.addAll(sideFile(v.substring(1, v.length() - 1), line));
      } else {
        values.add(v);
      }
    }
    SquidConfig.Acl old = acls.get(w[1]);
    if (old != null && !old.type().equals(w[2])) {
      error(line, "acl " + w[1] + " is of type " + old.type() + ", not " + w[2]);
      return;
    }
    if (old != null) {
      values.addAll(0, old.values());
    }
    acls.put(w[1], new SquidConfig.Acl(w[1], w[2], values, old == null ? line : old.line()));
  }

  /** The values of an ACL file, one a line, {@code #} starting a comment. */
  private List<String> sideFile(String name, int line) {
    Path p = Path.of(name);
    Path beside = file.toAbsolutePath().getParent().resolve(p.getFileName());
    Path found = Files.isRegularFile(p) ? p : Files.isRegularFile(beside) ? beside : null;
    if (found == null) {
      error(
          line,
          "ACL file "
              + name
              + " does not exist (nor "
              + beside.getFileName()
              + " beside the configuration)");
      return List.of();
    }
    List<String> out = new ArrayList<>();
    try {
      for (String l : InputFiles.read(found).split("\n")) {
        String t = l.strip();
        if (!t.isEmpty() && !t.startsWith("#")) {
          out.add(t);
        }
      }
    } catch (InputException e) {
      error(line, "ACL file " + found + " cannot be read");
    }
    return out;
  }

  private void bumpRule(String[] w, int line) {
    if (w.length < 2 || !ACTIONS.contains(w[1])) {
      error(
          line,
          "ssl_bump needs an action (peek, stare, splice, bump, terminate), not '"
              + (w.length < 2 ? "" : w[1])
              + "'");
      return;
    }
    List<SquidConfig.AclRef> refs = new ArrayList<>();
    for (int i = 2; i < w.length; i++) {
      boolean neg = w[i].startsWith("!");
      String name = neg ? w[i].substring(1) : w[i];
      if (!PREDEFINED.contains(name) && !acls.containsKey(name)) {
        error(line, "ssl_bump names acl '" + name + "', which is not defined");
      }
      refs.add(new SquidConfig.AclRef(name, neg));
    }
    rules.add(new SquidConfig.BumpRule(w[1], refs, String.join(" ", w), line));
  }

  private void error(int line, String message) {
    d.error(new SourceLocation(file.toString(), line), message);
  }
}
