package dev.zpaaudit.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The architecture checker finds a wrong arrow: fed a small source tree that has some. */
class ImportRulesTest {
  @TempDir Path root;

  void source(String file, String... imports) throws IOException {
    Path f = root.resolve(file);
    Files.createDirectories(f.getParent());
    String pkg = "dev.zpaaudit." + root.relativize(f.getParent()).toString().replace('/', '.');
    StringBuilder sb = new StringBuilder("package " + pkg + ";\n\n");
    for (String i : imports) {
      sb.append("import ").append(i).append(";\n");
    }
    String name = f.getFileName().toString().replace(".java", "");
    Files.writeString(f, sb.append("\nfinal class ").append(name).append(" {}\n").toString());
  }

  @Test
  void aCleanTreePasses() throws IOException {
    source("model/Rule.java", "java.util.List");
    source("ingest/nftables/Reader.java", "dev.zpaaudit.model.Rule", "dev.zpaaudit.ingest.Parser");
    source("ingest/Parser.java", "dev.zpaaudit.ingest.nftables.Reader");
    source("cli/Main.java", "dev.zpaaudit.ingest.Parser", "dev.zpaaudit.model.Rule");
    assertThat(new ImportRules(Set.of()).violations(root)).isEmpty();
  }

  @Test
  void reportsEveryWrongArrowAndWildcard() throws IOException {
    source("model/Rule.java", "java.util.*", "com.fasterxml.jackson.databind.JsonNode");
    source("ingest/nftables/Reader.java", "dev.zpaaudit.ingest.iptables.Save");
    source("ingest/iptables/Save.java", "dev.zpaaudit.eval.Evaluator", "dev.zpaaudit.cli.Main");
    source("eval/Evaluator.java", "dev.zpaaudit.diag.*");
    source("probe/Prober.java", "static dev.zpaaudit.checks.Status.PASS");
    source("cli/Main.java", "dev.zpaaudit.ingest.nftables.Reader");
    assertThat(new ImportRules(Set.of("cli/Other.java -> ingest.ranges")).violations(root))
        .containsExactly(
            "cli/Main.java: cli uses ingest.nftables"
                + " (cli reads exports through ingest, not a format's package)",
            "eval/Evaluator.java: eval uses diag (eval may use only model)",
            "eval/Evaluator.java: wildcard import dev.zpaaudit.diag.*",
            "exception no longer needed: cli/Other.java -> ingest.ranges",
            "ingest/iptables/Save.java: ingest.iptables uses cli (nothing uses cli)",
            "ingest/iptables/Save.java: ingest.iptables uses eval"
                + " (ingest may use only diag, io, model)",
            "ingest/nftables/Reader.java: ingest.nftables uses ingest.iptables"
                + " (one format never uses another)",
            "model/Rule.java: model imports com.fasterxml.jackson.databind.JsonNode"
                + " (model uses the JDK only)",
            "model/Rule.java: wildcard import java.util.*",
            "probe/Prober.java: probe uses checks (probe may use only diag, io, model)");
  }

  @Test
  void aListedExceptionIsAllowedButOnlyForItsFile() throws IOException {
    source("cli/RangesOption.java", "dev.zpaaudit.ingest.ranges.RangesReader");
    source("cli/Other.java", "dev.zpaaudit.ingest.ranges.RangesReader");
    assertThat(new ImportRules(Set.of("cli/RangesOption.java -> ingest.ranges")).violations(root))
        .containsExactly(
            "cli/Other.java: cli uses ingest.ranges"
                + " (cli reads exports through ingest, not a format's package)");
  }
}
