package dev.zpaaudit.probe;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;

/**
 * What to probe: the rule pack (names, limits), the resolvers to ask, the published ranges (null
 * when none are loaded: answers cannot be judged and nothing is sampled), the port, and the NTP
 * servers.
 */
public record ProbePlan(
    ProbeRules rules,
    List<InetSocketAddress> resolvers,
    ZenRanges ranges,
    int port,
    List<Endpoint> ntpServers) {
  public ProbePlan {
    Objects.requireNonNull(rules, "rules");
    resolvers = List.copyOf(resolvers);
    ntpServers = List.copyOf(ntpServers);
  }
}
