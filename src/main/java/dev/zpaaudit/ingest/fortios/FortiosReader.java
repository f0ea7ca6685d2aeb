package dev.zpaaudit.ingest.fortios;

import dev.zpaaudit.diag.Diagnostic;
import dev.zpaaudit.diag.Diagnostics;
import dev.zpaaudit.diag.InputException;
import dev.zpaaudit.io.InputFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a FortiGate configuration ({@code show} or {@code show full-configuration} output, or a
 * backup file; FortiOS 6 and 7) into a {@link FortiosConfig}: one VDOM, {@code root}, for a
 * FortiGate without VDOMs, else each entry of {@code config vdom} with the interfaces {@code config
 * global} gives it. A syntax error, an undefined name or a value FortiOS would refuse is an {@link
 * InputException} listing every error at its line; what is read but not modelled is a warning.
 */
public final class FortiosReader {
  /** How a FortiGate configuration starts: its header, or its first block. */
  private static final Pattern START =
      Pattern.compile(
          "\\A(\\s*#[^\\n]*\\n)*\\s*config (system|firewall|global|vdom|router)\\b"
              + "|^#config-version=F",
          Pattern.MULTILINE);

  /** How much of the start of a file {@link #looksLike} looks at. */
  private static final int HEAD = 16 * 1024;

  /** A configuration and what the reader had to say about it, sorted by line. */
  public record Result(FortiosConfig config, List<Diagnostic> diagnostics) {
    public Result {
      diagnostics = List.copyOf(diagnostics);
    }

    /** The names of the VDOMs read, in order. */
    public List<String> vdomNames() {
      return config.vdoms().stream().map(Vdom::name).toList();
    }
  }

  private FortiosReader() {}

  /** Whether the text starts like a FortiGate configuration. */
  public static boolean looksLike(String text) {
    return START.matcher(text.length() > HEAD ? text.substring(0, HEAD) : text).find();
  }

  public static Result read(Path file) throws InputException {
    return parse(InputFiles.read(file), file.toString());
  }

  public static Result parse(String text, String file) throws InputException {
    Diagnostics d = new Diagnostics();
    Reading r = new Reading(file, d);
    ConfigNode.Top top;
    List<String> header;
    {
      // The commands are dropped once the tree is built: a large configuration's would double it.
      CommandTokenizer.Tokens tokens = CommandTokenizer.tokenize(text, file, d);
      failOnErrors(r); // a quote left open swallows the rest of the file: nothing more to say
      header = tokens.header();
      top = ConfigParser.parse(tokens.commands(), file, d);
    }
    failOnErrors(r);
    Optional<ConfigBlock> listed = top.block("vdom");
    List<Vdom> vdoms = new ArrayList<>();
    for (VdomNodes v : vdomNodes(top, listed)) {
      vdoms.add(vdom(r, v, listed.isPresent()));
    }
    ReferenceCheck check = new ReferenceCheck(r);
    vdoms.forEach(check::check);
    failOnErrors(r);
    FortiosConfig config = new FortiosConfig(file, header, listed.isPresent(), vdoms);
    return new Result(config, r.diagnostics());
  }

  private static void failOnErrors(Reading r) throws InputException {
    if (r.hasErrors()) {
      throw new InputException(r.errors());
    }
  }

  /** Each VDOM's own part of the tree and the global part. */
  private static List<VdomNodes> vdomNodes(ConfigNode.Top top, Optional<ConfigBlock> listed) {
    if (listed.isEmpty()) {
      return List.of(new VdomNodes("root", 0, top, top));
    }
    ConfigNode global = top.block("global").map(ConfigNode.class::cast).orElse(top);
    List<VdomNodes> out = new ArrayList<>();
    for (ConfigEntry e : listed.get().entries()) {
      out.add(new VdomNodes(e.name(), e.line(), e, global));
    }
    return out;
  }

  private static Vdom vdom(Reading r, VdomNodes v, boolean multiVdom) {
    NetworkReader network = new NetworkReader(r);
    FortiosSupport.warn(v, r);
    return new Vdom(
        v.name(),
        new ObjectReader(r).read(v),
        PolicyReader.read(v),
        v.own().block(PolicyReader.POLICY).map(ConfigNode::line).orElse(0),
        network.zones(v),
        network.interfaces(v, multiVdom),
        network.routes(v),
        new RoutePolicyReader(r).read(v),
        InspectionReader.read(v),
        FortiosSupport.unread(v),
        v.line());
  }
}
