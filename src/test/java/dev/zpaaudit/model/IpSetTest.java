package dev.zpaaudit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.BitSet;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class IpSetTest {
  @Test
  void parsesCidrsHostsAndRanges() {
    assertThat(IpSet.parse("10.1.2.3/8").toCidrs()).containsExactly("10.0.0.0/8");
    assertThat(IpSet.parse("10.0.0.1").toCidrs()).containsExactly("10.0.0.1/32");
    assertThat(IpSet.parse("10.0.0.1-10.0.0.6").toCidrs())
        .containsExactly("10.0.0.1/32", "10.0.0.2/31", "10.0.0.4/31", "10.0.0.6/32");
    assertThat(IpSet.parse("2001:db8::/32").toCidrs()).containsExactly("2001:db8::/32");
    assertThat(IpSet.parse("::/0").isAll()).isTrue();
    assertThat(IpSet.parse("0.0.0.0/0").complement().isEmpty()).isTrue();
    for (String bad :
        new String[] {"10.0.0.0/33", "10.0.0", "256.1.1.1", "x", "10.0.0.1/", "a.b.c.d"}) {
      assertThat(IpSet.tryParse(bad)).as(bad).isEmpty();
    }
    assertThatThrownBy(() -> IpSet.parse("1.2.3.4/40")).hasMessageContaining("'1.2.3.4/40'");
  }

  @Test
  void dottedQuadsAreReadWithoutLookingNamesUp() {
    assertThat(IpSet.parse("010.001.0.255").toCidrs()).containsExactly("10.1.0.255/32");
    assertThat(IpSet.parse(" 0.0.0.0/0 ").isAll()).isTrue();
    assertThat(IpSet.parse("255.255.255.255").toCidrs()).containsExactly("255.255.255.255/32");
    assertThat(IpSet.parse("0.0.0.0/0").toCidrs()).containsExactly("0.0.0.0/0");
    assertThat(IpSet.parse("100.9.10.99-100.9.10.100").toCidrs())
        .containsExactly("100.9.10.99/32", "100.9.10.100/32");
    for (String bad :
        new String[] {
          "999.1.1.1",
          "1.2.3.256",
          "1.2.3.4.5",
          "1.2.3.",
          ".1.2.3",
          "1..2.3",
          "1.2.3.0004",
          "1.2.3.-4",
          "1.2.3.4/3x",
          "1.2.3.4/",
          "1,2,3,4"
        }) {
      assertThat(IpSet.tryParse(bad)).as(bad).isEmpty();
    }
  }

  @Test
  void ipv6Edges() {
    IpSet all = IpSet.all(6);
    IpSet low = IpSet.parse("::/1");
    assertThat(all.minus(low).toCidrs()).containsExactly("8000::/1");
    assertThat(IpSet.parse("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff").complement().toCidrs())
        .hasSize(128);
    assertThat(IpSet.parse("::ffff:ffff:ffff:ffff/64").union(IpSet.parse("0:0:0:1::/64")).toCidrs())
        .containsExactly("::/63");
  }

  @Test
  void ipv4MappedIpv6AddressesStayIpv6() {
    IpSet mapped = IpSet.parse("::ffff:10.0.0.0/104");
    assertThat(mapped.family()).isEqualTo(AddressFamily.IPV6);
    assertThat(mapped.toCidrs()).hasSize(1);
    assertThat(mapped.containsAll(IpSet.parse("::ffff:10.1.2.3"))).isTrue();
    assertThat(IpSet.parse("::ffff:10.1.2.3").family()).isEqualTo(AddressFamily.IPV6);
    assertThat(IpSet.parse("::ffff:0.0.0.0/96").union(IpSet.parse("::/96")).toCidrs())
        .containsExactly("::/96", "::ffff:0:0/96");
    assertThat(IpSet.parse("10.1.2.3").family()).isEqualTo(AddressFamily.IPV4);
  }

  static IntStream seeds() {
    return IntStream.range(0, 40);
  }

  /** Random sets inside 10.0.0.0/24, checked against a bit set of the 256 addresses. */
  @ParameterizedTest
  @MethodSource("seeds")
  void algebraMatchesABruteForceModel(int seed) {
    Random r = new Random(seed);
    BitSet ma = new BitSet(256);
    BitSet mb = new BitSet(256);
    IpSet a = random(r, ma);
    IpSet b = random(r, mb);
    check(a.union(b), or(ma, mb));
    check(a.intersect(b), and(ma, mb));
    check(a.minus(b), andNot(ma, mb));
    assertThat(a.intersects(b)).isEqualTo(ma.intersects(mb));
    assertThat(a.containsAll(b)).isEqualTo(andNot(mb, ma).isEmpty());
    IpSet universe = IpSet.parse("10.0.0.0/24");
    BitSet all = new BitSet(256);
    all.set(0, 256);
    check(a.complement().intersect(universe), andNot(all, ma));
  }

  private static IpSet random(Random r, BitSet model) {
    IpSet s = IpSet.empty(4);
    int n = r.nextInt(6);
    for (int i = 0; i < n; i++) {
      int lo = r.nextInt(256);
      int hi = Math.min(255, lo + r.nextInt(40));
      s = s.union(IpSet.parse("10.0.0." + lo + "-10.0.0." + hi));
      model.set(lo, hi + 1);
    }
    return s;
  }

  private static void check(IpSet s, BitSet expected) {
    BitSet got = new BitSet(256);
    for (String c : s.toCidrs()) {
      IpSet block = IpSet.parse(c);
      for (int i = 0; i < 256; i++) {
        if (block.intersects(IpSet.parse("10.0.0." + i))) {
          got.set(i);
        }
      }
    }
    assertThat(got).isEqualTo(expected);
    assertThat(IpSet.unionAll(4, s.intervals())).isEqualTo(s);
  }

  /**
   * A set of a few intervals against one of many (where the few are looked up in the many rather
   * than both walked), both ways round.
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void aFewIntervalsAgainstMany(int seed) {
    Random r = new Random(seed);
    BitSet many = new BitSet(256);
    IpSet big = IpSet.empty(4);
    for (int i = 0; i < 256; i += 2 + r.nextInt(2)) {
      if (r.nextInt(4) > 0) {
        big = big.union(IpSet.parse("10.0.0." + i));
        many.set(i);
      }
    }
    BitSet few = new BitSet(256);
    IpSet small = IpSet.empty(4);
    for (int i = 0; i < 1 + r.nextInt(2); i++) {
      int lo = r.nextInt(256);
      int hi = Math.min(255, lo + r.nextInt(60));
      small = small.union(IpSet.parse("10.0.0." + lo + "-10.0.0." + hi));
      few.set(lo, hi + 1);
    }
    check(small.intersect(big), and(few, many));
    check(big.intersect(small), and(few, many));
    assertThat(big.intersects(small)).isEqualTo(many.intersects(few));
    assertThat(small.intersects(big)).isEqualTo(many.intersects(few));
    check(big.minus(small), andNot(many, few));
    check(small.minus(big), andNot(few, many));
    assertThat(small.containsAll(big)).isEqualTo(andNot(many, few).isEmpty());
    assertThat(big.containsAll(small)).isEqualTo(andNot(few, many).isEmpty());
    IpSet inside = big.intersect(small);
    assertThat(big.containsAll(inside)).isTrue();
    check(big.intersect(inside), and(few, many));
  }

  /**
   * Random sets of the 256 IPv6 addresses around the carry from the low 64 bits into the high ones
   * (::ffff:ffff:ffff:ff80 to ::1:0:0:0:7f), where an interval's neighbour is a carry away.
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void algebraAcrossTheCarryOfTheLow64Bits(int seed) {
    Random r = new Random(seed);
    BitSet ma = new BitSet(256);
    BitSet mb = new BitSet(256);
    IpSet a = random6(r, ma);
    IpSet b = random6(r, mb);
    check6(a.union(b), or(ma, mb));
    check6(a.intersect(b), and(ma, mb));
    check6(a.minus(b), andNot(ma, mb));
    check6(b.minus(a), andNot(mb, ma));
    assertThat(a.containsAll(b)).isEqualTo(andNot(mb, ma).isEmpty());
    // many intervals against these few
    BitSet mm = new BitSet(256);
    IpSet many = IpSet.empty(6);
    for (int i = r.nextInt(2); i < 256; i += 2 + r.nextInt(2)) {
      many = many.union(IpSet.parse(v6(i)));
      mm.set(i);
    }
    check6(many.minus(a), andNot(mm, ma));
    check6(many.intersect(a), and(mm, ma));
    assertThat(many.containsAll(a)).isEqualTo(andNot(ma, mm).isEmpty());
  }

  private static String v6(int i) {
    java.math.BigInteger base = new java.math.BigInteger("ffffffffffffff80", 16);
    String hex = String.format("%032x", base.add(java.math.BigInteger.valueOf(i)));
    StringBuilder sb = new StringBuilder();
    for (int g = 0; g < 8; g++) {
      sb.append(g == 0 ? "" : ":").append(hex, g * 4, g * 4 + 4);
    }
    return sb.toString();
  }

  private static IpSet random6(Random r, BitSet model) {
    IpSet s = IpSet.empty(6);
    int n = r.nextInt(6);
    for (int i = 0; i < n; i++) {
      int lo = r.nextInt(256);
      int hi = Math.min(255, lo + r.nextInt(80));
      s = s.union(IpSet.parse(v6(lo) + "-" + v6(hi)));
      model.set(lo, hi + 1);
    }
    return s;
  }

  private static void check6(IpSet s, BitSet expected) {
    BitSet got = new BitSet(256);
    for (int i = 0; i < 256; i++) {
      if (s.intersects(IpSet.parse(v6(i)))) {
        got.set(i);
      }
    }
    assertThat(got).isEqualTo(expected);
    assertThat(IpSet.unionAll(6, s.intervals())).isEqualTo(s);
  }

  private static BitSet or(BitSet a, BitSet b) {
    BitSet x = (BitSet) a.clone();
    x.or(b);
    return x;
  }

  private static BitSet and(BitSet a, BitSet b) {
    BitSet x = (BitSet) a.clone();
    x.and(b);
    return x;
  }

  private static BitSet andNot(BitSet a, BitSet b) {
    BitSet x = (BitSet) a.clone();
    x.andNot(b);
    return x;
  }
}
