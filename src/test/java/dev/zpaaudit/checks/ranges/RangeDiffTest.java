package dev.zpaaudit.checks.ranges;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zpaaudit.ingest.ranges.RangesReader;
import dev.zpaaudit.model.PublishedRanges;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RangeDiffTest {
  private static PublishedRanges list(String name, String... cidrs) throws Exception {
    return RangesReader.parse(String.join("\n", cidrs) + "\n", name, name, "2026-12-01");
  }

  @Test
  void addedRemovedWidenedAndNarrowed() throws Exception {
    PublishedRanges old =
        list("old", "10.0.0.0/24", "10.1.0.0/24", "192.0.2.0/24", "2001:db8::/48");
    PublishedRanges now =
        list("new", "10.0.0.0/23", "192.0.2.0/25", "203.0.113.0/24", "2001:db8::/47");
    RangeDiff d = RangeDiff.of(old, now, LocalDate.of(2026, 12, 1));
    assertThat(d.added()).containsExactly("10.0.1.0/24", "203.0.113.0/24", "2001:db8:1::/48");
    assertThat(d.removed()).containsExactly("10.1.0.0/24", "192.0.2.128/25");
    assertThat(d.widened())
        .containsExactly(
            new RangeDiff.Change(List.of("10.0.0.0/24"), List.of("10.0.0.0/23")),
            new RangeDiff.Change(List.of("2001:db8::/48"), List.of("2001:db8::/47")));
    assertThat(d.narrowed())
        .containsExactly(new RangeDiff.Change(List.of("192.0.2.0/24"), List.of("192.0.2.0/25")));
    assertThat(d.activation()).isEqualTo(LocalDate.of(2027, 3, 1));
    assertThat(d.none()).isFalse();
  }

  @Test
  void theSameAddressesWrittenOtherwiseAreNoChange() throws Exception {
    RangeDiff d =
        RangeDiff.of(list("old", "10.0.0.0/24", "10.0.1.0/24"), list("new", "10.0.0.0/23"), null);
    assertThat(d.added()).isEmpty();
    assertThat(d.removed()).isEmpty();
    // Two entries merged into one that holds exactly them is a widening of the entries.
    assertThat(d.widened())
        .containsExactly(
            new RangeDiff.Change(List.of("10.0.0.0/24", "10.0.1.0/24"), List.of("10.0.0.0/23")));
    assertThat(d.activation()).isNull();
    assertThat(RangeDiff.of(list("a", "10.0.0.0/24"), list("b", "10.0.0.0/24"), null).none())
        .isTrue();
  }
}
