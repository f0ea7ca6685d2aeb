package dev.zpaaudit.ingest.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.zpaaudit.model.Action;
import dev.zpaaudit.model.Condition;
import dev.zpaaudit.model.Filter;
import dev.zpaaudit.model.Firewall;
import dev.zpaaudit.model.Rule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every Check Point export of the corpus (a folder each) reads and converts into the model; what it
 * holds, the object types it leaves unmodelled, and the rules it leaves indeterminate (with why)
 * are listed, so that a change in any shows here.
 */
class CheckpointCorpusTest {
  static final Path DIR = Path.of("src/test/resources/corpus/checkpoint");

  /** What each corpus export is known to convert into. */
  static final Map<String, String> EXPECTED =
      Map.of(
          "basic",
          """
          0 diagnostics
          layer 'Network': 5 rules, 0 disabled, 0 rules not in the export
          62 objects; types not modelled: {Global=1, RulebaseAction=2, Track=1, application-site=50}
          Check Point layer 'Network': 5 rules + layer 'Network': implicit cleanup rule (Drop)
            rule 1 'MGMT': source Any; destination cp-gw1; service Any; action Accept
              => [Dst[set=10.12.11.2/32,10.23.21.1/32,10.150.0.15/32]]
            rule 2 'OSPF_Multicast': source Any; destination ospf_multicast; service Any; action Accept
              => [Dst[set=224.0.0.5/32,224.0.0.6/32]]
            rule 3 'Deny_ICMP_in_to_out': source INSIDE_172.16.0.1, INSIDE_10.12.11.0; destination OUTSIDE_172.16.0.3; service echo-request; action Drop
              => [Src[set=10.12.11.0/24,172.16.0.1/32], Dst[set=172.16.0.3/32], Proto[protocols=[1]], SrcPort[ports=8]]
            rule 4 'Allow_SSH_in_to_out': source INSIDE_10.12.11.0, INSIDE_172.16.0.1; destination OUTSIDE_172.16.0.3; service ssh; action Accept
              => [Src[set=10.12.11.0/24,172.16.0.1/32], Dst[set=172.16.0.3/32], Proto[protocols=[6]], DstPort[ports=22]]
            rule 5 'Cleanup rule': source Any; destination Any; service Any; action Drop
              => []
          indeterminate: none""");

  static String summary(Path dir) throws Exception {
    CheckpointReader.Result read = CheckpointReader.read(dir);
    StringBuilder sb = new StringBuilder();
    sb.append(read.diagnostics().size()).append(" diagnostics");
    CheckpointExport e = read.export();
    for (Layer l : e.layers()) {
      List<AccessRule> rules =
          l.entries().stream()
              .filter(AccessRule.class::isInstance)
              .map(AccessRule.class::cast)
              .toList();
      sb.append("\nlayer '")
          .append(l.name())
          .append("': ")
          .append(rules.size())
          .append(" rules, ")
          .append(rules.stream().filter(r -> !r.enabled()).count())
          .append(" disabled, ")
          .append(l.entries().size() - rules.size())
          .append(" rules not in the export");
    }
    Map<String, Integer> other = new TreeMap<>();
    for (CpObject o : e.objects().values()) {
      if (o.body() instanceof CpObject.Other) {
        other.merge(o.type(), 1, Integer::sum);
      }
    }
    sb.append('\n')
        .append(e.objects().size())
        .append(" objects; types not modelled: ")
        .append(other);
    Firewall fw = CheckpointConversions.convert(read).firewall();
    Map<String, Integer> unknowns = new TreeMap<>();
    for (Filter f : fw.filters().values()) {
      sb.append('\n').append(fw.format()).append(": ").append(f.rules().size()).append(" rules");
      if (f.hasDefault()) {
        sb.append(" + ").append(f.defaultRule().text());
      }
      for (Rule r : f.rules()) {
        sb.append("\n  ").append(r.text()).append("\n    => ").append(r.match());
        collect(r.match(), unknowns);
        if (r.action() instanceof Action.Unknown u) {
          unknowns.merge(u.reason(), 1, Integer::sum);
        }
      }
    }
    sb.append("\nindeterminate: ").append(unknowns.isEmpty() ? "none" : unknowns);
    return sb.toString();
  }

  private static void collect(List<Condition> conditions, Map<String, Integer> out) {
    for (Condition c : conditions) {
      if (c instanceof Condition.Unknown u) {
        out.merge(u.what(), 1, Integer::sum);
      } else if (c instanceof Condition.AnyOf a) {
        a.alternatives().forEach(alt -> collect(alt, out));
      } else if (c instanceof Condition.Not n) {
        collect(n.of(), out);
      }
    }
  }

  @TestFactory
  Stream<DynamicTest> everyExportOfTheCorpusConverts() throws IOException {
    assumeTrue(Files.isDirectory(DIR), "no Check Point corpus here");
    List<Path> dirs;
    try (Stream<Path> s = Files.list(DIR)) {
      dirs = s.filter(Files::isDirectory).sorted().toList();
    }
    assertThat(dirs).hasSize(EXPECTED.size());
    return dirs.stream()
        .map(
            d ->
                DynamicTest.dynamicTest(
                    d.getFileName().toString(),
                    () -> {
                      String s = summary(d);
                      System.out.println(d.getFileName() + "\n" + s);
                      assertThat(s).isEqualTo(EXPECTED.get(d.getFileName().toString()));
                    }));
  }
}
