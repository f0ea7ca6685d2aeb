package dev.zpaaudit.diag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zpaaudit.diag.Diagnostic.Severity;
import dev.zpaaudit.model.SourceLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The kind a diagnostic is counted under, read from how readers word what they do not model. */
class DiagnosticKindTest {
  static String kind(String message) {
    return new Diagnostic(Severity.WARNING, new SourceLocation("f", 1), message).kind();
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          mac | match 'mac' (--mac-source XX:XX:XX:XX:XX:XX) is not modelled; the rule is evaluated as may-match
          recent | match 'recent' (--update --seconds 60 --name DEFAULT --rsource) is not modelled; the rule is evaluated as may-match
          set | match 'set' (ipset 'missing' (not in ipset.ipset)) is not modelled; the rule is evaluated as may-match
          addrtype | match 'addrtype' (--dst-type MULTICAST) of an IPv6 address, which depends on the routes, is not modelled; the rule is evaluated as may-match
          target NFQUEUE | target 'NFQUEUE' is not modelled; packets reaching this rule get an indeterminate verdict
          conntrack --ctproto of a RELATED connection | conntrack --ctproto of a RELATED connection is not modelled; the rule is evaluated as may-match
          meta mark | 'meta mark' is not modelled; the rule is evaluated as may-match
          limit rate | 'limit rate 10/second' is not modelled; the rule is evaluated as may-match
          ip dscp | 'ip dscp' is not modelled; the rule is evaluated as may-match
          mac | iptables compatibility match 'xt match mac' is not modelled; the rule is evaluated as may-match
          queue | statement 'queue' is not modelled; packets reaching this rule get an indeterminate verdict
          ct objects | 'ct' objects are not modelled and are skipped
          operator '!=' | operator '!=' is not modelled; the rule is evaluated as may-match
          set @blocked changes while packets pass | set @blocked changes while packets pass (its elements time out or rules add to it); its lookup is not modelled; the rule is evaluated as may-match
          """)
  void unmodelledThingsAreNamedBySubject(String kind, String message) {
    assertThat(kind(message)).isEqualTo(kind);
  }

  @Test
  void otherMessagesHaveNoKind() {
    assertThat(
            kind("table bridge br filters bridged frames, not routed packets; it is not evaluated"))
        .isNull();
    assertThat(kind("built-in chain 'INPUT' is declared without a policy ('-')")).isNull();
    assertThat(kind("unknown rule key 'memory.minimum'")).isNull();
    assertThat(kind("something is not modelledly worded")).isNull();
  }
}
