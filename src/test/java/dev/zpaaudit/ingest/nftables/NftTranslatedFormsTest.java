package dev.zpaaudit.ingest.nftables;

import static dev.zpaaudit.ingest.nftables.NftFixtures.parse;
import static dev.zpaaudit.ingest.nftables.NftFixtures.proto;
import static dev.zpaaudit.ingest.nftables.NftFixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zpaaudit.ingest.ParseResult;
import dev.zpaaudit.model.Action;
import dev.zpaaudit.model.Bits;
import dev.zpaaudit.model.Condition;
import dev.zpaaudit.model.SessionState;
import dev.zpaaudit.model.TcpFlags;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Forms that {@code iptables-restore-translate} writes, as the kernel lists them: each one was
 * unmodelled (an unknown condition) until a translated corpus ruleset showed it.
 */
class NftTranslatedFormsTest {
  private static final int ALL_FLAGS =
      TcpFlags.FIN | TcpFlags.SYN | TcpFlags.RST | TcpFlags.PSH | TcpFlags.ACK | TcpFlags.URG;

  /** {@code --tcp-flags ALL NONE} becomes {@code tcp flags ! fin,syn,rst,psh,ack,urg}. */
  @Test
  void bangOnFlagsMeansNoneOfTheseBitsIsSet() throws Exception {
    ParseResult r = parse("flags-none.json");
    assertThat(r.diagnostics()).isEmpty();
    String in = "ip filter input";
    assertThat(rule(r, in, 0).match())
        .containsExactly(proto(6), new Condition.Flags(TcpFlags.masked(ALL_FLAGS, 0)));
    assertThat(rule(r, in, 0).action()).isEqualTo(new Action.Drop());
    assertThat(rule(r, in, 1).match())
        .containsExactly(
            proto(6), new Condition.Flags(TcpFlags.masked(TcpFlags.SYN | TcpFlags.ACK, 0)));
    assertThat(rule(r, in, 2).match())
        .containsExactly(
            new Condition.Session(SessionState.set(SessionState.INVALID, SessionState.UNTRACKED)));
  }

  /**
   * {@code -m conntrack --ctproto 6} becomes {@code ct original protocol 6}, listed as {@code ct
   * protocol tcp}: the packet's protocol for a packet of its own connection, unknown for a RELATED
   * one, never without conntrack; as the iptables reader models {@code --ctproto}.
   */
  @Test
  void ctProtocolIsThePacketsProtocolForItsOwnConnection() throws Exception {
    ParseResult r = parse("ct-protocol.json");
    String f = NftFixtures.DIR + "ct-protocol.json";
    String warning =
        ": warning: 'ct protocol' of a RELATED connection is not modelled; the rule is evaluated"
            + " as may-match";
    assertThat(r.diagnostics())
        .extracting(d -> d.format())
        .containsExactly(f + ":38" + warning, f + ":78" + warning, f + ":102" + warning);
    String in = "ip filter input";
    assertThat(rule(r, in, 0).match())
        .containsExactly(
            ctProto(Bits.of(256, 6)),
            new Condition.Session(
                SessionState.set(
                    SessionState.NEW, SessionState.RELATED_ORIGINAL, SessionState.RELATED_REPLY)));
    assertThat(rule(r, in, 0).action()).isEqualTo(new Action.Jump("ip filter tcp_checks"));
    assertThat(rule(r, in, 1).match()).containsExactly(ctProto(Bits.of(256, 17)));
    assertThat(rule(r, in, 2).match()).containsExactly(ctProto(Bits.of(256, 6, 17).complement()));
  }

  private static Condition ctProto(Bits protocols) {
    return new Condition.AnyOf(
        List.of(
            List.of(
                new Condition.Proto(protocols),
                new Condition.Session(
                    SessionState.set(
                        SessionState.NEW,
                        SessionState.ESTABLISHED_ORIGINAL,
                        SessionState.ESTABLISHED_REPLY))),
            List.of(
                new Condition.Session(
                    SessionState.set(SessionState.RELATED_ORIGINAL, SessionState.RELATED_REPLY)),
                new Condition.Unknown("'ct protocol' of a RELATED connection"))));
  }
}
