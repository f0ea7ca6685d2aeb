package dev.zpaaudit.oracle;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits flows into rounds that can share one conntrack table and one set of routes: within a round
 * no two flows have the same connection (in either direction), and every interface has one routing
 * target. Flows are placed greedily, in order, into the first round that fits.
 */
final class RoundPlanner {

  /** Flows observed together, with the scripts and routes they need. */
  static final class Round {
    final List<Flow> flows = new ArrayList<>();
    final List<FlowScript> scripts = new ArrayList<>();
    final Map<String, String> routes = new LinkedHashMap<>();
    final Map<String, String> returnRoutes = new LinkedHashMap<>();
    final Set<String> interfaces = new LinkedHashSet<>();
    final Set<String> hostAddresses = new LinkedHashSet<>();
    private final Set<String> remoteAddresses = new HashSet<>();
    private final Set<String> connections = new HashSet<>();

    boolean needsConntrack() {
      return scripts.stream().anyMatch(FlowScript::needsConntrack);
    }

    boolean fits(String connection, FlowScript script) {
      if (connections.contains(connection)) {
        return false;
      }
      String own = script.hostAddress();
      if (own != null && remoteAddresses.contains(own)) {
        return false;
      }
      for (String remote : script.remoteAddresses()) {
        if (hostAddresses.contains(remote) || remote.equals(own)) {
          return false;
        }
      }
      return agrees(routes, script.incomingRoutes()) && agrees(returnRoutes, script.returnRoutes());
    }

    private static boolean agrees(Map<String, String> have, Map<String, String> wanted) {
      for (Map.Entry<String, String> e : wanted.entrySet()) {
        String value = have.get(e.getKey());
        if (value != null && !value.equals(e.getValue())) {
          return false;
        }
      }
      return true;
    }

    void add(Flow flow, FlowScript script, String connection) {
      flows.add(flow);
      scripts.add(script);
      connections.add(connection);
      routes.putAll(script.incomingRoutes());
      returnRoutes.putAll(script.returnRoutes());
      interfaces.addAll(script.interfaces());
      if (script.hostAddress() != null) {
        hostAddresses.add(script.hostAddress());
      }
      remoteAddresses.addAll(script.remoteAddresses());
    }
  }

  private RoundPlanner() {}

  static List<Round> plan(Collection<Flow> flows) {
    List<Round> rounds = new ArrayList<>();
    for (Flow flow : new LinkedHashSet<>(flows)) {
      FlowScript script = FlowScript.of(flow);
      String connection = connectionKey(flow);
      Round round =
          rounds.stream().filter(r -> r.fits(connection, script)).findFirst().orElse(null);
      if (round == null) {
        round = new Round();
        rounds.add(round);
      }
      round.add(flow, script, connection);
    }
    return rounds;
  }

  /** The conntrack identity of a connection: protocol and the unordered pair of its ends. */
  static String connectionKey(Flow flow) {
    String a = flow.src().getHostAddress() + ":" + flow.sport();
    String b = flow.dst().getHostAddress() + ":" + flow.dport();
    return flow.proto() + " " + (a.compareTo(b) < 0 ? a + " " + b : b + " " + a);
  }
}
