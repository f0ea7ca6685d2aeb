package dev.zpaaudit.oracle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Two network namespaces joined only to each other: the ruleset host ({@code zpa-PID-N-r}), whose
 * interfaces carry the names the ruleset expects, and the peer ({@code zpa-PID-N-p}), which holds
 * the other end of every veth pair and owns every address ({@code local 0.0.0.0/0}) so nothing sent
 * there can go further. Nothing is connected to the root namespace.
 *
 * <p>The ruleset host owns, as /32 (IPv4) or /128 (IPv6) addresses on {@code lo}, the addresses of
 * its own end of the INPUT and OUTPUT flows of the current round, so packets to them are delivered
 * locally and {@code addrtype LOCAL} holds as on a real host. Other routing is by interface only,
 * so any address works: a packet arriving on interface X follows policy rule {@code iif X} to the
 * table of one egress interface; a packet sent by a raw socket bound to X follows rule {@code oif
 * X}. Each egress table holds a default route through a static neighbour whose MAC is the peer end,
 * so there is no ARP and no IPv6 neighbour discovery: a ruleset that drops ICMPv6 cannot break the
 * lab. IPv6 is on in the ruleset host only (forwarding on, no duplicate address detection, no
 * link-local addresses, no automatic echo replies); the peer's IPv6 stack is off, so it drops
 * whatever IPv6 arrives, after the capture saw it.
 */
final class Topology implements AutoCloseable {
  static final Duration TIMEOUT = Duration.ofSeconds(30);
  static final int MAX_LINKS = 250;
  private static final Pattern OURS = Pattern.compile("zpa-(\\d+)-(\\d+|probe)(-[rp])?");
  private static final Path NETNS_DIR = Path.of("/run/netns");
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static final String GATEWAY = "198.18.255.254";
  private static final String GATEWAY6 = "fe80::5a:1";
  private static final int OIF_PREF = 100;
  private static final int IIF_PREF = 200;

  /** One veth pair: {@code name} in the ruleset host, {@code peerName} in the peer namespace. */
  record Link(int index, String name, String peerName, String hostMac, String peerMac) {
    int table() {
      return 1000 + index;
    }
  }

  final String host;
  final String peer;
  private final Map<String, Link> links = new LinkedHashMap<>();
  private final Map<String, String> incoming = new LinkedHashMap<>();
  private final Set<String> owned = new LinkedHashSet<>();
  private final Map<String, String> back = new LinkedHashMap<>();

  private Topology(String host, String peer) {
    this.host = host;
    this.peer = peer;
  }

  static Topology create() {
    removeStale();
    String base = "zpa-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
    Topology topology = new Topology(base + "-r", base + "-p");
    try {
      topology.build();
      return topology;
    } catch (RuntimeException e) {
      topology.close();
      throw e;
    }
  }

  private void build() {
    ip("netns", "add", host);
    ip("netns", "add", peer);
    String v4 = "net.ipv4.conf.all.rp_filter=0 net.ipv4.conf.default.rp_filter=0";
    sysctl(peer, "net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1 " + v4);
    sysctl(
        host,
        v4
            + " net.ipv4.ip_forward=1 net.ipv4.conf.default.accept_local=1"
            + " net.ipv4.conf.all.accept_local=1 net.netfilter.nf_conntrack_tcp_be_liberal=1"
            + " net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0"
            + " net.ipv6.conf.all.forwarding=1 net.ipv6.conf.all.accept_dad=0"
            + " net.ipv6.conf.default.accept_dad=0 net.ipv6.conf.default.addr_gen_mode=1"
            + " net.ipv6.icmp.echo_ignore_all=1");
    batch(peer, "link set lo up", "route add local 0.0.0.0/0 dev lo");
    batch(host, "link set lo up");
    // The peer only watches: its own stack drops whatever arrives, after the capture saw it.
    Shell.run(
            TIMEOUT,
            "add table ip zpa_peer\n"
                + "add chain ip zpa_peer pre { type filter hook prerouting priority -500;"
                + " policy drop; }\n",
            List.of(Shell.which("ip"), "netns", "exec", peer, Shell.which("nft"), "-f", "-"))
        .check();
  }

  /**
   * The IPv4 address of the ruleset host's interface {@code name}, which MASQUERADE gives packets
   * leaving by it; null for an interface not made yet.
   */
  String ipv4Address(String name) {
    Link l = links.get(name);
    return l == null ? null : "198.18." + l.index() + ".1";
  }

  /** Creates the veth pairs that are still missing. */
  void ensureLinks(Collection<String> names) {
    List<String> hostCmds = new ArrayList<>();
    List<String> hostCmds6 = new ArrayList<>();
    List<String> peerCmds = new ArrayList<>();
    for (String name : names) {
      if (links.containsKey(name)) {
        continue;
      }
      if (links.size() >= MAX_LINKS) {
        throw new IllegalArgumentException("more than " + MAX_LINKS + " interface names");
      }
      int index = links.size() + 1;
      Link link = new Link(index, name, "p" + index, mac(0, index), mac(1, index));
      links.put(name, link);
      hostCmds.addAll(linkCommands(link));
      hostCmds6.addAll(linkCommands6(link));
      peerCmds.add("link set " + link.peerName() + " up");
    }
    batch(host, hostCmds);
    batch6(host, hostCmds6);
    batch(peer, peerCmds);
  }

  /** The IPv6 half of a link: the same egress table, through an IPv6 static neighbour. */
  private static List<String> linkCommands6(Link l) {
    String dev = " dev " + l.name();
    return List.of(
        "neighbour add " + GATEWAY6 + " lladdr " + l.peerMac() + dev + " nud permanent",
        "route add default via " + GATEWAY6 + dev + " table " + l.table(),
        "rule add oif " + l.name() + " lookup " + l.table() + " pref " + OIF_PREF);
  }

  private List<String> linkCommands(Link l) {
    String dev = " dev " + l.name();
    return List.of(
        "link add "
            + l.name()
            + " address "
            + l.hostMac()
            + " type veth peer name "
            + l.peerName()
            + " address "
            + l.peerMac()
            + " netns "
            + peer,
        "address add 198.18." + l.index() + ".1/32" + dev,
        "link set " + l.name() + " up",
        "neighbour add " + GATEWAY + " lladdr " + l.peerMac() + dev + " nud permanent",
        "route add default via " + GATEWAY + dev + " onlink table " + l.table(),
        "rule add oif " + l.name() + " lookup " + l.table() + " pref " + OIF_PREF);
  }

  /**
   * Replaces the {@code iif} policy rules (IPv4 and IPv6): what arrives on each key leaves by its
   * value.
   */
  void routeIncoming(Map<String, String> wanted) {
    List<String> cmds = new ArrayList<>();
    incoming.forEach(
        (iface, egress) -> {
          if (!egress.equals(wanted.get(iface))) {
            cmds.add("rule del iif " + iface + " pref " + IIF_PREF);
          }
        });
    wanted.forEach(
        (iface, egress) -> {
          if (!egress.equals(incoming.get(iface))) {
            cmds.add(
                "rule add iif " + iface + " lookup " + link(egress).table() + " pref " + IIF_PREF);
          }
        });
    batch(host, cmds);
    batch6(host, cmds);
    incoming.clear();
    incoming.putAll(wanted);
  }

  /** Makes the ruleset host own exactly these addresses (as /32 or /128 on {@code lo}). */
  void ownAddresses(Set<String> wanted) {
    List<String> cmds = new ArrayList<>();
    owned.stream()
        .filter(a -> !wanted.contains(a))
        .forEach(a -> cmds.add("address del " + hostPrefix(a) + " dev lo"));
    wanted.stream()
        .filter(a -> !owned.contains(a))
        .forEach(a -> cmds.add("address add " + hostPrefix(a) + " dev lo" + nodad(a)));
    batch(host, cmds);
    owned.clear();
    owned.addAll(wanted);
  }

  /**
   * Makes the main table hold exactly these host routes, each back out of the interface the address
   * sends from, as a real host's routes would for reverse-path checks. Forwarding is unaffected:
   * {@code iif} rules are looked up first.
   */
  void routeBack(Map<String, String> wanted) {
    List<String> cmds = new ArrayList<>();
    back.forEach(
        (address, iface) -> {
          if (!wanted.containsKey(address)) {
            cmds.add("route del " + hostPrefix(address));
          }
        });
    wanted.forEach(
        (address, iface) -> {
          if (!iface.equals(back.get(address))) {
            String via = address.contains(":") ? GATEWAY6 : GATEWAY;
            cmds.add(
                "route replace "
                    + hostPrefix(address)
                    + " via "
                    + via
                    + " dev "
                    + iface
                    + " onlink");
          }
        });
    batch(host, cmds);
    back.clear();
    back.putAll(wanted);
  }

  /** The address as a host prefix: /32 for IPv4, /128 for IPv6. */
  private static String hostPrefix(String address) {
    return address + (address.contains(":") ? "/128" : "/32");
  }

  /** IPv6 addresses are usable at once: no duplicate address detection. */
  private static String nodad(String address) {
    return address.contains(":") ? " nodad" : "";
  }

  Collection<Link> links() {
    return links.values();
  }

  Link link(String name) {
    return Objects.requireNonNull(links.get(name), () -> "no interface " + name);
  }

  /** Runs a command inside the ruleset host. */
  Shell.Result inHost(String stdin, String... command) {
    List<String> full = new ArrayList<>(List.of(Shell.which("ip"), "netns", "exec", host));
    full.addAll(List.of(command));
    return Shell.run(TIMEOUT, stdin, full);
  }

  @Override
  public void close() {
    for (String ns : List.of(host, peer)) {
      if (Files.exists(NETNS_DIR.resolve(ns))) {
        Shell.run(TIMEOUT, null, Shell.which("ip"), "netns", "delete", ns);
      }
    }
  }

  /** Deletes namespaces of ours left behind by processes that no longer exist. */
  static void removeStale() {
    if (!Files.isDirectory(NETNS_DIR)) {
      return;
    }
    try (Stream<Path> entries = Files.list(NETNS_DIR)) {
      for (Path entry : entries.toList()) {
        Matcher m = OURS.matcher(entry.getFileName().toString());
        if (m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty()) {
          Shell.run(TIMEOUT, null, Shell.which("ip"), "netns", "delete", m.group());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String probeName() {
    return "zpa-" + ProcessHandle.current().pid() + "-probe";
  }

  private static String mac(int side, int index) {
    return String.format("02:5a:%02x:00:%02x:%02x", side, index >> 8, index & 0xff);
  }

  private static void ip(String... args) {
    List<String> cmd = new ArrayList<>(List.of(Shell.which("ip")));
    cmd.addAll(List.of(args));
    Shell.run(TIMEOUT, null, cmd).check();
  }

  private static void batch(String ns, List<String> commands) {
    if (!commands.isEmpty()) {
      batch(ns, commands.toArray(String[]::new));
    }
  }

  private static void batch(String ns, String... commands) {
    Shell.run(
            TIMEOUT, String.join("\n", commands) + "\n", Shell.which("ip"), "-n", ns, "-batch", "-")
        .check();
  }

  /** Like {@link #batch(String, List)}, with IPv6 as the family of commands that name none. */
  private static void batch6(String ns, List<String> commands) {
    if (!commands.isEmpty()) {
      Shell.run(
              TIMEOUT,
              String.join("\n", commands) + "\n",
              Shell.which("ip"),
              "-6",
              "-n",
              ns,
              "-batch",
              "-")
          .check();
    }
  }

  private static void sysctl(String ns, String settings) {
    List<String> cmd =
        new ArrayList<>(
            List.of(Shell.which("ip"), "netns", "exec", ns, Shell.which("sysctl"), "-q", "-w"));
    cmd.addAll(List.of(settings.split(" ")));
    Shell.run(TIMEOUT, null, cmd).check();
  }
}
