package dev.zpaaudit.ingest.nftables;

import java.util.Map;

/** Symbolic constants as nft writes them. */
final class NftNames {
  static final Map<String, Integer> CT_STATE =
      Map.of("invalid", 1, "established", 2, "related", 4, "new", 8, "untracked", 64);
  static final Map<String, Integer> TCP_FLAGS =
      Map.of("fin", 1, "syn", 2, "rst", 4, "psh", 8, "ack", 16, "urg", 32, "ecn", 64, "cwr", 128);
  static final Map<String, Integer> ICMP_TYPE =
      Map.ofEntries(
          Map.entry("echo-reply", 0),
          Map.entry("destination-unreachable", 3),
          Map.entry("source-quench", 4),
          Map.entry("redirect", 5),
          Map.entry("echo-request", 8),
          Map.entry("router-advertisement", 9),
          Map.entry("router-solicitation", 10),
          Map.entry("time-exceeded", 11),
          Map.entry("parameter-problem", 12),
          Map.entry("timestamp-request", 13),
          Map.entry("timestamp-reply", 14),
          Map.entry("info-request", 15),
          Map.entry("info-reply", 16),
          Map.entry("address-mask-request", 17),
          Map.entry("address-mask-reply", 18));
  static final Map<String, Integer> ICMPV6_TYPE =
      Map.ofEntries(
          Map.entry("destination-unreachable", 1),
          Map.entry("packet-too-big", 2),
          Map.entry("time-exceeded", 3),
          Map.entry("parameter-problem", 4),
          Map.entry("echo-request", 128),
          Map.entry("echo-reply", 129),
          Map.entry("mld-listener-query", 130),
          Map.entry("mld-listener-report", 131),
          Map.entry("mld-listener-done", 132),
          Map.entry("mld-listener-reduction", 132),
          Map.entry("nd-router-solicit", 133),
          Map.entry("nd-router-advert", 134),
          Map.entry("nd-neighbor-solicit", 135),
          Map.entry("nd-neighbor-advert", 136),
          Map.entry("nd-redirect", 137),
          Map.entry("router-renumbering", 138),
          Map.entry("ind-neighbor-solicit", 141),
          Map.entry("ind-neighbor-advert", 142),
          Map.entry("mld2-listener-report", 143));
  static final Map<String, Integer> ICMP_CODE =
      Map.of(
          "net-unreachable",
          0,
          "host-unreachable",
          1,
          "prot-unreachable",
          2,
          "port-unreachable",
          3,
          "frag-needed",
          4,
          "net-prohibited",
          9,
          "host-prohibited",
          10,
          "admin-prohibited",
          13);
  static final Map<String, Integer> ICMPV6_CODE =
      Map.of(
          "no-route",
          0,
          "admin-prohibited",
          1,
          "addr-unreachable",
          3,
          "port-unreachable",
          4,
          "policy-fail",
          5,
          "reject-route",
          6);

  private NftNames() {}
}
