package dev.zpaaudit.cli;

import dev.zpaaudit.checks.network.Placement;
import dev.zpaaudit.diag.InputException;
import dev.zpaaudit.ingest.ExportScope;
import dev.zpaaudit.ingest.Formats;
import dev.zpaaudit.ingest.ParseResult;
import dev.zpaaudit.ingest.iptables.Ipsets;
import dev.zpaaudit.io.InputFiles;
import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.Device;
import dev.zpaaudit.model.Firewall;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.Point;
import dev.zpaaudit.model.PortSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Options naming the exports, ranges and where the filter sits; shared by audit and explain. */
public final class NetworkOptions {
  /** The Linux chain names that say where a filter sits, and the points they stand for. */
  private static final Map<String, Point> PLACEMENTS =
      Map.of("INPUT", Point.DELIVERED, "OUTPUT", Point.ORIGINATED, "FORWARD", Point.FORWARDED);

  /** The point a chain name given by the user stands for, or null. */
  static Point point(String chainName) {
    return PLACEMENTS.get(chainName.trim().toUpperCase(Locale.ROOT));
  }

  @Option(
      names = "--config",
      paramLabel = "FILE[,FILE...]",
      description =
          "A firewall export: iptables-save, ip6tables-save or nft -j list ruleset output."
              + " Comma-separated files, as in host.rules,host.rules6, are one device exported"
              + " per address family: each family is judged by the file that covers it."
              + " Repeatable: devices in series at the --chain placement, every one must allow"
              + " the traffic. Also a PAN-OS running config (a firewall's or Panorama's XML), a"
              + " FortiGate configuration (show output or a backup file), an ip -j capture folder,"
              + " a Check Point management export (show access-rulebase JSON, or a folder of such"
              + " outputs with show objects pages), and the JSON of aws ec2 describe-* (a folder of"
              + " outputs, or one file): the connector's instance is the one --connector names.")
  List<String> configs = new ArrayList<>();

  @Option(
      names = "--ipset",
      paramLabel = "FILE",
      description = "An 'ipset save' file defining the sets that iptables rules match with -m set.")
  Path ipset;

  @Option(
      names = "--chain",
      paramLabel = "CHAIN",
      description =
          "Where the filter sits: OUTPUT, a firewall on the connector host; FORWARD, a gateway"
              + " the connector's traffic crosses; INPUT, the connector host, inbound only"
              + " (default: OUTPUT; FORWARD for a PAN-OS firewall, which only forwards).")
  String chain;

  @Option(
      names = "--from-zone",
      paramLabel = "ZONE",
      description =
          "PAN-OS: the zone the connectors' traffic arrives from (default: the zone of the"
              + " interface whose network holds the --connector addresses).")
  String fromZone;

  @Option(
      names = "--to-zone",
      paramLabel = "ZONE",
      description =
          "PAN-OS: the zone traffic to the ZPA cloud leaves to (default: the zone of the"
              + " interface the firewall's routes send the published ranges out of).")
  String toZone;

  @Option(
      names = "--vsys",
      paramLabel = "NAME",
      description = "PAN-OS firewall: the vsys to audit (needed only when there are several).")
  String vsys;

  @Option(
      names = "--vdom",
      paramLabel = "NAME",
      description = "FortiGate: the VDOM to audit (needed only when there are several).")
  String vdom;

  @Option(
      names = "--device-group",
      paramLabel = "NAME",
      description =
          "Panorama: the device group whose pushed rules to audit (needed only when there are"
              + " several).")
  String deviceGroup;

  @Option(
      names = "--in-interface",
      paramLabel = "IF",
      description =
          "FORWARD: the interface facing the connectors. INPUT: the interface packets arrive"
              + " by. Not for OUTPUT (default: any interface but lo).")
  String inIface;

  @Option(
      names = "--out-interface",
      paramLabel = "IF",
      description =
          "OUTPUT and FORWARD: the interface traffic to the ZPA cloud leaves by. Not for INPUT"
              + " (default: any interface but lo).")
  String outIface;

  @Option(
      names = "--connector",
      paramLabel = "CIDR",
      description = "A connector address or network. Repeatable (default: any source address).")
  List<String> connectors = new ArrayList<>();

  @Option(
      names = "--egress-address",
      paramLabel = "IP",
      description =
          "The address the connectors' traffic gets where it is masqueraded: the address of the"
              + " interface it leaves by (repeatable, one per address family). Without it, a"
              + " verdict that depends on that address is indeterminate.")
  List<String> egressAddresses = new ArrayList<>();

  @Option(
      names = "--source-ports",
      paramLabel = "LOW-HIGH",
      defaultValue = "1024-65535",
      description = "The connectors' ephemeral source ports (default: ${DEFAULT-VALUE}).")
  String sourcePorts;

  /** Where each device sits (see {@link Placements}). */
  List<Placement> placements(List<Config> read, Map<AddressFamily, IpSet> published) {
    return new Placements(this).of(read, published, List.of());
  }

  /** As above; {@code sources} (when given) stand for the connectors in inferring zones. */
  List<Placement> placements(
      List<Config> read, Map<AddressFamily, IpSet> published, List<IpSet> sources) {
    return new Placements(this).of(read, published, sources);
  }

  /**
   * --vsys and --device-group name a part of a PAN-OS config, --vdom a part of a FortiGate's:
   * refused where none was read.
   */
  private static void refuseUnusedScope(ExportScope unused) {
    if (unused.vsys() != null) {
      throw new UsageException(
          "--vsys applies only to a PAN-OS firewall's config, and none was read");
    }
    if (unused.deviceGroup() != null) {
      throw new UsageException(
          "--device-group applies only to a Panorama config, and none was read");
    }
    if (unused.vdom() != null) {
      throw new UsageException(
          "--vdom applies only to a FortiGate configuration, and none was read");
    }
  }

  /** Where a Linux filter sits, as the options say. */
  Placement placement() {
    return placement(Point.ORIGINATED);
  }

  /** Where a Linux filter sits, as the options say, at {@code defaultChain} without --chain. */
  Placement placement(Point defaultChain) {
    Point hook = chain == null ? defaultChain : chain();
    refuseInterfaceThatDoesNotApply(hook);
    return common(hook, inIface, outIface);
  }

  /** A placement at {@code hook} between two interfaces, with the connectors the options name. */
  Placement common(Point hook, String in, String out) {
    List<IpSet> cs = connectorSets();
    String[] p = sourcePorts.split("-");
    PortSet ports;
    try {
      ports =
          PortSet.range(Integer.parseInt(p[0].trim()), Integer.parseInt(p[p.length - 1].trim()));
    } catch (RuntimeException e) {
      throw new UsageException("--source-ports '" + sourcePorts + "' is not a range LOW-HIGH");
    }
    List<IpSet> egress = new ArrayList<>();
    for (String e : egressAddresses) {
      egress.add(
          IpSet.tryParse(e)
              .filter(x -> x.size().equals(java.math.BigInteger.ONE))
              .orElseThrow(
                  () ->
                      new UsageException(
                          "--egress-address '" + e + "' is not a single IP address")));
    }
    return new Placement(hook, in, out, cs, ports, egress);
  }

  /** The --connector values as address sets. */
  List<IpSet> connectorSets() {
    List<IpSet> cs = new ArrayList<>();
    for (String c : connectors) {
      cs.add(
          IpSet.tryParse(c)
              .orElseThrow(
                  () -> new UsageException("--connector '" + c + "' is not an address or CIDR")));
    }
    return cs;
  }

  /**
   * A connector host's own traffic has no input interface, and inbound packets no output interface:
   * naming one is a mistake, not something to ignore.
   */
  private void refuseInterfaceThatDoesNotApply(Point hook) {
    if (hook == Point.ORIGINATED && inIface != null) {
      throw new UsageException(
          "--in-interface does not apply to --chain OUTPUT: a connector host's own traffic has"
              + " no input interface; name the interface it leaves by with --out-interface");
    }
    if (hook == Point.DELIVERED && outIface != null) {
      throw new UsageException(
          "--out-interface does not apply to --chain INPUT: inbound packets have no output"
              + " interface; name the interface they arrive by with --in-interface");
    }
  }

  /** Where the filter sits: one of the three hooks a placement can be on. */
  Point chain() {
    Point p = point(chain);
    if (p == null) {
      throw new UsageException("--chain must be INPUT, OUTPUT or FORWARD, not '" + chain + "'");
    }
    return p;
  }

  /**
   * One {@code --config} value as written, the device its files make, what they were read as, and
   * the device's own placement (null: the options').
   */
  record Config(String value, Device device, List<ParseResult> exports, Placements.Where where) {}

  /** The device's own placement written after its files, if any. */
  static Placements.Where where(String value) {
    int at = value.lastIndexOf('@');
    return at < 0 ? null : Placements.Where.parse(value.substring(at + 1)).orElse(null);
  }

  /** The files of one {@code --config} value. */
  static List<Path> files(String value) {
    List<Path> out = new ArrayList<>();
    if (where(value) != null) {
      value = value.substring(0, value.lastIndexOf('@'));
    } else if (value.indexOf('@') >= 0 && !java.nio.file.Files.exists(Path.of(value))) {
      throw new UsageException(
          "--config '"
              + value
              + "': what follows '@' is not a placement CHAIN[:IN[:OUT]], e.g."
              + " gw.rules@FORWARD:eth1:eth0");
    }
    for (String f : value.split(",", -1)) {
      if (f.isBlank()) {
        throw new UsageException("--config '" + value + "' has an empty file name");
      }
      out.add(Path.of(f.trim()));
    }
    return out;
  }

  List<Config> readConfigs() throws InputException {
    return readConfigs(List.of());
  }

  /**
   * The exports of every --config; {@code hosts} stand for the connectors in picking the
   * connector's host out of a cloud export where no --connector is given (explain's --src).
   */
  List<Config> readConfigs(List<IpSet> hosts) throws InputException {
    List<List<Path>> groups = new ArrayList<>();
    for (String c : configs) {
      groups.add(files(c));
    }
    Ipsets sets =
        ipset == null ? Ipsets.NONE : Ipsets.parse(InputFiles.read(ipset), ipset.toString());
    List<IpSet> named = connectors.isEmpty() ? hosts : connectorSets();
    Formats formats = new Formats(sets, new ExportScope(vsys, deviceGroup, vdom, named));
    List<Config> out = new ArrayList<>();
    for (int i = 0; i < groups.size(); i++) {
      List<ParseResult> parsed = new ArrayList<>();
      for (Path f : groups.get(i)) {
        parsed.add(formats.read(f));
      }
      List<Firewall> exports = parsed.stream().map(ParseResult::firewall).toList();
      Optional<String> clash = Device.familyClash(exports);
      if (clash.isPresent()) {
        throw new UsageException(
            "--config "
                + configs.get(i)
                + ": "
                + clash.get()
                + " (filters in series are separate --config options)");
      }
      out.add(new Config(configs.get(i), new Device(exports), parsed, where(configs.get(i))));
    }
    refuseUnusedScope(formats.unused());
    return out;
  }
}
