package dev.zpaaudit.ingest.panos;

import static dev.zpaaudit.ingest.panos.PanosFixtures.diagnostics;
import static dev.zpaaudit.ingest.panos.PanosFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zpaaudit.diag.Diagnostic;
import dev.zpaaudit.diag.InputException;
import dev.zpaaudit.ingest.panos.PanosSupport.Child;
import dev.zpaaudit.ingest.panos.PanosSupport.Node;
import dev.zpaaudit.ingest.panos.PanosSupport.Support;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PanosSupportTest {
  @Test
  void elementsNotDeclaredAreWarningsAndIgnoredOrEmptyOnesAreNot() throws Exception {
    PanosReader.Result r = read("unknown-elements.xml");
    assertThat(diagnostics(r))
        .containsExactly(
            "unknown-elements.xml:2: warning: 'future-feature' is not modelled (not read in the"
                + " config)",
            "unknown-elements.xml:14: warning: 'color' is not modelled (not read in an address)",
            "unknown-elements.xml:16: warning: 'stray' is not modelled (not read in address)",
            "unknown-elements.xml:18: warning: 'dynamic-user-group' is not modelled (not read in a"
                + " vsys)",
            "unknown-elements.xml:43: warning: 'source-imsi' is not modelled (not read in a"
                + " security rule)");
    assertThat(r.diagnostics())
        .extracting(Diagnostic::kind)
        .containsExactly("future-feature", "color", "stray", "dynamic-user-group", "source-imsi");
    assertThat(r.config().vsys().get(0).rulebase().security()).hasSize(1);
  }

  @Test
  void aDocumentThatIsNotAConfigIsRefused() {
    assertThatThrownBy(
            () -> PanosReader.parse("<response status=\"success\">\n<result/></response>", "x.xml"))
        .isInstanceOf(InputException.class)
        .hasMessage(
            "x.xml:1: error: not a PAN-OS config: the root element is <response>, not"
                + " <config>");
  }

  @Test
  void everyNodeIsReachableFromTheConfigAndEveryReadNodeDeclaresItsChildren() {
    Set<Node> reached = EnumSet.of(Node.CONFIG);
    List<Node> todo = new ArrayList<>(List.of(Node.CONFIG));
    while (!todo.isEmpty()) {
      for (Child c : PanosSupport.children(todo.remove(0))) {
        if (c.support() == Support.READ && reached.add(c.node())) {
          todo.add(c.node());
        }
      }
    }
    assertThat(EnumSet.complementOf(EnumSet.copyOf(reached))).isEmpty();
    for (Node n : Node.values()) {
      if (n != Node.VALUE && n != Node.APPLICATION_FILTER) {
        assertThat(PanosSupport.children(n)).as(n.name()).isNotEmpty();
      }
    }
  }

  @Test
  void theDocumentationNamesEveryUnmodelledAndIgnoredElement() throws Exception {
    String doc = Files.readString(Path.of("docs/panos.md"));
    List<String> missing = new ArrayList<>();
    for (Node n : Node.values()) {
      for (Child c : PanosSupport.children(n)) {
        boolean unmodelled =
            c.support() == Support.UNMODELLED && !doc.contains("`" + c.label() + "`");
        boolean ignored = c.support() == Support.IGNORED && !doc.contains("`" + c.element() + "`");
        if (unmodelled || ignored) {
          missing.add(n + " " + c.element());
        }
      }
    }
    assertThat(missing).isEmpty();
  }
}
