package dev.zpaaudit.ingest.nftables;

import dev.zpaaudit.diag.InputException;
import dev.zpaaudit.ingest.ParseResult;
import dev.zpaaudit.model.Bits;
import dev.zpaaudit.model.Condition;
import dev.zpaaudit.model.Filter;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.PortSet;
import dev.zpaaudit.model.Rule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The fixtures: real {@code nft -j list ruleset} output (see
 * src/test/resources/nftables/README.md).
 */
final class NftFixtures {
  static final String DIR = "src/test/resources/nftables/";

  private NftFixtures() {}

  static ParseResult parse(String name) throws IOException, InputException {
    String file = DIR + name;
    return new NftablesJsonParser().parse(Files.readString(Path.of(file)), file);
  }

  static Rule rule(ParseResult r, String chain, int index) {
    Filter c = r.firewall().filter(chain);
    if (c == null) {
      throw new AssertionError("no chain " + chain + " in " + r.firewall().filters().keySet());
    }
    return c.rules().get(index);
  }

  static Condition proto(int... p) {
    return new Condition.Proto(Bits.of(256, p));
  }

  static Condition dport(PortSet p) {
    return new Condition.DstPort(p);
  }

  static Condition src(String cidr) {
    return new Condition.Src(IpSet.parse(cidr));
  }

  static Condition dst(String cidr) {
    return new Condition.Dst(IpSet.parse(cidr));
  }

  static List<String> lines(ParseResult r, String chain) {
    return r.firewall().filter(chain).rules().stream()
        .map(x -> x.location().line() + " " + x.text())
        .toList();
  }
}
