package dev.zpaaudit.oracle;

import dev.zpaaudit.diag.InputException;
import dev.zpaaudit.ingest.iptables.Ipsets;
import dev.zpaaudit.ingest.iptables.IptablesSaveParser;
import dev.zpaaudit.ingest.iptables.SaveFamily;
import dev.zpaaudit.model.Firewall;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One ruleset to compare: what the kernel loads and what the engine reads, and the address family
 * whose traffic is compared (that of the iptables-save or ip6tables-save text).
 *
 * <p>For iptables both see the same sanitised text. For nftables the kernel loads the nft script
 * and the engine reads the kernel's JSON listing of it ({@code nft -j list ruleset}) through the
 * nft reader; {@code engineText}, an iptables-save (or ip6tables-save) twin of the script, is
 * loaded into the kernel too, as a check that the hand-written pairs say the same. A translated
 * case's nft script is {@code iptables-restore-translate}'s translation of its twin ({@code
 * translation} says which rules it could not translate; null for every other case).
 */
record OracleCase(
    String name,
    Format kernelFormat,
    String kernelText,
    String engineFile,
    String engineText,
    int family,
    NftTranslation translation) {

  enum Format {
    IPTABLES,
    NFT
  }

  /**
   * A corpus or user iptables-save or ip6tables-save file (told apart as the engine does),
   * sanitised once for both sides.
   */
  static OracleCase iptables(String name, String file, String rawText) {
    String text = CorpusSanitizer.sanitize(rawText).content();
    return new OracleCase(
        name, Format.IPTABLES, text, file, text, SaveFamily.of(text).family(), null);
  }

  /** An nft script, and an iptables-save or ip6tables-save twin the kernel checks it against. */
  static OracleCase nft(
      String name, String nftScript, String engineFile, String iptablesEquivalent) {
    return new OracleCase(
        name,
        Format.NFT,
        nftScript,
        engineFile,
        iptablesEquivalent,
        SaveFamily.of(iptablesEquivalent).family(),
        null);
  }

  /**
   * An iptables-save or ip6tables-save file, sanitised, translated to nft by {@code
   * iptables-restore-translate} (run here; see {@link NftTranslation#missing}): the kernel loads
   * the translation and the engine reads the kernel's listing of it; the sanitised file is its
   * twin.
   */
  static OracleCase translated(String name, String file, String rawText) {
    String text = CorpusSanitizer.sanitize(rawText).content();
    int family = SaveFamily.of(text).family();
    NftTranslation t = NftTranslation.of(text, family);
    return new OracleCase(name, Format.NFT, t.script(), file, text, family, t);
  }

  /** {@code translated:FILE} for a file of {@code corpus/iptables/}. */
  static OracleCase translatedCorpus(String file) {
    String res = "corpus/iptables/" + file;
    return translated("translated:" + file, res, resource("/" + res));
  }

  /** The family of a corpus file, without translating it. */
  static int corpusFamily(String file) {
    String text = resource("/corpus/iptables/" + file);
    return SaveFamily.of(CorpusSanitizer.sanitize(text).content()).family();
  }

  static OracleCase corpus(String file) {
    String res = "corpus/iptables/" + file;
    return iptables(file, res, resource("/" + res));
  }

  /** A hand-written iptables-save file, {@code oracle/iptables/NAME}. */
  static OracleCase handWritten(String file) {
    String res = "oracle/iptables/" + file;
    return iptables(file, res, resource("/" + res));
  }

  /** A hand-written ip6tables-save file, {@code oracle/ip6tables/NAME}. */
  static OracleCase handWritten6(String file) {
    String res = "oracle/ip6tables/" + file;
    OracleCase c = iptables(file, res, resource("/" + res));
    if (c.family != 6) {
      throw new IllegalStateException(res + " is not read as ip6tables-save output");
    }
    return c;
  }

  /** {@code oracle/nft/NAME.nft} for the kernel, {@code oracle/nft/NAME.rules} for the engine. */
  static OracleCase nftResource(String name) {
    String rules = "oracle/nft/" + name + ".rules";
    return nft(
        name + ".nft", resource("/oracle/nft/" + name + ".nft"), rules, resource("/" + rules));
  }

  static OracleCase file(Path path, Path nftScript, boolean translate) throws IOException {
    String text = Files.readString(path, StandardCharsets.UTF_8);
    if (translate) {
      return translated("translated:" + path.getFileName(), path.toString(), text);
    }
    if (nftScript == null) {
      return iptables(path.getFileName().toString(), path.toString(), text);
    }
    return nft(
        nftScript.getFileName().toString(),
        Files.readString(nftScript, StandardCharsets.UTF_8),
        path.toString(),
        text);
  }

  /** The engine's model of the ruleset. */
  Firewall engineFirewall() {
    try {
      if (kernelFormat == Format.NFT) {
        // The engine reads the kernel's own JSON listing of the script, through the nft reader.
        String json = NftJsonExport.of(kernelText);
        return new dev.zpaaudit.ingest.nftables.NftablesJsonParser()
            .parse(json, name + " (nft -j list ruleset)")
            .firewall();
      }
      return twinFirewall();
    } catch (InputException e) {
      throw new IllegalStateException(engineFile + " cannot be read: " + e.getMessage(), e);
    }
  }

  /** The engine's model of the iptables-save or ip6tables-save text (for nft: the twin). */
  Firewall twinFirewall() throws InputException {
    return new IptablesSaveParser(family, Ipsets.NONE).parse(engineText, engineFile).firewall();
  }

  void load(KernelLab lab) {
    if (kernelFormat == Format.NFT) {
      lab.loadNft(kernelText);
    } else {
      loadTwin(lab);
    }
  }

  /** Loads the iptables-save text with iptables-restore or ip6tables-restore, by its family. */
  void loadTwin(KernelLab lab) {
    if (family == 6) {
      lab.loadIp6tablesSave(engineText);
    } else {
      lab.loadIptablesSave(engineText);
    }
  }

  /** A seed that depends only on the name, so every run draws the same flows. */
  long seed() {
    return 0x5eed_0000L ^ name.hashCode();
  }

  static String resource(String path) {
    try (InputStream in = OracleCase.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("resource " + path + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
