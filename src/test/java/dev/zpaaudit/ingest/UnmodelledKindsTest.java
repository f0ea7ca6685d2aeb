package dev.zpaaudit.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zpaaudit.diag.Diagnostic;
import dev.zpaaudit.ingest.iptables.Ipsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The readers' own warnings about what they do not model each get the kind the text report counts
 * them under: a change of wording that loses the kind fails here.
 */
class UnmodelledKindsTest {
  static List<String> kinds(String file) throws Exception {
    return new Formats(Ipsets.NONE)
        .read(Path.of("src/test/resources/" + file)).diagnostics().stream()
            .filter(d -> d.message().contains("not modelled"))
            .map(Diagnostic::kind)
            .toList();
  }

  @Test
  void iptablesMatchesTargetsAndConntrack() throws Exception {
    assertThat(kinds("iptables/features/unmodelled-matches.rules"))
        .containsExactly(
            "recent",
            "limit",
            "hashlimit",
            "mac",
            "owner",
            "pkttype",
            "mark",
            "connmark",
            "connlimit",
            "addrtype");
    assertThat(kinds("iptables/features/unmodelled-targets.rules"))
        .containsExactly("target NFQUEUE", "target SYNPROXY", "target QUEUE");
    assertThat(kinds("iptables/features/state-conntrack.rules"))
        .containsExactly("conntrack", "conntrack --ctproto of a RELATED connection", "conntrack");
    assertThat(kinds("iptables/features/ipset.rules")).containsOnly("set");
  }

  @Test
  void nftablesExpressions() throws Exception {
    assertThat(kinds("nftables/unmodelled.json"))
        .containsExactly(
            "meta mark", "limit rate", "set @blocked changes while packets pass", "ip dscp");
  }
}
