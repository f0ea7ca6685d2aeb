package dev.zpaaudit.oracle;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine against the kernel: for every corpus iptables ruleset, the hand-written iptables and
 * ip6tables edge cases, the hand-written nft rulesets (IPv4 and IPv6) and the corpus rulesets as
 * {@code iptables-restore-translate} turns them into nft, thousands of flows are sent through the
 * kernel lab and evaluated by the engine. An ALLOW or DENY that the kernel contradicts fails the
 * test with the flow and the engine's trace; an INDETERMINATE is counted. One summary line is
 * printed at the end.
 */
class KernelOracleTest {
  static final List<String> CORPUS =
      List.of(
          "docker-topos4.rules",
          "home-user.rules",
          "medium-sized-company.rules",
          "shorewall-akachan.rules",
          "tum-2013.rules",
          "ufw-server.rules",
          "ugent.rules");
  static final List<String> HAND_WRITTEN =
      List.of(
          "edges.rules",
          "policies.rules",
          "untracked-nat.rules",
          "snat-gateway.rules",
          "masquerade.rules",
          "host-snat.rules");
  static final List<String> HAND_WRITTEN6 =
      List.of("host6.rules", "gateway6.rules", "unmodelled6.rules");
  static final List<String> NFT = List.of("gateway", "host", "chains", "inet6", "nat");

  private static final OracleSummary SUMMARY = new OracleSummary();
  private static KernelLab lab;

  static Stream<OracleCase> cases() {
    List<OracleCase> out = new ArrayList<>();
    CORPUS.forEach(f -> out.add(OracleCase.corpus(f)));
    HAND_WRITTEN.forEach(f -> out.add(OracleCase.handWritten(f)));
    HAND_WRITTEN6.forEach(f -> out.add(OracleCase.handWritten6(f)));
    NFT.forEach(n -> out.add(OracleCase.nftResource(n)));
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void engineAgreesWithTheKernel(OracleCase c) {
    assumeLab(c.family());
    compare(c);
  }

  /**
   * Each corpus file as {@code iptables-restore-translate} turns it into nft (see {@link
   * NftTranslation}): the kernel loads the translation, the engine reads the kernel's listing of
   * it, and the file itself is its twin.
   */
  @ParameterizedTest(name = "translated:{0}")
  @MethodSource("corpus")
  void translatedRulesetAgreesWithTheKernel(String file) {
    int family = OracleCase.corpusFamily(file);
    assumeLab(family);
    String missing = NftTranslation.missing(family);
    if (missing != null) {
      SUMMARY.skip("translated rulesets: " + missing);
    }
    assumeTrue(missing == null, () -> "translated rulesets: " + missing);
    OracleCase c;
    try {
      c = OracleCase.translatedCorpus(file);
    } catch (RuntimeException e) {
      SUMMARY.error("translated:" + file);
      throw e;
    }
    NftTranslation t = c.translation();
    System.err.println(
        "kernel-oracle "
            + c.name()
            + ": "
            + t.untranslated().size()
            + " rules not translated"
            + (t.repairs().isEmpty() ? "" : ", repairs " + t.repairs())
            + (t.untranslated().isEmpty() ? "" : ": " + t.untranslated()));
    compare(c);
  }

  static Stream<String> corpus() {
    return CORPUS.stream();
  }

  private static void assumeLab(int family) {
    String reason =
        (family == 6 ? KernelLab.ipv6UnavailableReason() : KernelLab.unavailableReason())
            .orElse(null);
    String why = (family == 6 ? "kernel lab unavailable for IPv6: " : "kernel lab unavailable: ");
    if (reason != null) {
      SUMMARY.skip(why + reason);
    }
    assumeTrue(reason == null, () -> why + reason);
  }

  private static void compare(OracleCase c) {
    if (lab == null) {
      lab = new KernelLab();
    }
    OracleComparison.Report r;
    try {
      r = OracleComparison.run(lab, c);
    } catch (RuntimeException e) {
      SUMMARY.error(c.name());
      throw e;
    }
    SUMMARY.add(r, c.translation() != null);
    System.err.println("kernel-oracle " + r.summary());
    r.untranslatedDifferences()
        .forEach(m -> System.err.println("  twin differs through an untranslated rule: " + m));
    if (!r.disagreements().isEmpty()) {
      fail(OracleSummary.failure(r));
    }
    if (!r.translationMismatches().isEmpty()) {
      fail(
          c.name()
              + " and "
              + c.engineFile()
              + " are not equivalent in the kernel on "
              + r.translationMismatches().size()
              + " flows, e.g.\n"
              + String.join(
                  "\n",
                  r.translationMismatches()
                      .subList(0, Math.min(10, r.translationMismatches().size()))));
    }
  }

  @AfterAll
  static void summary() {
    try {
      if (lab != null) {
        lab.close();
        lab = null;
      }
    } finally {
      System.out.println(SUMMARY.line());
    }
  }
}
