package dev.zpaaudit.ingest.panos;

import dev.zpaaudit.diag.Diagnostic;
import dev.zpaaudit.diag.InputException;
import dev.zpaaudit.io.SafeParsers;
import dev.zpaaudit.io.Tree;
import dev.zpaaudit.model.SourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How security rules that name applications are judged (the rule pack {@code
 * rules/panos-applications.yaml}): for each application listed, the ports whose traffic it is taken
 * to carry, and its default ports (what {@code application-default} means for it).
 */
public record Applications(String file, Map<String, App> apps) {
  public static final String EMBEDDED = "/rules/panos-applications.yaml";

  /** A protocol ("tcp", "udp") and port. */
  public record Port(String protocol, int port) {
    public int number() {
      return protocol.equals("tcp") ? 6 : 17;
    }

    @Override
    public String toString() {
      return protocol + "/" + port;
    }
  }

  /** One application: its default ports and the ports whose traffic it carries. */
  public record App(String name, List<Port> defaultPorts, List<Port> carries) {
    public App {
      defaultPorts = List.copyOf(defaultPorts);
      carries = List.copyOf(carries);
    }
  }

  public Applications {
    apps = Map.copyOf(apps);
  }

  public Optional<App> app(String name) {
    return Optional.ofNullable(apps.get(name));
  }

  private static Applications embedded;

  /** The embedded pack, read once. */
  public static synchronized Applications embedded() {
    if (embedded == null) {
      try (InputStream in = Applications.class.getResourceAsStream(EMBEDDED)) {
        if (in == null) {
          throw new IllegalStateException("the embedded rule pack " + EMBEDDED + " is missing");
        }
        embedded =
            parse(
                new String(in.readAllBytes(), StandardCharsets.UTF_8),
                "embedded:rules/panos-applications.yaml");
      } catch (IOException | InputException e) {
        throw new IllegalStateException("cannot read the embedded rule pack " + EMBEDDED, e);
      }
    }
    return embedded;
  }

  public static Applications parse(String text, String file) throws InputException {
    Tree root = SafeParsers.yaml(text, file);
    Tree.Obj top = obj(root, file, "the pack");
    Tree apps = top.fields().get("applications");
    if (top.fields().size() != 1 || apps == null) {
      throw error(file, line(root), "the pack holds one key, 'applications'");
    }
    Map<String, App> out = new LinkedHashMap<>();
    for (Map.Entry<String, Tree> e : obj(apps, file, "applications").fields().entrySet()) {
      Tree.Obj a = obj(e.getValue(), file, "application '" + e.getKey() + "'");
      for (String k : a.fields().keySet()) {
        if (!k.equals("default-ports") && !k.equals("carries")) {
          throw error(file, line(a), "unknown key '" + k + "' in application '" + e.getKey() + "'");
        }
      }
      out.put(
          e.getKey(),
          new App(
              e.getKey(),
              ports(a.fields().get("default-ports"), file),
              ports(a.fields().get("carries"), file)));
    }
    return new Applications(file, out);
  }

  private static List<Port> ports(Tree t, String file) throws InputException {
    List<Port> out = new ArrayList<>();
    if (t == null) {
      return out;
    }
    if (!(t instanceof Tree.Seq s)) {
      throw error(file, line(t), "expected a list of ports such as [tcp/443]");
    }
    for (Tree item : s.items()) {
      String v = item instanceof Tree.Scalar sc ? String.valueOf(sc.value()) : "";
      String[] p = v.split("/", -1);
      if (p.length != 2
          || !(p[0].equals("tcp") || p[0].equals("udp"))
          || !p[1].matches("\\d{1,5}")
          || Integer.parseInt(p[1]) > 65535) {
        throw error(file, line(item), "'" + v + "' is not a port such as tcp/443 or udp/53");
      }
      out.add(new Port(p[0], Integer.parseInt(p[1])));
    }
    return out;
  }

  private static Tree.Obj obj(Tree t, String file, String what) throws InputException {
    if (t instanceof Tree.Obj o) {
      return o;
    }
    throw error(file, line(t), what + " must be a mapping");
  }

  private static int line(Tree t) {
    if (t instanceof Tree.Obj o) {
      return o.line();
    }
    if (t instanceof Tree.Seq s) {
      return s.line();
    }
    return t instanceof Tree.Scalar sc ? sc.line() : 0;
  }

  private static InputException error(String file, int line, String message) {
    return new InputException(
        new Diagnostic(Diagnostic.Severity.ERROR, new SourceLocation(file, line), message));
  }
}
