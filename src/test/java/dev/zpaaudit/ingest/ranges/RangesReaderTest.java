package dev.zpaaudit.ingest.ranges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zpaaudit.diag.InputException;
import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.PublishedRanges;
import org.junit.jupiter.api.Test;

class RangesReaderTest {
  private static final String FEED =
      """
      {
        "Cloud Name": "private.zscaler.com",
        "content": [
          {
            "Source": "Connector, Private Service Edge, Zscaler Client Connector",
            "IP Protocol": "TCP/UDP",
            "Port": 443,
            "Domains": "*.prod.zpath.net,*.private.zscaler.com,*.prod.zpath.vip",
            "IPs": ["165.225.0.0/17", "2a03:eec0::/32", "104.129.192.10"],
            "Date Added": "2024-01-01"
          },
          {
            "Source": "Browser Access",
            "IP Protocol": "TCP",
            "Port": 443,
            "Domains": "*.zpa-app.net",
            "IPs": ["198.51.100.0/24"]
          }
        ]
      }
      """;

  @Test
  void plainTextSkipsCommentsAndReadsBothFamilies() throws Exception {
    PublishedRanges r =
        RangesReader.parse(
            "# c\n165.225.0.0/17 # pse\n\n2a03:eec0::/32\n10.0.0.1\n", "r.txt", "r.txt", "d");
    assertThat(r.entries())
        .extracting(PublishedRanges.Entry::text)
        .containsExactly("165.225.0.0/17", "2a03:eec0::/32", "10.0.0.1");
    assertThat(r.entries().get(1).location().line()).isEqualTo(4);
    assertThat(r.union(AddressFamily.IPV4).toCidrs())
        .containsExactly("10.0.0.1/32", "165.225.0.0/17");
    assertThat(r.union(AddressFamily.IPV6).toCidrs()).containsExactly("2a03:eec0::/32");
  }

  @Test
  void plainTextBadLinesAreErrorsWithTheirLine() {
    assertThatThrownBy(
            () -> RangesReader.parse("1.2.3.0/24\nnot-an-ip\n1.2.3.0/33\n", "r.txt", "r.txt", "d"))
        .isInstanceOfSatisfying(
            InputException.class,
            e ->
                assertThat(e.errors())
                    .extracting(d -> d.format())
                    .containsExactly(
                        "r.txt:2: error: 'not-an-ip' is not an IPv4 or IPv6 address or CIDR",
                        "r.txt:3: error: '1.2.3.0/33' is not an IPv4 or IPv6 address or CIDR"));
  }

  @Test
  void jsonFeedSelectsConnectorRowsAndSplitsDomains() throws Exception {
    PublishedRanges r = RangesReader.parse(FEED, "feed.json", "feed.json", "d");
    assertThat(r.entries())
        .extracting(PublishedRanges.Entry::text)
        .containsExactly("165.225.0.0/17", "2a03:eec0::/32", "104.129.192.10");
    assertThat(r.entries().get(0).location().line()).isEqualTo(9);
    assertThat(r.domains())
        .containsExactly("*.prod.zpath.net", "*.private.zscaler.com", "*.prod.zpath.vip");
    assertThat(r.source()).isEqualTo("feed.json (cloud private.zscaler.com)");
  }

  @Test
  void jsonFeedBadEntryNamesItsLine() {
    String bad = FEED.replace("\"104.129.192.10\"", "\"104.129.192.300\"");
    assertThatThrownBy(() -> RangesReader.parse(bad, "feed.json", "feed.json", "d"))
        .hasMessage("feed.json:9: error: '104.129.192.300' is not an IPv4 or IPv6 address or CIDR");
  }

  @Test
  void aFileWithoutRangesIsAnError() {
    assertThatThrownBy(() -> RangesReader.parse("# nothing\n", "r.txt", "r.txt", "d"))
        .hasMessage("r.txt: error: no ranges found");
  }

  @Test
  void theEmbeddedSnapshotHasItsProvenance() {
    PublishedRanges r = RangesReader.embedded();
    assertThat(r.entries()).hasSize(1080);
    assertThat(r.date()).isEqualTo("2026-09-02");
    assertThat(r.source()).contains("hove-io/m365-edl");
  }
}
