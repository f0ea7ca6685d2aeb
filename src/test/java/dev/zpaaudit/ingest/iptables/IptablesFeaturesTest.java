package dev.zpaaudit.ingest.iptables;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zpaaudit.diag.Diagnostic;
import dev.zpaaudit.ingest.ParseResult;
import dev.zpaaudit.model.AddressFamily;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One small export per feature of iptables-save, read into the neutral model and stated whole: the
 * stages, every chain with its rules (line: conditions => action) and policy, and every diagnostic.
 * See {@link ModelText} for the notation.
 */
class IptablesFeaturesTest {
  static final Path DIR = Path.of("src/test/resources/iptables/features");
  static Ipsets SETS;

  @BeforeAll
  static void sets() throws Exception {
    SETS = Ipsets.parse(Files.readString(DIR.resolve("ipset.ipset")), "ipset.ipset");
  }

  static ParseResult read(String name, Ipsets sets) throws Exception {
    return new IptablesSaveParser(4, sets).parse(Files.readString(DIR.resolve(name)), name);
  }

  static void assertModel(String name, Ipsets sets, String model, String... diagnostics)
      throws Exception {
    ParseResult r = read(name, sets);
    assertThat(ModelText.of(r.firewall())).as(name).isEqualTo(model);
    assertThat(r.diagnostics())
        .extracting(Diagnostic::format)
        .as(name)
        .containsExactly(diagnostics);
    assertThat(r.firewall().source()).isEqualTo(name);
    assertThat(r.firewall().format()).isEqualTo("iptables-save");
  }

  @Test
  void commentQuotes() throws Exception {
    assertModel(
        "comment-quotes.rules",
        Ipsets.NONE,
        """
        stage DELIVERED FILTER 0 filter/INPUT
        stage FORWARDED FILTER 0 filter/FORWARD
        stage ORIGINATED FILTER 0 filter/OUTPUT
        chain filter/FORWARD
          3: => accept (policy)
        chain filter/INPUT
          2: => accept (policy)
        chain filter/OUTPUT
          5: proto [6]; proto [6]; dport 443 => accept
          6: => continue(LOG --log-prefix out drop:  --log-level 4)
          7: => accept
          4: => accept (policy)
        """);
  }

  @Test
  void continuingTargets() throws Exception {
    assertModel(
        "continuing-targets.rules",
        Ipsets.NONE,
        """
        stage ARRIVING FILTER -150 mangle/PREROUTING
        stage DELIVERED FILTER -150 mangle/INPUT
        stage FORWARDED FILTER -150 mangle/FORWARD
        stage ORIGINATED FILTER -150 mangle/OUTPUT
        stage LEAVING FILTER -150 mangle/POSTROUTING
        chain mangle/FORWARD
          4: => accept (policy)
        chain mangle/INPUT
          3: => accept (policy)
        chain mangle/OUTPUT
          7: => continue(LOG --log-prefix zpa:  --log-level 6)
          8: => continue(NFLOG --nflog-group 5)
          9: => continue(MARK --set-xmark 0x2/0xffffffff)
          10: => continue(CONNMARK --save-mark --nfmask 0xffffffff --ctmask 0xffffffff)
          11: => continue(DSCP --set-dscp 0x2e)
          12: out eth0 => continue(no target)
          5: => accept (policy)
        chain mangle/POSTROUTING
          6: => accept (policy)
        chain mangle/PREROUTING
          2: => accept (policy)
        """);
  }

  @Test
  void counters() throws Exception {
    assertModel(
        "counters.rules",
        Ipsets.NONE,
        """
        stage DELIVERED FILTER 0 filter/INPUT
        stage FORWARDED FILTER 0 filter/FORWARD
        stage ORIGINATED FILTER 0 filter/OUTPUT
        chain filter/FORWARD
          4: => drop (policy)
        chain filter/INPUT
          6: proto [6]; proto [6]; dport 22 => accept
          7: => drop
          3: => accept (policy)
        chain filter/OUTPUT
          5: => accept (policy)
        """);
  }

  @Test
  void filterPolicies() throws Exception {
    assertModel(
        "filter-policies.rules",
        Ipsets.NONE,
        """
        stage DELIVERED FILTER 0 filter/INPUT
        stage FORWARDED FILTER 0 filter/FORWARD
        stage ORIGINATED FILTER 0 filter/OUTPUT
        chain filter/FORWARD
          4: => drop (policy)
        chain filter/INPUT
          6: in lo => accept
          3: => drop (policy)
        chain filter/OUTPUT
          7: out eth0 => drop
          5: => accept (policy)
        """);
  }

  @Test
  void fragment() throws Exception {
    assertModel(
        "fragment.rules",
        Ipsets.NONE,
        """
        stage DELIVERED FILTER 0 filter/INPUT
        stage FORWARDED FILTER 0 filter/FORWARD
        stage ORIGINATED FILTER 0 filter/OUTPUT
        chain filter/FORWARD
          3: => accept (policy)
        chain filter/INPUT
          5: never => drop
          6: => accept
          2: => accept (policy)
        chain filter/OUTPUT
          4: => accept (policy)
        """);
  }

  @Test
  void icmp() throws Exception {
    assertModel(
        "icmp.rules",
        Ipsets.NONE,
        """
        stage DELIVERED FILTER 0 filter/INPUT
        stage FORWARDED FILTER 0 filter/FORWARD
        stage ORIGINATED FILTER 0 filter/OUTPUT
        chain filter/FORWARD
          3: => accept (policy)
        chain filter/INPUT
          5: proto [1]; proto [1]; sport 8; dport 0-255 => accept
          6: proto [1]; proto [1]; sport 3; dport 4 => accept
          7: proto [1]; proto [1]; sport 11; dport 0-255 => accept
          8: proto [1]; proto [1]; sport 3; dport 4 => accept
          9: proto [1]; proto [1]; anyof(sport 1-65535 | sport 0 & dport 256-65535) => drop
          10: proto [1]; proto [1] => accept
          2: => accept (policy)
        chain filter/OUTPUT
          4: => accept (policy)
        """);
  }

  @Test
  void interfaces() throws Exception {
    assertModel(
        "interfaces.rules",
        Ipsets.NONE,
        """
        stage DELIVERED FILTER 0 filter/INPUT
        stage FORWARDED FILTER 0 filter/FORWARD
        stage ORIGINATED FILTER 0 filter/OUTPUT
        chain filter/FORWARD
          5: in eth+; out ppp0 => accept
          6: in !lo; out !wg+ => drop
          7: in !eth1; out !tun+ => drop
          3: => accept (policy)
        chain filter/INPUT
          2: => accept (policy)
        chain filter/OUTPUT
          4: => accept (policy)
        """);
  }

  @Test
  void iprange() throws Exception {
    assertModel(
        "iprange.rules",
        Ipsets.NONE,
        """
        stage DELIVERED FILTER 0 filter/INPUT
        stage FORWARDED FILTER 0 filter/FORWARD
        stage ORIGINATED FILTER 0 filter/OUTPUT
        chain filter/FORWARD
          3: => accept (policy)
        chain filter/INPUT
          2: => accept (policy)
        chain filter/OUTPUT
          5: src 10.0.0.1/32,10.0.0.2/31,10.0.0.4/30,10.0.0.8/31 => accept
          6: dst !198.51.100.0/25 => drop
          7: src 10.0.0.5/32; dst 10.1.0.0/16 => accept
          4: => accept (policy)
        """);
  }

  @Test
  void ipset() throws Exception {
    assertModel(
        "ipset.rules",
        SETS,
        """
        stage DELIVERED FILTER 0 filter/INPUT
        stage FORWARDED FILTER 0 filter/FORWARD
        stage ORIGINATED FILTER 0 filter/OUTPUT
        chain filter/FORWARD
          3: => accept (policy)
        chain filter/INPUT
          2: => accept (policy)
        chain filter/OUTPUT
          5: dst 198.51.100.0/25,198.51.100.192/26,203.0.113.7/32 => accept
          6: src !10.0.0.1/32,10.0.0.3/32 => drop
          7: unknown(match 'set' (ipset 'pairs' of type hash:ip,port with dst,dst)) => accept
          8: unknown(match 'set' (ipset 'missing' (not in ipset.ipset))) => accept
          4: => drop (policy)
        """,
        "ipset.rules:7: warning: match 'set' (ipset 'pairs' of type hash:ip,port with dst,dst) is not modelled; the rule is evaluated as may-match",
        "ipset.rules:8: warning: match 'set' (ipset 'missing' (not in ipset.ipset)) is not modelled; the rule is evaluated as may-match");
  }

  @Test
  void mangle() throws Exception {
    assertModel(
        "mangle.rules",
        Ipsets.NONE,
        """
        stage ARRIVING FILTER -150 mangle/PREROUTING
        stage DELIVERED FILTER -150 mangle/INPUT
        stage FORWARDED FILTER -150 mangle/FORWARD
        stage ORIGINATED FILTER -150 mangle/OUTPUT
        stage LEAVING FILTER -150 mangle/POSTROUTING
        chain mangle/FORWARD
          8: proto [6]; proto [6]; flags SYN,RST/SYN => continue(TCPMSS --clamp-mss-to-pmtu)
          4: => accept (policy)
        chain mangle/INPUT
          3: => accept (policy)
        chain mangle/OUTPUT
          5: => accept (policy)
        chain mangle/POSTROUTING
          9: out eth0 => drop
          6: => accept (policy)
        chain mangle/PREROUTING
          7: in eth0 => continue(MARK --set-xmark 0x1/0xffffffff)
          2: => accept (policy)
        """);
  }

  @Test
  void multiport() throws Exception {
    assertModel(
        "multiport.rules",
        Ipsets.NONE,
        """
        stage DELIVERED FILTER 0 filter/INPUT
        stage FORWARDED FILTER 0 filter/FORWARD
        stage ORIGINATED FILTER 0 filter/OUTPUT
        chain filter/FORWARD
          3: => accept (policy)
        chain filter/INPUT
          2: => accept (policy)
        chain filter/OUTPUT
          5: proto [6]; proto [6,17,33,132,136]; dport 80,443,8000-8080 => accept
          6: proto [17]; proto [6,17,33,132,136]; sport 53,123 => accept
          7: proto [6]; proto [6,17,33,132,136]; port 22,443 => accept
          8: proto [6]; proto [6,17,33,132,136]; dport !1-1023 => accept
          9: proto [6]; proto [6,17,33,132,136]; sport !25; dport !25 => accept
          4: => accept (policy)
        """);
  }

  @Test
  void nat() throws Exception {
    assertModel(
        "nat.rules",
        Ipsets.NONE,
        """
        stage ARRIVING TRANSLATION -100 nat/PREROUTING
        stage DELIVERED TRANSLATION 100 nat/INPUT
        stage ORIGINATED TRANSLATION -100 nat/OUTPUT
        stage LEAVING TRANSLATION 100 nat/POSTROUTING
        chain nat/INPUT
          3: => accept (policy)
        chain nat/OUTPUT
          4: => accept (policy)
        chain nat/POSTROUTING
          8: src 10.0.0.0/24; out eth0 => srcnat(SNAT --to-source 198.51.100.1)
          9: out eth0 => srcnat(MASQUERADE)
          5: => accept (policy)
        chain nat/PREROUTING
          6: dst 198.51.100.1/32; proto [6]; proto [6]; dport 80 => destnat(DNAT --to-destination 10.0.0.2:8080)
          7: in eth1; proto [6]; proto [6]; dport 3128 => destnat(REDIRECT --to-ports 3129)
          2: => accept (policy)
        """);
  }

  @Test
  void negation() throws Exception {
    assertModel(
        "negation.rules",
        Ipsets.NONE,
        """
        stage DELIVERED FILTER 0 filter/INPUT
        stage FORWARDED FILTER 0 filter/FORWARD
        stage ORIGINATED FILTER 0 filter/OUTPUT
        chain filter/FORWARD
          3: => accept (policy)
        chain filter/INPUT
          5: src !10.0.0.0/8 => drop
          6: src !10.0.0.0/8 => drop
          7: dst !192.168.0.0/16; proto ![6] => drop
          8: dst !192.168.0.0/16; proto ![6] => drop
          9: proto [6]; proto [6]; dport !22 => drop
          10: proto [6]; proto [6]; dport !22 => drop
          11: proto [17]; proto [17]; sport 0-1023 => drop
          2: => accept (policy)
        chain filter/OUTPUT
          4: => accept (policy)
        """);
  }

  @Test
  void ports() throws Exception {
    assertModel(
        "ports.rules",
        Ipsets.NONE,
        """
        stage DELIVERED FILTER 0 filter/INPUT
        stage FORWARDED FILTER 0 filter/FORWARD
        stage ORIGINATED FILTER 0 filter/OUTPUT
        chain filter/FORWARD
          3: => accept (policy)
        chain filter/INPUT
          2: => accept (policy)
        chain filter/OUTPUT
          5: proto [6]; proto [6]; dport 443 => accept
          6: proto [17]; proto [17]; sport 1024-65535; dport 53 => accept
          7: proto [6]; proto [6]; sport 0-1023 => drop
          8: proto [6]; proto [6]; dport 8000-8080 => accept
          9: proto [6]; proto [6]; dport 443 => accept
          10: proto [17]; proto [17]; dport 53 => accept
          11: proto [132]; proto [132]; dport 9 => accept
          4: => accept (policy)
        """);
  }

  @Test
  void rawNotrack() throws Exception {
    assertModel(
        "raw-notrack.rules",
        Ipsets.NONE,
        """
        stage ARRIVING BEFORE_SESSIONS -300 raw/PREROUTING
        stage ORIGINATED BEFORE_SESSIONS -300 raw/OUTPUT
        chain raw/OUTPUT
          5: proto [17]; proto [17]; sport 53 => notrack
          6: proto [6]; proto [6]; dport 21 => continue(CT --helper ftp)
          3: => accept (policy)
        chain raw/PREROUTING
          4: proto [17]; proto [17]; dport 53 => notrack
          2: => accept (policy)
        """);
  }

  @Test
  void reject() throws Exception {
    assertModel(
        "reject.rules",
        Ipsets.NONE,
        """
        stage DELIVERED FILTER 0 filter/INPUT
        stage FORWARDED FILTER 0 filter/FORWARD
        stage ORIGINATED FILTER 0 filter/OUTPUT
        chain filter/FORWARD
          3: => accept (policy)
        chain filter/INPUT
          2: => accept (policy)
        chain filter/OUTPUT
          5: proto [6]; proto [6]; dport 25 => reject(tcp-reset)
          6: proto [17] => reject(icmp-port-unreachable)
          7: => reject()
          4: => accept (policy)
        """);
  }

  @Test
  void security() throws Exception {
    assertModel(
        "security.rules",
        Ipsets.NONE,
        """
        stage DELIVERED FILTER 50 security/INPUT
        stage FORWARDED FILTER 50 security/FORWARD
        stage ORIGINATED FILTER 50 security/OUTPUT
        chain security/FORWARD
          3: => accept (policy)
        chain security/INPUT
          2: => accept (policy)
        chain security/OUTPUT
          5: dst 203.0.113.0/24 => drop
          4: => accept (policy)
        """);
  }

  @Test
  void stateConntrack() throws Exception {
    assertModel(
        "state-conntrack.rules",
        Ipsets.NONE,
        """
        stage DELIVERED FILTER 0 filter/INPUT
        stage FORWARDED FILTER 0 filter/FORWARD
        stage ORIGINATED FILTER 0 filter/OUTPUT
        chain filter/FORWARD
          3: => accept (policy)
        chain filter/INPUT
          5: ct ESTABLISHED_ORIGINAL,ESTABLISHED_REPLY,RELATED_ORIGINAL,RELATED_REPLY => accept
          6: ct ESTABLISHED_ORIGINAL,ESTABLISHED_REPLY,RELATED_ORIGINAL,RELATED_REPLY,INVALID,UNTRACKED => drop
          7: ct INVALID,UNTRACKED => drop
          8: ct RELATED_ORIGINAL,RELATED_REPLY,INVALID,UNTRACKED => drop
          9: unknown(match 'conntrack' (--ctstate DNAT)) => accept
          10: anyof(proto [6] & ct NEW,ESTABLISHED_ORIGINAL,ESTABLISHED_REPLY | ct RELATED_ORIGINAL,RELATED_REPLY & unknown(conntrack --ctproto of a RELATED connection)) => accept
          11: ct ORIG_SRC 10.0.0.0/8; ct ORIG_DST !192.0.2.1/32 => accept
          12: ct ORIG_DST port 443; ct ORIG_SRC port 1024-65535 => accept
          13: ct ESTABLISHED_REPLY,RELATED_REPLY => accept
          14: ct ESTABLISHED_ORIGINAL,ESTABLISHED_REPLY; unknown(match 'conntrack' (--ctstatus ASSURED)) => accept
          2: => accept (policy)
        chain filter/OUTPUT
          4: => accept (policy)
        """,
        "state-conntrack.rules:9: warning: match 'conntrack' (--ctstate DNAT) is not modelled; the rule is evaluated as may-match",
        "state-conntrack.rules:10: warning: conntrack --ctproto of a RELATED connection is not modelled; the rule is evaluated as may-match",
        "state-conntrack.rules:14: warning: match 'conntrack' (--ctstatus ASSURED) is not modelled; the rule is evaluated as may-match");
  }

  @Test
  void tcpFlags() throws Exception {
    assertModel(
        "tcp-flags.rules",
        Ipsets.NONE,
        """
        stage DELIVERED FILTER 0 filter/INPUT
        stage FORWARDED FILTER 0 filter/FORWARD
        stage ORIGINATED FILTER 0 filter/OUTPUT
        chain filter/FORWARD
          3: => accept (policy)
        chain filter/INPUT
          5: proto [6]; proto [6]; flags FIN,SYN,RST,ACK/SYN => accept
          6: proto [6]; proto [6]; flags FIN,SYN,RST,ACK/SYN => accept
          7: proto [6]; proto [6]; flags !FIN,SYN,RST,ACK/SYN; ct NEW => drop
          8: proto [6]; proto [6]; flags FIN,SYN,RST,PSH,ACK,URG/NONE => drop
          9: proto [6]; proto [6]; flags FIN,SYN,RST,PSH,ACK,URG/FIN,PSH,URG => drop
          10: proto [6]; proto [6]; flags !SYN,ACK/SYN,ACK => drop
          2: => accept (policy)
        chain filter/OUTPUT
          4: => accept (policy)
        """);
  }

  @Test
  void unmodelledMatches() throws Exception {
    assertModel(
        "unmodelled-matches.rules",
        Ipsets.NONE,
        """
        stage DELIVERED FILTER 0 filter/INPUT
        stage FORWARDED FILTER 0 filter/FORWARD
        stage ORIGINATED FILTER 0 filter/OUTPUT
        chain filter/FORWARD
          3: => accept (policy)
        chain filter/INPUT
          5: proto [6]; proto [6]; dport 22; unknown(match 'recent' (--update --seconds 60 --hitcount 4 --name ssh --rsource)) => drop
          6: unknown(match 'limit' (--limit 5/min --limit-burst 10)) => continue(LOG)
          7: proto [6]; unknown(match 'hashlimit' (--hashlimit-upto 10/sec --hashlimit-mode srcip --hashlimit-name h)) => accept
          8: unknown(match 'mac' (--mac-source XX:XX:XX:XX:XX:XX)) => accept
          10: unknown(match 'pkttype' (--pkt-type broadcast)) => drop
          11: unknown(match 'mark' (--mark 0x1)); unknown(match 'connmark' (--mark 0x2)) => accept
          12: proto [6]; proto [6]; dport 443; unknown(match 'connlimit' (--connlimit-above 10 --connlimit-mask 32 --connlimit-saddr)) => reject()
          13: addrtype dst LOCAL; unknown(match 'addrtype' (--limit-iface-in)) => accept
          14: addrtype src !BROADCAST,MULTICAST => accept
          2: => accept (policy)
        chain filter/OUTPUT
          9: unknown(match 'owner' (--uid-owner 0)) => accept
          4: => accept (policy)
        """,
        "unmodelled-matches.rules:5: warning: match 'recent' (--update --seconds 60 --hitcount 4 --name ssh --rsource) is not modelled; the rule is evaluated as may-match",
        "unmodelled-matches.rules:6: warning: match 'limit' (--limit 5/min --limit-burst 10) is not modelled; the rule is evaluated as may-match",
        "unmodelled-matches.rules:7: warning: match 'hashlimit' (--hashlimit-upto 10/sec --hashlimit-mode srcip --hashlimit-name h) is not modelled; the rule is evaluated as may-match",
        "unmodelled-matches.rules:8: warning: match 'mac' (--mac-source XX:XX:XX:XX:XX:XX) is not modelled; the rule is evaluated as may-match",
        "unmodelled-matches.rules:9: warning: match 'owner' (--uid-owner 0) is not modelled; the rule is evaluated as may-match",
        "unmodelled-matches.rules:10: warning: match 'pkttype' (--pkt-type broadcast) is not modelled; the rule is evaluated as may-match",
        "unmodelled-matches.rules:11: warning: match 'mark' (--mark 0x1) is not modelled; the rule is evaluated as may-match",
        "unmodelled-matches.rules:11: warning: match 'connmark' (--mark 0x2) is not modelled; the rule is evaluated as may-match",
        "unmodelled-matches.rules:12: warning: match 'connlimit' (--connlimit-above 10 --connlimit-mask 32 --connlimit-saddr) is not modelled; the rule is evaluated as may-match",
        "unmodelled-matches.rules:13: warning: match 'addrtype' (--limit-iface-in) is not modelled; the rule is evaluated as may-match");
  }

  @Test
  void unmodelledTargets() throws Exception {
    assertModel(
        "unmodelled-targets.rules",
        Ipsets.NONE,
        """
        stage DELIVERED FILTER 0 filter/INPUT
        stage FORWARDED FILTER 0 filter/FORWARD
        stage ORIGINATED FILTER 0 filter/OUTPUT
        chain filter/FORWARD
          3: => accept (policy)
        chain filter/INPUT
          5: proto [6]; proto [6]; dport 80 => unknown(target NFQUEUE)
          6: proto [6]; proto [6]; dport 443 => unknown(target SYNPROXY)
          2: => accept (policy)
        chain filter/OUTPUT
          7: => unknown(target QUEUE)
          4: => accept (policy)
        """,
        "unmodelled-targets.rules:5: warning: target 'NFQUEUE' is not modelled; packets reaching this rule get an indeterminate verdict",
        "unmodelled-targets.rules:6: warning: target 'SYNPROXY' is not modelled; packets reaching this rule get an indeterminate verdict",
        "unmodelled-targets.rules:7: warning: target 'QUEUE' is not modelled; packets reaching this rule get an indeterminate verdict");
  }

  @Test
  void userChains() throws Exception {
    assertModel(
        "user-chains.rules",
        Ipsets.NONE,
        """
        stage DELIVERED FILTER 0 filter/INPUT
        stage FORWARDED FILTER 0 filter/FORWARD
        stage ORIGINATED FILTER 0 filter/OUTPUT
        chain filter/FORWARD
          3: => accept (policy)
        chain filter/INPUT
          2: => accept (policy)
        chain filter/OUTPUT
          7: dst 10.0.0.0/8 => jump filter/allowed
          8: proto [6] => goto filter/web
          4: => drop (policy)
        chain filter/allowed
          9: src 10.1.0.0/16 => return
          10: => accept
        chain filter/web
          11: proto [6]; proto [6]; dport 443 => accept
          12: => return
        """);
  }

  @Test
  void ruleTextIsAsWrittenWithoutCountersAndPoliciesNameTheirChain() throws Exception {
    ParseResult r = read("counters.rules", Ipsets.NONE);
    assertThat(r.firewall().filter("filter/INPUT").rules())
        .extracting(dev.zpaaudit.model.Rule::text)
        .containsExactly("-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT", "-A INPUT -j DROP");
    assertThat(r.firewall().filter("filter/FORWARD").defaultRule().text())
        .isEqualTo(":FORWARD DROP (policy of filter/FORWARD)");
    assertThat(r.firewall().filter("filter/FORWARD").hasDefault()).isTrue();
  }

  @Test
  void quotedArgumentsKeepTheirSpacesAndEscapes() throws Exception {
    ParseResult r = read("comment-quotes.rules", Ipsets.NONE);
    assertThat(r.firewall().filter("filter/OUTPUT").rules())
        .extracting(dev.zpaaudit.model.Rule::text)
        .containsExactly(
            "-A OUTPUT -p tcp -m tcp --dport 443 -m comment --comment \"allow ZPA: -j DROP ! -s x\" -j ACCEPT",
            "-A OUTPUT -m comment --comment single-word -j LOG --log-prefix \"out drop: \" --log-level 4",
            "-A OUTPUT -m comment --comment \"say \\\"hi\\\" \\\\ there\" -j ACCEPT");
    assertThat(Tokenizer.split("-m comment --comment \"say \\\"hi\\\" \\\\ there\" -j ACCEPT"))
        .extracting(Tokenizer.Word::text)
        .containsExactly("-m", "comment", "--comment", "say \"hi\" \\ there", "-j", "ACCEPT");
  }

  @Test
  void userChainsHaveNoPolicyAndNoStage() throws Exception {
    ParseResult r = read("user-chains.rules", Ipsets.NONE);
    assertThat(r.firewall().filter("filter/allowed").hasDefault()).isFalse();
    assertThat(r.firewall().attachments())
        .extracting(s -> s.filter())
        .containsExactly("filter/INPUT", "filter/FORWARD", "filter/OUTPUT");
    assertThat(r.firewall().families()).containsExactly(AddressFamily.IPV4);
  }

  /** iptables knows FIN, SYN, RST, PSH, ACK, URG, ALL (those six) and NONE, and no ECE or CWR. */
  @Test
  void tcpFlagAllIsTheSixClassicFlags() throws Exception {
    assertThat(MatchModules.flags("ALL")).isEqualTo(0x3F);
    assertThat(MatchModules.flags("syn,ack")).isEqualTo(0x12);
    assertThat(MatchModules.flags("NONE")).isZero();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> MatchModules.flags("ECE"))
        .hasMessage("unknown TCP flag 'ECE'");
  }

  /**
   * Options after the target, and protocol options after another match, mean what iptables reads.
   */
  @Test
  void optionOrder() throws Exception {
    assertModel(
        "option-order.rules",
        Ipsets.NONE,
        """
        stage DELIVERED FILTER 0 filter/INPUT
        stage FORWARDED FILTER 0 filter/FORWARD
        stage ORIGINATED FILTER 0 filter/OUTPUT
        chain filter/FORWARD
          3: => accept (policy)
        chain filter/INPUT
          5: src 10.0.0.0/8 => accept
          6: proto [17]; proto [17]; dport 53 => continue(LOG --log-prefix in:)
          7: proto [6]; ct NEW; proto [6]; dport 22 => accept
          8: proto [6]; proto [6,17,33,132,136]; dport 80,443; proto [6]; flags FIN,SYN,RST,ACK/SYN => accept
          9: proto [6]; proto [6]; dport 25 => accept
          10: proto [17]; proto [17]; sport 53 => accept
          11: proto [6]; unknown(match 'limit' (--limit 1/s)); proto [6]; dport 23 => accept
          2: => accept (policy)
        chain filter/OUTPUT
          4: => accept (policy)
        """,
        "option-order.rules:11: warning: match 'limit' (--limit 1/s) is not modelled; the rule is evaluated as may-match");
  }

  @Test
  void protocols() throws Exception {
    assertModel(
        "protocols.rules",
        Ipsets.NONE,
        """
        stage DELIVERED FILTER 0 filter/INPUT
        stage FORWARDED FILTER 0 filter/FORWARD
        stage ORIGINATED FILTER 0 filter/OUTPUT
        chain filter/FORWARD
          3: => accept (policy)
        chain filter/INPUT
          2: => accept (policy)
        chain filter/OUTPUT
          5: proto [6] => accept
          6: proto [17] => accept
          7: proto [47] => accept
          8: proto [50] => accept
          9: => accept
          10: => accept
          11: proto ![1] => accept
          4: => accept (policy)
        """);
  }

  @Test
  void addressLists() throws Exception {
    assertModel(
        "address-lists.rules",
        Ipsets.NONE,
        """
        stage DELIVERED FILTER 0 filter/INPUT
        stage FORWARDED FILTER 0 filter/FORWARD
        stage ORIGINATED FILTER 0 filter/OUTPUT
        chain filter/FORWARD
          3: => accept (policy)
        chain filter/INPUT
          2: => accept (policy)
        chain filter/OUTPUT
          5: src 10.0.0.1/32,10.0.0.2/31; dst 198.51.100.0/24,203.0.113.7/32 => accept
          6: dst 10.9.0.0/16 => accept
          7: dst 172.16.0.0/12 => accept
          4: => accept (policy)
        """);
  }

  /**
   * iptables-restore keeps a built-in chain declared with "-": its rules count, its policy is
   * unknown.
   */
  @Test
  void builtinWithoutPolicy() throws Exception {
    assertModel(
        "builtin-without-policy.rules",
        Ipsets.NONE,
        """
        stage DELIVERED FILTER 0 filter/INPUT
        stage FORWARDED FILTER 0 filter/FORWARD
        stage ORIGINATED FILTER 0 filter/OUTPUT
        chain filter/FORWARD
          3: => accept (policy)
        chain filter/INPUT
          5: proto [6]; proto [6]; dport 22 => accept
          6: => drop
          2: => unknown(policy of filter/INPUT not given) (policy)
        chain filter/OUTPUT
          4: => accept (policy)
        """,
        "builtin-without-policy.rules:2: warning: built-in chain 'INPUT' is declared without a policy ('-'); the verdict for packets reaching its end is indeterminate");
  }
}
