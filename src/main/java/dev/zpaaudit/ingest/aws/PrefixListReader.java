package dev.zpaaudit.ingest.aws;

import dev.zpaaudit.model.IpSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads prefix lists: the {@code PrefixLists} of describe-managed-prefix-lists (the lists, without
 * their entries) or of describe-prefix-lists (AWS service lists, with their {@code Cidrs}), and the
 * {@code Entries} of get-managed-prefix-list-entries, saved in a file named after the list ({@code
 * pl-0123abcd.json}).
 */
final class PrefixListReader {
  private PrefixListReader() {}

  static Optional<PrefixList> list(Node n) {
    Optional<String> id = n.required("PrefixListId", "a prefix list");
    List<IpSet> cidrs = null;
    if (n.has("Cidrs")) {
      cidrs = new ArrayList<>();
      for (String c : n.texts("Cidrs")) {
        Optional<IpSet> s = c.contains("/") ? IpSet.tryParse(c) : Optional.empty();
        if (s.isEmpty()) {
          n.reading().error(n.lineOf("Cidrs"), "'" + c + "' in Cidrs is not a CIDR block");
        } else {
          cidrs.add(s.get());
        }
      }
    }
    List<IpSet> entries = cidrs;
    return id.map(i -> new PrefixList(i, n.text("PrefixListName").orElse(""), entries, n.at()));
  }

  /** The entries of one list, the blocks of its {@code Entries}. */
  static List<IpSet> entries(List<Node> items) {
    List<IpSet> out = new ArrayList<>();
    for (Node e : items) {
      e.required("Cidr", "a prefix list entry");
      e.cidr("Cidr").ifPresent(out::add);
    }
    return out;
  }
}
