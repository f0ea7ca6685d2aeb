package dev.zpaaudit.ingest.nftables;

import dev.zpaaudit.io.Tree;
import dev.zpaaudit.model.Action;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.PortSet;
import java.util.List;
import java.util.Optional;

/**
 * The source NAT statements of an nft JSON listing: {@code {"snat": {"addr": ..., "port": ...}}}
 * and {@code {"masquerade": {"port": ...}}}. An address or port given as anything but a literal, a
 * range or a prefix (a map lookup, say) leaves the new address unknown.
 */
final class NftNat {
  private NftNat() {}

  static Action.SrcNat sourceNat(String kind, Tree body, String text) {
    Tree.Obj b = body instanceof Tree.Obj o ? o : null;
    Tree port = b == null ? null : b.fields().get("port");
    PortSet ports = port == null ? null : ports(port).orElse(null);
    if (kind.equals("masquerade")) {
      return new Action.SrcNat(text, true, List.of(), ports);
    }
    Optional<IpSet> to = b == null ? Optional.empty() : b.get("addr").flatMap(NftNat::addresses);
    return new Action.SrcNat(text, false, to.map(List::of).orElse(List.of()), ports);
  }

  private static Optional<IpSet> addresses(Tree t) {
    if (t instanceof Tree.Scalar s && s.isString()) {
      return IpSet.tryParse(s.text());
    }
    if (t instanceof Tree.Obj o
        && o.fields().get("range") instanceof Tree.Seq r
        && r.items().size() == 2
        && r.items().get(0) instanceof Tree.Scalar a
        && r.items().get(1) instanceof Tree.Scalar z) {
      return IpSet.tryParse(a.text() + "-" + z.text());
    }
    if (t instanceof Tree.Obj o
        && o.fields().get("prefix") instanceof Tree.Obj p
        && p.fields().get("addr") instanceof Tree.Scalar a
        && p.fields().get("len") instanceof Tree.Scalar len) {
      return IpSet.tryParse(a.text() + "/" + len.text());
    }
    return Optional.empty();
  }

  private static Optional<PortSet> ports(Tree t) {
    try {
      if (t instanceof Tree.Scalar s && s.isNumber()) {
        int p = Integer.parseInt(s.text());
        return valid(p, p);
      }
      if (t instanceof Tree.Obj o
          && o.fields().get("range") instanceof Tree.Seq r
          && r.items().size() == 2
          && r.items().get(0) instanceof Tree.Scalar a
          && r.items().get(1) instanceof Tree.Scalar z) {
        return valid(Integer.parseInt(a.text()), Integer.parseInt(z.text()));
      }
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static Optional<PortSet> valid(int from, int to) {
    return from < 0 || to > PortSet.MAX || from > to
        ? Optional.empty()
        : Optional.of(PortSet.range(from, to));
  }
}
