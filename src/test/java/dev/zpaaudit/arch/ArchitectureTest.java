package dev.zpaaudit.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Keeps the package arrows of the architecture true in the main sources. */
class ArchitectureTest {
  private static final Path SRC = Path.of("src/main/java/dev/zpaaudit");

  /**
   * Where the code still goes against the table: the command line reads the published ranges and
   * inventories, and the ipset side input, through the format packages themselves.
   */
  static final Set<String> KNOWN_EXCEPTIONS =
      Set.of(
          "cli/AuditCommand.java -> ingest.inventory",
          "cli/SizeCommand.java -> ingest.inventory",
          "cli/RangesOption.java -> ingest.ranges",
          "cli/NetworkOptions.java -> ingest.iptables");

  /**
   * The layers that must speak only the neutral model (model, eval, the network checks, report),
   * and the files there that still speak netfilter, until the model moves off it. The list may only
   * shrink: a file not on it that uses a netfilter word fails, and so does a file on it that no
   * longer does. (The probe checks' "chain" is a certificate or CNAME chain, so checks.probe is not
   * scanned; checks.hosts has no firewall words to speak.)
   */
  static final List<String> NEUTRAL_LAYERS = List.of("model", "eval", "checks/network", "report");

  static final Set<String> STILL_NETFILTER = Set.of();

  @Test
  void neutralLayersSpeakNoNewNetfilterWords() {
    assertThat(
            Vocabulary.ratchet(
                Vocabulary.uses(SRC, NEUTRAL_LAYERS, Vocabulary.NETFILTER), STILL_NETFILTER))
        .isEmpty();
  }

  /** Check Point's words stay in its reader; only the format dispatch names it. */
  @Test
  void onlyTheCheckPointReaderSpeaksCheckPoint() {
    List<String> all =
        List.of("model", "diag", "io", "ingest", "eval", "checks", "probe", "report", "cli");
    assertThat(Vocabulary.uses(SRC, all, Set.of("checkpoint", "cpmi", "mgmt")).keySet())
        .allMatch(f -> f.startsWith("ingest/checkpoint/") || f.equals("ingest/Formats.java"));
  }

  /**
   * The packages where AWS's words (EC2, ENI, NACL...) must not appear: only ingest.aws knows them.
   * Host facts (model.host, ingest.inventory, checks.hosts) name the cloud a connector runs on and
   * are not scanned.
   */
  static final List<String> AWS_FREE =
      List.of("model", "eval", "checks/network", "checks/tls", "report", "io", "diag", "ingest");

  /** Files there that may still name AWS: the dispatcher that hands an export to its reader. */
  static final Set<String> STILL_AWS = Set.of("ingest/Formats.java");

  @Test
  void onlyTheAwsReaderSpeaksAws() {
    java.util.Map<String, Set<String>> uses = Vocabulary.uses(SRC, AWS_FREE, Vocabulary.AWS);
    uses.keySet()
        .removeIf(
            f ->
                f.startsWith("ingest/aws/")
                    || f.startsWith("model/host/")
                    || f.startsWith("ingest/inventory/"));
    assertThat(Vocabulary.ratchet(uses, STILL_AWS, "AWS")).isEmpty();
  }

  @Test
  void theVocabularyCheckFindsWordsInIdentifiersAndComments() {
    assertThat(Vocabulary.words("CtState s; // jumps to a user chain", Vocabulary.NETFILTER))
        .containsExactly("chain", "ct");
    assertThat(Vocabulary.words("Action act; Factor f; // a select list", Vocabulary.NETFILTER))
        .isEmpty();
    assertThat(
            Vocabulary.ratchet(
                java.util.Map.of("eval/New.java", Set.of("hook")), Set.of("eval/Old.java")))
        .containsExactly(
            "eval/New.java uses netfilter words [hook]",
            "eval/Old.java no longer uses netfilter words: take it off the list");
  }

  @Test
  void packagesOnlyUseWhatTheyMay() throws IOException {
    assertThat(new ImportRules(KNOWN_EXCEPTIONS).violations(SRC)).isEmpty();
  }
}
