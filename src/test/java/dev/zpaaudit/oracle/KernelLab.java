package dev.zpaaudit.oracle;

import dev.zpaaudit.oracle.FlowScript.Packet;
import dev.zpaaudit.oracle.RoundPlanner.Round;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A kernel oracle: loads a ruleset into a network namespace, sends real packets for given flows and
 * reports which ones the kernel delivered. See {@code src/test/resources/oracle/README.md}.
 *
 * <p>Usage: skip unless {@link #unavailableReason()} is empty, then {@code try (KernelLab lab = new
 * KernelLab()) { lab.loadIptablesSave(rules); Map<Flow, Verdict> v = lab.run(flows); }}. Namespaces
 * are removed on {@link #close()}, and by a shutdown hook if the caller forgets.
 */
public final class KernelLab implements AutoCloseable {
  /** Upper bound on flows per {@link #run} call. */
  public static final int MAX_FLOWS = 100_000;

  private static Optional<String> availability;
  private static Optional<String> availability6;

  private final SecureRandom random = new SecureRandom();
  private final Path workDir;
  private final Path script;
  private final Topology topology;
  private final RulesetLoader rulesets;
  private final Thread cleanup;
  private boolean closed;

  /** Builds the namespaces; fails if {@link #unavailableReason()} is present. */
  public KernelLab() {
    unavailableReason()
        .ifPresent(
            reason -> {
              throw new IllegalStateException("kernel lab unavailable: " + reason);
            });
    workDir = createWorkDir();
    script = workDir.resolve("packets.py");
    try {
      copyScript(script);
      topology = Topology.create();
    } catch (RuntimeException e) {
      deleteTree(workDir);
      throw e;
    }
    rulesets = new RulesetLoader(topology);
    cleanup = new Thread(topology::close, "zpa-oracle-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
  }

  /** Why the lab cannot run here (not root, no namespaces, a tool missing), or empty. */
  public static synchronized Optional<String> unavailableReason() {
    if (availability == null) {
      availability = Optional.ofNullable(Requirements.missing());
    }
    return availability;
  }

  /**
   * Why the lab cannot run IPv6 rulesets here ({@link #unavailableReason()}, or {@code
   * ip6tables-restore} missing), or empty.
   */
  public static synchronized Optional<String> ipv6UnavailableReason() {
    if (availability6 == null) {
      availability6 =
          unavailableReason().or(() -> Optional.ofNullable(Requirements.missingForIpv6()));
    }
    return availability6;
  }

  /** Loads an {@code iptables-save} file with {@code iptables-restore}, replacing any ruleset. */
  public void loadIptablesSave(Path file) {
    try {
      loadIptablesSave(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Loads {@code iptables-save} output with {@code iptables-restore}, replacing any ruleset.
   *
   * @throws RulesetLoadException with the line iptables-restore complained about
   */
  public void loadIptablesSave(String content) {
    ensureOpen();
    rulesets.load(RulesetLoader.Format.IPTABLES, content);
  }

  /**
   * Loads {@code ip6tables-save} output with {@code ip6tables-restore}, replacing any ruleset.
   *
   * @throws RulesetLoadException with the line ip6tables-restore complained about
   */
  public void loadIp6tablesSave(String content) {
    ensureOpen();
    rulesets.load(RulesetLoader.Format.IP6TABLES, content);
  }

  /**
   * Loads an nft script with {@code nft -f}, replacing any ruleset (the script need not start with
   * {@code flush ruleset}).
   *
   * @throws RulesetLoadException with the line nft complained about
   */
  public void loadNft(String script) {
    ensureOpen();
    rulesets.load(RulesetLoader.Format.NFT, script);
  }

  /**
   * Runs a command (a program on the PATH and its arguments) in the ruleset host, as an operator
   * would there, and returns what it prints; fails if it fails.
   */
  public String inRulesetHost(List<String> command) {
    ensureOpen();
    List<String> c = new ArrayList<>(command);
    c.set(0, Shell.which(c.get(0)));
    return topology.inHost(null, c.toArray(new String[0])).check().stdout();
  }

  /** Creates ipsets with {@code ipset restore}; load them before a ruleset that uses them. */
  public void loadIpsets(String ipsetRestoreScript) {
    ensureOpen();
    rulesets.loadIpsets(ipsetRestoreScript);
  }

  /** What {@code iptables-save} prints for the loaded ruleset (to check that nothing was lost). */
  String iptablesSave() {
    return iptablesSave(4);
  }

  /** What {@code iptables-save} (family 4) or {@code ip6tables-save} (6) prints. */
  String iptablesSave(int family) {
    ensureOpen();
    rulesets.ensureUserRuleset();
    RulesetLoader.Format f =
        family == 4 ? RulesetLoader.Format.IPTABLES : RulesetLoader.Format.IP6TABLES;
    return topology.inHost(null, Shell.which(f.save)).check().stdout();
  }

  /**
   * Sends the tested packet of every flow and reports what arrived. Equal flows are sent once; the
   * map has one entry per distinct flow, in the order of {@code flows}.
   */
  public Map<Flow, Verdict> run(List<Flow> flows) {
    ensureOpen();
    if (flows.size() > MAX_FLOWS) {
      throw new IllegalArgumentException("at most " + MAX_FLOWS + " flows per run");
    }
    flows.forEach(KernelLab::checkUsable);
    Map<Flow, Verdict> verdicts = new HashMap<>();
    for (Round round : RoundPlanner.plan(flows)) {
      verdicts.putAll(runRound(round));
    }
    Map<Flow, Verdict> ordered = new LinkedHashMap<>();
    flows.forEach(f -> ordered.put(f, verdicts.get(f)));
    return ordered;
  }

  private Map<Flow, Verdict> runRound(Round round) {
    topology.ensureLinks(round.interfaces);
    topology.routeIncoming(round.routes);
    topology.ownAddresses(round.hostAddresses);
    topology.routeBack(round.returnRoutes);
    long nonce = random.nextInt() & 0xFFFFFFFFL;
    PacketJob job = new PacketJob(topology, nonce);
    if (round.needsConntrack()) {
      openConnections(round, nonce);
    } else {
      rulesets.ensureUserRuleset();
      job.flushConntrackFirst();
    }
    // Connections whose source NAT is tested are opened through the ruleset itself.
    addStep(job, "natopen", false, round, s -> s.natOpening().stream());
    addStep(job, "probe", false, round, s -> Stream.of(s.probe()));
    PacketJob.Observations seen = job.run(workDir, script);
    Map<Flow, Verdict> verdicts = new HashMap<>();
    for (int i = 0; i < round.flows.size(); i++) {
      Packet probe = round.scripts.get(i).probe();
      boolean arrived = seen.saw("probe", i, probe);
      verdicts.put(
          round.flows.get(i),
          seen.unopened("probe", i, probe)
              ? Verdict.UNOPENED
              : arrived ? Verdict.DELIVERED : Verdict.DROPPED);
    }
    return verdicts;
  }

  /** With only the accept-all setup table loaded, makes conntrack know every connection. */
  private void openConnections(Round round, long nonce) {
    rulesets.loadSetupTable();
    PacketJob job = new PacketJob(topology, nonce);
    job.flushConntrackFirst();
    addStep(job, "open", true, round, s -> s.opening().stream());
    addStep(job, "answer", true, round, s -> s.answer().stream());
    PacketJob.Observations seen = job.run(workDir, script);
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < round.flows.size(); i++) {
      FlowScript s = round.scripts.get(i);
      for (Packet p : s.opening()) {
        if (!seen.saw("open", i, p)) {
          missing.add(round.flows.get(i) + " " + p.type());
        }
      }
      for (Packet p : s.answer()) {
        if (!seen.saw("answer", i, p)) {
          missing.add(round.flows.get(i) + " " + p.type());
        }
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          missing.size()
              + " packets opening connections were lost with an accept-all ruleset,"
              + " e.g. "
              + missing.subList(0, Math.min(5, missing.size())));
    }
    rulesets.replaceSetupTable();
  }

  private static void addStep(
      PacketJob job,
      String name,
      boolean all,
      Round round,
      Function<FlowScript, Stream<Packet>> f) {
    List<Integer> ids = new ArrayList<>();
    List<Flow> flows = new ArrayList<>();
    List<Packet> packets = new ArrayList<>();
    for (int i = 0; i < round.flows.size(); i++) {
      for (Packet p : f.apply(round.scripts.get(i)).toList()) {
        ids.add(i);
        flows.add(round.flows.get(i));
        packets.add(p);
      }
    }
    if (!packets.isEmpty()) {
      job.step(name, all, ids, flows, packets);
    }
  }

  /** Rejects what the lab cannot send faithfully. */
  private static void checkUsable(Flow flow) {
    for (String iface : new String[] {flow.inIface(), flow.outIface()}) {
      if ("lo".equals(iface)) {
        throw new IllegalArgumentException("loopback traffic cannot be simulated: " + flow);
      }
    }
    if (flow.hook() != Flow.Hook.FORWARD && flow.src().equals(flow.dst())) {
      throw new IllegalArgumentException("src and dst must differ: " + flow);
    }
    for (InetAddress a : List.of(flow.src(), flow.dst())) {
      if (!Boundaries.usable(a)) {
        throw new IllegalArgumentException(
            a.getHostAddress()
                + " is reserved (IPv4: 0/8, 127/8, 224/3 are martian, 198.18/16 is the lab's own;"
                + " IPv6: only "
                + String.join(" and ", Boundaries.USABLE6)
                + "): "
                + flow);
      }
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("kernel lab is closed");
    }
  }

  /**
   * The IPv4 address of the ruleset host's interface {@code name} (what MASQUERADE translates to
   * there), or null when no flow has used that interface yet.
   */
  public String ipv4Address(String name) {
    return topology.ipv4Address(name);
  }

  /** Deletes both namespaces and the working directory. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      topology.close();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(cleanup);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or will run; deleting twice is harmless
      }
      deleteTree(workDir);
    }
  }

  private static Path createWorkDir() {
    try {
      return Files.createTempDirectory("zpa-oracle-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copyScript(Path target) {
    try (InputStream in = KernelLab.class.getResourceAsStream("/oracle/packets.py")) {
      if (in == null) {
        throw new IllegalStateException("resource /oracle/packets.py is missing");
      }
      Files.copy(in, target);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(Shell::deleteQuietly);
    } catch (IOException ignored) {
      // a leftover temporary directory is harmless
    }
  }
}
