package dev.zpaaudit.ingest.fortios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zpaaudit.diag.InputException;
import dev.zpaaudit.ingest.ExportScope;
import dev.zpaaudit.model.Firewall;
import dev.zpaaudit.model.Interface;
import dev.zpaaudit.model.Rule;
import org.junit.jupiter.api.Test;

/** A FortiGate with VDOMs: each VDOM is its own firewall, chosen by name. */
class FortiosVdomTest {
  private static final String FILE = "vdoms.conf";

  private static ExportScope vdom(String name) {
    return new ExportScope(null, null, name);
  }

  @Test
  void eachVdomIsReadWithTheInterfacesTheGlobalPartGivesIt() throws Exception {
    FortiosReader.Result read = FortiosFixtures.read(FILE);
    assertThat(read.config().multiVdom()).isTrue();
    assertThat(read.vdomNames()).containsExactly("root", "dmz");
    Firewall root = FortiosFixtures.firewall(FILE, vdom("root"));
    assertThat(root.format()).isEqualTo("FortiOS VDOM 'root'");
    assertThat(root.interfaces())
        .extracting(Interface::name)
        .containsExactly("port1", "port2", "root-dmz0");
    assertThat(root.routes()).hasSize(1);
    assertThat(root.filter(FortiosConversions.POLICY).rules())
        .extracting(Rule::text)
        .containsExactly(
            "policy 1 'to-zpa': srcintf port2 dstintf port1, srcaddr connectors, dstaddr all,"
                + " service HTTPS, action accept");
    Firewall dmz = FortiosFixtures.firewall(FILE, vdom("dmz"));
    assertThat(dmz.interfaces()).extracting(Interface::name).containsExactly("port5");
    assertThat(dmz.filter(FortiosConversions.POLICY).rules())
        .extracting(r -> r.location().line())
        .containsExactly(63);
  }

  @Test
  void aFortiGateWithSeveralVdomsNeedsOneChosen() {
    assertThatThrownBy(() -> FortiosFixtures.firewall(FILE))
        .isInstanceOf(InputException.class)
        .hasMessage(
            "vdoms.conf:1: error: the FortiGate has several VDOMs (root, dmz): choose one with"
                + " --vdom");
    assertThatThrownBy(() -> FortiosFixtures.firewall(FILE, vdom("guest")))
        .hasMessage("vdoms.conf:1: error: no VDOM 'guest'; it has root, dmz");
  }

  @Test
  void aFortiGateWithoutVdomsHasOneNamedRoot() throws Exception {
    FortiosReader.Result read = FortiosFixtures.read("policies.conf");
    assertThat(read.config().multiVdom()).isFalse();
    assertThat(read.vdomNames()).containsExactly("root");
    assertThat(FortiosFixtures.firewall("policies.conf", vdom("root")).format())
        .isEqualTo("FortiOS");
    assertThatThrownBy(() -> FortiosFixtures.firewall("policies.conf", vdom("dmz")))
        .hasMessage("policies.conf:1: error: no VDOM 'dmz'; it has root");
  }
}
