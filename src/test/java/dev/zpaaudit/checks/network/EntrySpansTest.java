package dev.zpaaudit.checks.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.PublishedRanges;
import dev.zpaaudit.model.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which entries an interval touches, by binary search, against a check of every entry. */
class EntrySpansTest {

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void findsTheEntriesAWalkOverAllOfThemFinds(long seed) {
    Random rnd = new Random(seed);
    List<PublishedRanges.Entry> entries = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      // Small addresses in a small space, so that entries overlap, nest and touch.
      String cidr =
          "10.0." + rnd.nextInt(4) + "." + rnd.nextInt(256) + "/" + (22 + rnd.nextInt(11));
      IpSet set = IpSet.parse(cidr);
      if (rnd.nextInt(4) == 0) {
        set =
            set.union(IpSet.parse("10.0." + (4 + rnd.nextInt(4)) + ".0/" + (24 + rnd.nextInt(9))));
      }
      entries.add(new PublishedRanges.Entry(cidr, set, new SourceLocation("t", i + 1)));
    }
    EntrySpans spans = EntrySpans.of(entries, AddressFamily.IPV4);
    for (int q = 0; q < 200; q++) {
      IpSet query = IpSet.empty(AddressFamily.IPV4);
      for (int k = 1 + rnd.nextInt(6); k > 0; k--) { // a few intervals, walked in order
        query =
            query.union(
                IpSet.parse(
                    "10.0."
                        + rnd.nextInt(9)
                        + "."
                        + rnd.nextInt(256)
                        + "/"
                        + (26 + rnd.nextInt(7))));
      }
      Set<Integer> found = new LinkedHashSet<>();
      EntrySpans.Walk walk = spans.walk();
      query.forEachInterval((sh, sl, eh, el) -> walk.touching(sh, sl, eh, el, found::add));
      Set<Integer> expected = new LinkedHashSet<>();
      for (int i = 0; i < entries.size(); i++) {
        if (entries.get(i).addresses().intersects(query)) {
          expected.add(i);
        }
      }
      assertThat(found).as("%s", query).containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"255.255.255.0/24", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ff00/120", "0.0.0.0/0"})
  void entriesUpToTheLastAddressAreFound(String cidr) {
    IpSet last = IpSet.parse(cidr);
    List<PublishedRanges.Entry> entries =
        List.of(
            new PublishedRanges.Entry(cidr, last, new SourceLocation("t", 1)),
            new PublishedRanges.Entry(cidr, last, new SourceLocation("t", 2)));
    EntrySpans spans = EntrySpans.of(entries, last.family());
    Set<Integer> found = new LinkedHashSet<>();
    EntrySpans.Walk walk = spans.walk();
    IpSet.all(last.family())
        .forEachInterval((sh, sl, eh, el) -> walk.touching(sh, sl, eh, el, found::add));
    assertThat(found).containsExactly(0, 1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"IPV6"})
  void noEntryOfTheFamilyIsNoSpans(AddressFamily fam) {
    List<PublishedRanges.Entry> v4 =
        List.of(
            new PublishedRanges.Entry(
                "10.0.0.0/8", IpSet.parse("10.0.0.0/8"), new SourceLocation("t", 1)));
    assertThat(EntrySpans.of(v4, fam)).isNull();
  }
}
