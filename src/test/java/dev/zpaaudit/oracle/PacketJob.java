package dev.zpaaudit.oracle;

import dev.zpaaudit.oracle.FlowScript.Packet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One invocation of the packet helper ({@code packets.py send}): a list of steps, each a batch of
 * packets sent back to back and then drained. A step either waits until every packet was seen where
 * it should be ({@code all}) or until nothing more arrived for a quiet period ({@code quiet}). The
 * helper also fails the job when a capture socket or a network device lost packets, since a verdict
 * would then be unreliable.
 */
final class PacketJob {
  static final Duration QUIET = Duration.ofMillis(200);
  private static final int EPERM = 1;

  private final StringBuilder text = new StringBuilder();
  private int packets;

  /** What the helper saw: lines {@code STEP ID TYPE WHERE}, and packets it could not send. */
  record Observations(Set<String> seen, Set<String> refused, Set<String> unopened) {
    boolean saw(String step, int id, Packet p) {
      return seen.contains(step + " " + id + " " + p.seenType() + " " + p.expectedAt());
    }

    /** A reply to a translated connection that was not sent: conntrack had no such connection. */
    boolean unopened(String step, int id, Packet p) {
      return unopened.contains(step + " " + id + " " + p.type());
    }

    boolean refused(String step, int id, Packet p) {
      return refused.contains(step + " " + id + " " + p.type());
    }
  }

  PacketJob(Topology topology, long nonce) {
    text.append("lab ").append(topology.host).append(' ').append(topology.peer).append(' ');
    text.append(nonce).append('\n');
    for (Topology.Link l : topology.links()) {
      text.append("iface ").append(l.name()).append(' ').append(l.peerName()).append(' ');
      text.append(l.hostMac()).append(' ').append(l.peerMac()).append('\n');
    }
  }

  /** Makes the helper delete every conntrack entry of the ruleset host before it sends. */
  void flushConntrackFirst() {
    text.append("flushct\n");
  }

  /** Adds a step; {@code packets.get(i)} belongs to flow {@code ids.get(i)}. */
  void step(String name, boolean waitForAll, List<Integer> ids, List<Flow> flows, List<Packet> ps) {
    long timeoutMs = 10_000 + ps.size();
    text.append(
        String.format(
            "step %s %s %d %d%n", name, waitForAll ? "all" : "quiet", timeoutMs, QUIET.toMillis()));
    for (int i = 0; i < ps.size(); i++) {
      Packet p = ps.get(i);
      Flow f = flows.get(i);
      text.append(
          String.format(
              "pkt %d %s %d %s %d %s %s %d %s %d%n",
              ids.get(i),
              p.type(),
              p.from().host() ? 1 : 0,
              p.from().iface(),
              p.to().host() ? 1 : 0,
              p.to().iface(),
              f.src().getHostAddress(),
              f.sport(),
              f.dst().getHostAddress(),
              f.dport()));
    }
    packets += ps.size();
  }

  Observations run(Path workDir, Path script) {
    Path job = workDir.resolve("job.txt");
    try {
      Files.writeString(job, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Duration timeout = Duration.ofSeconds(60).plusMillis(2L * packets);
    Shell.Result r =
        Shell.run(
                timeout,
                null,
                Shell.python(),
                "-I",
                "-S",
                script.toString(),
                "send",
                job.toString())
            .check();
    return parse(r.stdout());
  }

  private static Observations parse(String stdout) {
    Set<String> seen = new HashSet<>();
    Set<String> refused = new HashSet<>();
    Set<String> unopened = new HashSet<>();
    List<String> problems = new ArrayList<>();
    for (String line : stdout.lines().toList()) {
      String[] f = line.split(" ");
      if (f[0].equals("seen") && f.length == 5) {
        seen.add(line.substring(5));
      } else if (f[0].equals("senderr") && f.length == 5 && Integer.parseInt(f[4]) == EPERM) {
        refused.add(f[1] + " " + f[2] + " " + f[3]);
      } else if (f[0].equals("unopened") && f.length == 4) {
        unopened.add(line.substring(9));
      } else {
        problems.add(line);
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("packet helper reported problems: " + problems);
    }
    return new Observations(seen, refused, unopened);
  }
}
