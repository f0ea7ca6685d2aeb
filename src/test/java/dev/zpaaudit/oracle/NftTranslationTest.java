package dev.zpaaudit.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zpaaudit.ingest.iptables.Ipsets;
import dev.zpaaudit.ingest.iptables.IptablesSaveParser;
import dev.zpaaudit.model.Firewall;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The text side of {@link NftTranslation}: no translator and no nft needed. */
class NftTranslationTest {
  private static final String SAVE =
      """
      *raw
      :PREROUTING ACCEPT [0:0]
      -A PREROUTING -p tcp -m tcp --dport 21 -j CT --helper ftp
      COMMIT
      *filter
      :INPUT ACCEPT [0:0]
      :limit - [0:0]
      -A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
      -A INPUT -j limit
      -A limit -m recent --set --name ssh --rsource
      -A limit -s 10.0.0.0/8 -j ACCEPT
      -A limit -m recent --update --seconds 60 --hitcount 3 --name ssh --rsource -j DROP
      COMMIT
      """;

  private static final String SCRIPT =
      """
      # Translated by iptables-restore-translate v1.8.9 on Fri Dec  4 23:16:29 2026
      add table ip raw
      add chain ip raw PREROUTING { type filter hook prerouting priority -300; policy accept; }
      # -t raw -A PREROUTING -p tcp -m tcp --dport 21 -j CT --helper ftp
      add table ip filter
      add chain ip filter INPUT { type filter hook input priority 0; policy accept; }
      add chain ip filter limit
      add rule ip filter INPUT ct state related,established counter accept
      add rule ip filter INPUT counter jump limit
      # -t filter -A limit -m recent --set --name ssh --rsource
      add rule ip filter limit ip saddr 10.0.0.0/8 counter accept
      # -t filter -A limit -m recent --update --seconds 60 --hitcount 3 --name ssh --rsource -j DROP
      # Completed on Fri Dec  4 23:16:29 2026
      """;

  @Test
  void matchesEachUntranslatedRuleToItsLineChainByChain() {
    assertThat(NftTranslation.untranslated(SAVE, SCRIPT))
        .containsExactly(
            new NftTranslation.Untranslated(
                3, "-A PREROUTING -p tcp -m tcp --dport 21 -j CT --helper ftp"),
            new NftTranslation.Untranslated(10, "-A limit -m recent --set --name ssh --rsource"),
            new NftTranslation.Untranslated(
                12,
                "-A limit -m recent --update --seconds 60 --hitcount 3 --name ssh --rsource -j"
                    + " DROP"));
  }

  /** A twin difference is set aside only where the engine's outcome on the twin names the rule. */
  @Test
  void findsTheUntranslatedRuleInTheTwinsOutcome() throws Exception {
    Firewall fw = new IptablesSaveParser(4, Ipsets.NONE).parse(SAVE, "t.rules").firewall();
    Flow outside = Flow.tcp("192.0.2.1", 40000, "10.9.9.9", 22).withHook(Flow.Hook.INPUT);
    Flow inside = Flow.tcp("10.0.0.1", 40000, "10.9.9.9", 22).withHook(Flow.Hook.INPUT);
    Flow reply = outside.withKind(Flow.Kind.REPLY);
    List<Flow> flows =
        List.of(outside.via("eth0", null), inside.via("eth0", null), reply.via(null, "eth0"));
    EngineVerdicts engine = new EngineVerdicts(fw, 4, flows, name -> null);
    Set<Integer> untranslated = Set.of(3, 10, 12);
    // from outside 10/8: the "recent --update" DROP may decide (a doubt)
    assertThat(OracleComparison.named(engine.verdict(flows.get(0)).outcome(), untranslated))
        .isEqualTo(12);
    // from inside: accepted before that rule; a reply: accepted in INPUT before the jump
    assertThat(OracleComparison.named(engine.verdict(flows.get(1)).outcome(), untranslated))
        .isZero();
    assertThat(OracleComparison.named(engine.verdict(flows.get(2)).outcome(), untranslated))
        .isZero();
  }

  @Test
  void refusesATranslationWhoseRulesDoNotLineUpWithTheSaveText() {
    String missingRule = SCRIPT.replace("add rule ip filter limit ip saddr", "# dropped ip saddr");
    assertThatThrownBy(() -> NftTranslation.untranslated(SAVE, missingRule))
        .isInstanceOf(IllegalStateException.class);
    String fewer = SCRIPT.replace("add rule ip filter INPUT counter jump limit\n", "");
    assertThatThrownBy(() -> NftTranslation.untranslated(SAVE, fewer))
        .hasMessageContaining("filter INPUT");
  }

  @Test
  void renamesAKeywordChainWhereverItIsNamedAsAChain() {
    String script =
        """
        add chain ip filter reject
        add chain ip filter reject_
        add rule ip filter INPUT counter goto reject
        add rule ip filter INPUT tcp dport 22 counter jump reject
        add rule ip filter reject ip protocol tcp reject with tcp reset
        add rule ip filter reject counter reject
        """;
    Map<String, Integer> repairs = new LinkedHashMap<>();
    assertThat(NftTranslation.renameChains(script, Set.of("reject"), repairs))
        .isEqualTo(
            """
            add chain ip filter reject__
            add chain ip filter reject_
            add rule ip filter INPUT counter goto reject__
            add rule ip filter INPUT tcp dport 22 counter jump reject__
            add rule ip filter reject__ ip protocol tcp reject with tcp reset
            add rule ip filter reject__ counter reject
            """);
    assertThat(repairs).isEqualTo(Map.of(NftTranslation.KEYWORD_CHAIN, 1));
  }

  @Test
  void givesAnotherDefinitionOfAMeterNameAMeterOfItsOwn() {
    String script =
        """
        add rule ip filter icmp meter m- { ip saddr limit rate over 1000/second } counter drop
        add rule ip filter icmp meter m- { ip saddr limit rate over 125/second } counter drop
        add rule ip filter icmp meter m- { ip saddr limit rate over 1000/second } counter drop
        add rule ip filter icmp meter m- { ip saddr limit rate over 125/second } counter drop
        add rule ip other icmp meter m- { ip saddr limit rate over 125/second } counter drop
        """;
    Map<String, Integer> repairs = new LinkedHashMap<>();
    assertThat(NftTranslation.splitMeters(script, repairs).lines().toList())
        .extracting(l -> l.split(" ")[6])
        .isEqualTo(List.of("m-", "m-_2", "m-", "m-_2", "m-"));
    assertThat(repairs).isEqualTo(Map.of(NftTranslation.SHARED_METER, 1));
  }
}
