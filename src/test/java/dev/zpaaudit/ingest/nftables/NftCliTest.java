package dev.zpaaudit.ingest.nftables;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zpaaudit.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Unusable nftables exports: exit 2 and file:line errors, nothing on standard output. */
class NftCliTest {
  static final String DIR = NftFixtures.DIR;

  record Run(int code, String out, String err) {}

  static Run audit(String config) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new String[] {"audit", "--config", DIR + config, "--chain", "FORWARD"},
            new PrintWriter(out, true),
            new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void brokenJsonIsRefused() {
    Run r = audit("not-json.json");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .startsWith(DIR + "not-json.json:3: error: cannot parse: Unexpected character");
  }

  @Test
  void truncatedExportIsRefused() {
    Run r = audit("truncated.json");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .startsWith(DIR + "truncated.json:133: error: cannot parse: Unexpected end-of-input");
  }

  @Test
  void aMatchWithoutItsRightOperandIsAnError() {
    Run r = audit("match-without-right.json");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo(DIR + "match-without-right.json:30: error: match without 'right'\n");
  }

  @Test
  void aPrefixWithoutItsAddressIsAnError() {
    Run r = audit("prefix-without-addr.json");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo(
            DIR
                + "prefix-without-addr.json:30: error: ip daddr: a prefix needs 'addr' and 'len'\n");
  }

  @Test
  void jumpToAMissingChainIsAnError() {
    Run r = audit("missing-chain.json");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo(
            DIR
                + "missing-chain.json:277: error: jump to chain 'checks', which does not exist in table inet filter\n"
                + DIR
                + "missing-chain.json:292: error: goto to chain 'checks', which does not exist in table inet filter\n");
  }

  @Test
  void undefinedSetIsAnError() {
    Run r = audit("undefined-set.json");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            DIR
                + "undefined-set.json:88: error: set @zen is not defined in table inet filter\n"
                + DIR
                + "undefined-set.json:160: error: set @zen is not defined in table inet filter\n");
  }

  @Test
  void nftTextFormatIsNamedWithTheCommandThatIsRead() {
    Run r = audit("basic.nft");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            DIR
                + "basic.nft: error: looks like `nft list ruleset` text, which is not read:"
                + " use `nft -j list ruleset`\n");
  }

  @Test
  void wrongShapeIsAnError() throws Exception {
    java.nio.file.Path f = java.nio.file.Files.createTempFile("shape", ".json");
    java.nio.file.Files.writeString(
        f,
        "{\"nftables\": [\n {\"table\": {\"family\": \"inet\"}},\n"
            + " {\"rule\": {\"family\": \"ip\", \"table\": \"t\", \"chain\": \"c\", \"handle\": 4, \"expr\": []}}\n]}\n");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new String[] {"audit", "--config", f.toString()},
            new PrintWriter(out, true),
            new PrintWriter(err, true));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo(
            f
                + ":2: error: missing \"name\"\n"
                + f
                + ":3: error: rule (handle 4) is in chain 'c', which is not listed in table ip t\n");
    java.nio.file.Files.delete(f);
  }
}
