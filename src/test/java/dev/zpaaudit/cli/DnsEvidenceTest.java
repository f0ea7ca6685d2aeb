package dev.zpaaudit.cli;

import static dev.zpaaudit.cli.Audits.audit;
import static dev.zpaaudit.cli.Audits.check;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each item of dns-egress's evidence says which of the four DNS directions it is about. */
class DnsEvidenceTest {
  @Test
  void indeterminateQueriesSayWhichProtocolTheyAre(@TempDir Path dir) throws Exception {
    Path rules = dir.resolve("host.rules");
    Files.writeString(
        rules,
        """
        *filter
        :INPUT ACCEPT [0:0]
        :FORWARD DROP [0:0]
        :OUTPUT DROP [0:0]
        -A OUTPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
        -A OUTPUT -p tcp --dport 443 -j ACCEPT
        -A OUTPUT -m recent --name flood --rcheck -j DROP
        -A OUTPUT -p udp --dport 53 -j ACCEPT
        -A OUTPUT -p tcp --dport 53 -j ACCEPT
        COMMIT
        """);
    JsonNode dns =
        check(
            audit(
                List.of(
                    "--config",
                    rules.toString(),
                    "--connector",
                    "10.0.0.10",
                    "--resolver",
                    "10.0.0.53")),
            "dns-egress");
    assertThat(dns.get("status").asText()).isEqualTo("indeterminate");
    List<String> unknown = new ArrayList<>();
    StreamSupport.stream(dns.get("evidence").spliterator(), false)
        .filter(e -> e.get("verdict").asText().equals("indeterminate"))
        .forEach(e -> unknown.add(e.get("message").asText()));
    assertThat(unknown).hasSize(2);
    assertThat(unknown.get(0)).startsWith("UDP 53 queries indeterminate: new packets: ");
    assertThat(unknown.get(1)).startsWith("TCP 53 queries indeterminate: new packets: ");
  }
}
