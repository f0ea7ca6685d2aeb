package dev.zpaaudit.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zpaaudit.model.Action;
import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.Attachment;
import dev.zpaaudit.model.Condition;
import dev.zpaaudit.model.Filter;
import dev.zpaaudit.model.Firewall;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.Point;
import dev.zpaaudit.model.Rule;
import dev.zpaaudit.model.SourceLocation;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A negated conjunction: exact where its parts are, maybe where they are maybe. */
class NegationTest {
  private static final IfaceDomain D = new IfaceDomain(List.of("eth0", "eth1"));

  private static Firewall deniesAllBut(Condition... allowed) {
    Rule deny =
        new Rule(
            new SourceLocation("neg", 1),
            "deny what is not allowed",
            List.of(new Condition.Not(List.of(allowed))),
            new Action.Drop());
    Rule accept = new Rule(new SourceLocation("neg", 2), "policy", List.of(), new Action.Accept());
    return new Firewall(
        "neg",
        "test",
        Set.of(AddressFamily.IPV4),
        Map.of("f", new Filter("f", List.of(deny), accept)),
        List.of(
            new Attachment(
                Point.FORWARDED, Attachment.Kind.FILTER, 0, "f", Set.of(AddressFamily.IPV4), "f")));
  }

  private static Verdict verdict(Firewall fw, String dst) {
    return OneFlow.evaluate(
            fw,
            D,
            OneFlow.noFacts(),
            OneFlow.syn(D, "10.0.0.1", dst, 443, "eth0", "eth1"),
            Point.FORWARDED)
        .verdict();
  }

  @Test
  void whatTheNegatedPartsMatchIsNotMatched() {
    Firewall fw = deniesAllBut(new Condition.Dst(IpSet.parse("198.51.100.0/24")));
    assertThat(verdict(fw, "198.51.100.7")).isEqualTo(Verdict.ALLOW);
    assertThat(verdict(fw, "203.0.113.7")).isEqualTo(Verdict.DENY);
  }

  @Test
  void aNegatedUnknownStaysUnknown() {
    Firewall fw =
        deniesAllBut(
            new Condition.Dst(IpSet.parse("198.51.100.0/24")),
            new Condition.Unknown("a time of day"));
    assertThat(verdict(fw, "198.51.100.7")).isEqualTo(Verdict.INDETERMINATE);
    assertThat(verdict(fw, "203.0.113.7")).isEqualTo(Verdict.DENY);
  }
}
