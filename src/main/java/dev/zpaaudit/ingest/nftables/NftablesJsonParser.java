package dev.zpaaudit.ingest.nftables;

import dev.zpaaudit.diag.Diagnostic;
import dev.zpaaudit.diag.Diagnostics;
import dev.zpaaudit.diag.InputException;
import dev.zpaaudit.ingest.ParseResult;
import dev.zpaaudit.ingest.Parser;
import dev.zpaaudit.io.SafeParsers;
import dev.zpaaudit.io.Tree;
import dev.zpaaudit.model.Firewall;
import java.util.regex.Pattern;

/**
 * Reads {@code nft -j list ruleset} output (libnftables JSON). Each rule is located at the line of
 * its JSON object (pretty-printed exports put each rule on its own lines; in a one-line export all
 * say line 1, and the rule's handle in its text tells them apart).
 */
public final class NftablesJsonParser implements Parser {
  private static final Pattern START = Pattern.compile("\\A\\s*\\{\\s*\"nftables\"\\s*:\\s*\\[");

  @Override
  public String format() {
    return NftConversions.FORMAT;
  }

  @Override
  public boolean accepts(String text) {
    String head = text.length() > 4096 ? text.substring(0, 4096) : text;
    return START.matcher(head.startsWith("\uFEFF") ? head.substring(1) : head).find();
  }

  @Override
  public ParseResult parse(String text, String file) throws InputException {
    Tree root = SafeParsers.json(text, file);
    Diagnostics diags = new Diagnostics();
    NftExport export = new NftReader(file, diags).read(root);
    if (diags.hasErrors()) {
      throw new InputException(diags.errors().stream().sorted(Diagnostic.ORDER).toList());
    }
    Firewall fw = new NftConversions(file, diags).convert(export);
    if (diags.hasErrors()) {
      throw new InputException(diags.errors().stream().sorted(Diagnostic.ORDER).toList());
    }
    return new ParseResult(fw, diags.all());
  }
}
