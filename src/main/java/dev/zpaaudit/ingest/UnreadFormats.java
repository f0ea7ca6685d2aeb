package dev.zpaaudit.ingest;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Exports of formats that are recognised but not read yet, told apart by their first lines, so an
 * unsupported file is named instead of being "unknown".
 */
final class UnreadFormats {
  /** How much of the start of a file the tests look at. */
  private static final int HEAD = 16 * 1024;

  private static final Pattern NFT_TEXT =
      Pattern.compile(
          "^\\s*(table\\s+((ip|ip6|inet|arp|bridge|netdev)\\s+)?[\\w.-]+\\s*\\{|flush\\s+ruleset\\b)",
          Pattern.MULTILINE);
  private static final Pattern AZURE =
      Pattern.compile("\"Microsoft\\.Network/|schema\\.management\\.azure\\.com");

  /** A format by what the user is told it looks like, and the test of a file's start. */
  private record Lookalike(String looksLike, Predicate<String> test) {}

  private static final List<Lookalike> KNOWN =
      List.of(
          new Lookalike(
              "an Azure resource export (JSON) other than a network security group", json(AZURE)));

  private UnreadFormats() {}

  /** Why the file cannot be read, when it looks like a known format that is not read yet. */
  static Optional<String> describe(String text) {
    String head = text.length() > HEAD ? text.substring(0, HEAD) : text;
    if (!head.stripLeading().startsWith("{") && NFT_TEXT.matcher(head).find()) {
      return Optional.of(
          "looks like `nft list ruleset` text, which is not read: use `nft -j list ruleset`");
    }
    return KNOWN.stream()
        .filter(k -> k.test().test(head))
        .findFirst()
        .map(k -> "looks like " + k.looksLike() + ", which is not read yet");
  }

  private static Predicate<String> json(Pattern keys) {
    return h -> {
      String s = h.stripLeading();
      return (s.startsWith("{") || s.startsWith("[")) && keys.matcher(s).find();
    };
  }
}
