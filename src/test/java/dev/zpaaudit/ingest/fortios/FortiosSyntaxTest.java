package dev.zpaaudit.ingest.fortios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.zpaaudit.diag.Diagnostic;
import dev.zpaaudit.diag.Diagnostics;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tokenizer and the tree of blocks, entries and settings. */
class FortiosSyntaxTest {
  private static ConfigBlock block(ConfigNode n, String path) {
    return n.block(path).orElseThrow();
  }

  private static ConfigEntry entry(ConfigNode n, String path, String name) {
    return block(n, path).entry(name).orElseThrow();
  }

  @Test
  void headerCommentsAreKeptAndCommentsInsideBlocksSkipped() throws Exception {
    Diagnostics d = new Diagnostics();
    CommandTokenizer.Tokens t =
        CommandTokenizer.tokenize(FortiosFixtures.text("syntax.conf"), "syntax.conf", d);
    assertThat(t.header())
        .containsExactly(
            "#config-version=FGVM64-7.2.5-FW-build1517-230606:opmode=0:vdom=0:user=admin",
            "#conf_file_ver=1",
            "#buildno=1517");
    assertThat(t.commands().get(0))
        .isEqualTo(new Command(4, List.of("config", "system", "global")));
    assertThat(t.commands()).noneMatch(c -> c.verb().startsWith("#"));
    assertThat(d.all()).isEmpty();
    assertThat(FortiosFixtures.read("syntax.conf").config().version()).isEqualTo("7.2.5");
  }

  @Test
  void quotesEscapesAndQuotedWordsOverLineBreaks() throws Exception {
    ConfigNode.Top top = FortiosFixtures.tree("syntax.conf");
    assertThat(block(top, "system global").value("admin-server-cert")).contains("self-sign");
    ConfigEntry two = entry(top, "firewall address", "two words");
    assertThat(two.values("comment")).containsExactly("a \"quoted\" word and a back\\slash");
    assertThat(two.values("subnet")).containsExactly("192.0.2.0", "255.255.255.0");
    assertThat(entry(top, "firewall address", "plain").values("comment"))
        .containsExactly("runs over\ntwo lines");
  }

  @Test
  void appendAddsValuesAndUnsetRemovesASetting() throws Exception {
    ConfigNode.Top top = FortiosFixtures.tree("syntax.conf");
    assertThat(entry(top, "firewall addrgrp", "group").values("member"))
        .containsExactly("two words", "plain");
    ConfigEntry cleared = entry(top, "firewall addrgrp", "cleared");
    assertThat(cleared.setting("comment")).isEmpty();
    assertThat(cleared.values("member")).containsExactly("plain");
  }

  @Test
  void aBlockOpenedAgainEditsItsEntriesInPlace() throws Exception {
    ConfigNode.Top top = FortiosFixtures.tree("syntax.conf");
    ConfigBlock addresses = block(top, "firewall address");
    assertThat(addresses.entries())
        .extracting(ConfigEntry::name, ConfigEntry::line)
        .containsExactly(tuple("two words", 10), tuple("plain", 14), tuple("third", 35));
    ConfigEntry plain = addresses.entry("plain").orElseThrow();
    assertThat(plain.setting("subnet").orElseThrow())
        .isEqualTo(new Setting("subnet", List.of("198.51.100.128", "255.255.255.128"), 33));
    assertThat(plain.values("comment")).containsExactly("runs over\ntwo lines");
  }

  @Test
  void blocksNestInEntries() throws Exception {
    ConfigEntry profile =
        entry(FortiosFixtures.tree("syntax.conf"), "firewall ssl-ssh-profile", "inspect");
    assertThat(block(profile, "https").values("ports")).containsExactly("443", "8443");
    assertThat(block(profile, "ssl-exempt").entries())
        .extracting(e -> e.value("fortiguard-category").orElseThrow())
        .containsExactly("31");
  }

  @Test
  void deleteMoveAndPurgeChangeABlocksEntries() {
    Diagnostics d = new Diagnostics();
    String text =
        """
        config firewall policy
            edit 1
            next
            edit 2
            next
            edit 3
            next
            move 3 before 1
            delete 2
        end
        config firewall address
            edit a
            next
            purge
            edit b
            next
        end
        """;
    ConfigNode.Top top =
        ConfigParser.parse(CommandTokenizer.tokenize(text, "f", d).commands(), "f", d);
    assertThat(block(top, "firewall policy").entries())
        .extracting(ConfigEntry::name)
        .containsExactly("3", "1");
    assertThat(block(top, "firewall address").entries())
        .extracting(ConfigEntry::name)
        .containsExactly("b");
    assertThat(d.all()).isEmpty();
  }

  @Test
  void aCommandPromptBeforeTheOutputIsSkipped() {
    Diagnostics d = new Diagnostics();
    String text = "FGT60F # show full-configuration\nconfig system global\nend\n";
    ConfigNode.Top top =
        ConfigParser.parse(CommandTokenizer.tokenize(text, "f", d).commands(), "f", d);
    assertThat(top.block("system global")).isPresent();
    assertThat(d.all())
        .extracting(Diagnostic::format)
        .containsExactly("f:1: note: a command prompt, skipped");
  }

  @Test
  void nestingIsBounded() {
    Diagnostics d = new Diagnostics();
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < ConfigParser.MAX_DEPTH + 5; i++) {
      text.append("config a").append(i).append('\n');
    }
    ConfigParser.parse(CommandTokenizer.tokenize(text.toString(), "f", d).commands(), "f", d);
    assertThat(d.errors())
        .extracting(Diagnostic::format)
        .containsExactly("f:33: error: blocks nest deeper than 32 levels; reading stops here");
  }
}
