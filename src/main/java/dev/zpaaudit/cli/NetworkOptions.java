package dev.zpaaudit.cli;

import dev.zpaaudit.checks.network.Placement;
import dev.zpaaudit.checks.network.ZoneInference;
import dev.zpaaudit.diag.InputException;
import dev.zpaaudit.ingest.ExportScope;
import dev.zpaaudit.ingest.Formats;
import dev.zpaaudit.ingest.ParseResult;
import dev.zpaaudit.ingest.iptables.Ipsets;
import dev.zpaaudit.io.InputFiles;
import dev.zpaaudit.model.Device;
import dev.zpaaudit.model.Firewall;
import dev.zpaaudit.model.Hook;
import dev.zpaaudit.model.IpSet;
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
  private static final List<Hook> PLACEMENTS = List.of(Hook.INPUT, Hook.OUTPUT, Hook.FORWARD);

  @Option(
      names = "--config",
      paramLabel = "FILE[,FILE...]",
      description =
          "A firewall export: iptables-save, ip6tables-save or nft -j list ruleset output."
              + " Comma-separated files, as in host.rules,host.rules6, are one device exported"
              + " per address family: each family is judged by the file that covers it."
              + " Repeatable: devices in series at the --chain placement, every one must allow"
              + " the traffic. Also a PAN-OS running config: a firewall's or Panorama's XML.")
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

  /**
   * Where the devices sit: as the options say, and for zoned firewalls (PAN-OS) between the zones
   * named or inferred from the first one's interfaces and routes.
   */
  Placement placement(List<Config> read, Map<Integer, IpSet> published) {
    return placement(read, published, List.of());
  }

  /** As above; {@code sources} (when given) stand for the connectors in inferring zones. */
  Placement placement(List<Config> read, Map<Integer, IpSet> published, List<IpSet> sources) {
    List<Firewall> zoned = new ArrayList<>();
    boolean plain = false;
    for (Config c : read) {
      for (Firewall f : c.device().exports()) {
        if (f.zoned()) {
          zoned.add(f);
        } else {
          plain = true;
        }
      }
    }
    if (zoned.isEmpty()) {
      if (vsys != null || deviceGroup != null) {
        throw new UsageException(
            "--vsys and --device-group choose a part of a PAN-OS export; "
                + String.join(", ", configs)
                + (configs.size() == 1 ? " is not one" : " are not PAN-OS exports"));
      }
      if (fromZone != null || toZone != null) {
        throw new UsageException(
            "--from-zone and --to-zone apply to zoned firewalls (PAN-OS); name interfaces with"
                + " --in-interface and --out-interface");
      }
      return placement(Hook.OUTPUT);
    }
    if (plain) {
      throw new UsageException(
          "a PAN-OS export and a Linux export cannot be audited in one run yet: give each its"
              + " own run");
    }
    if (chain != null && chain() != Hook.FORWARD) {
      throw new UsageException(
          "--chain "
              + chain
              + " does not apply to a PAN-OS firewall: it forwards the connectors' traffic"
              + " (--chain FORWARD, the default for it)");
    }
    Placement base = placement(Hook.FORWARD);
    Firewall fw = zoned.get(0);
    String from = fromZone != null ? fromZone : zoneOfInterface(fw, inIface, "--in-interface");
    String to = toZone != null ? toZone : zoneOfInterface(fw, outIface, "--out-interface");
    ZoneInference.Result r =
        ZoneInference.infer(fw, sources.isEmpty() ? base.connectors() : sources, published);
    List<String> how = new ArrayList<>();
    if (from == null) {
      from = r.from();
      how.add("from zone: " + r.notes().get(0));
    } else {
      how.add("from zone: " + from + " (as given)");
    }
    if (to == null) {
      to = r.to();
      how.add("to zone: " + r.notes().get(1));
    } else {
      how.add("to zone: " + to + " (as given)");
    }
    return base.betweenZones(from, to, how);
  }

  private static String zoneOfInterface(Firewall fw, String iface, String flag) {
    if (iface == null) {
      return null;
    }
    return ZoneInference.zoneOf(fw, iface)
        .orElseThrow(
            () ->
                new UsageException(
                    flag
                        + " "
                        + iface
                        + ": "
                        + fw.source()
                        + " puts no interface of that name"
                        + " in a zone"));
  }

  /** Where a Linux filter sits, as the options say. */
  Placement placement() {
    return placement(Hook.OUTPUT);
  }

  private Placement placement(Hook defaultChain) {
    List<IpSet> cs = new ArrayList<>();
    for (String c : connectors) {
      cs.add(
          IpSet.tryParse(c)
              .orElseThrow(
                  () -> new UsageException("--connector '" + c + "' is not an address or CIDR")));
    }
    String[] p = sourcePorts.split("-");
    PortSet ports;
    try {
      ports =
          PortSet.range(Integer.parseInt(p[0].trim()), Integer.parseInt(p[p.length - 1].trim()));
    } catch (RuntimeException e) {
      throw new UsageException("--source-ports '" + sourcePorts + "' is not a range LOW-HIGH");
    }
    Hook hook = chain == null ? defaultChain : chain();
    refuseInterfaceThatDoesNotApply(hook);
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
    return new Placement(hook, inIface, outIface, cs, ports, egress);
  }

  /**
   * A connector host's own traffic has no input interface, and inbound packets no output interface:
   * naming one is a mistake, not something to ignore.
   */
  private void refuseInterfaceThatDoesNotApply(Hook hook) {
    if (hook == Hook.OUTPUT && inIface != null) {
      throw new UsageException(
          "--in-interface does not apply to --chain OUTPUT: a connector host's own traffic has"
              + " no input interface; name the interface it leaves by with --out-interface");
    }
    if (hook == Hook.INPUT && outIface != null) {
      throw new UsageException(
          "--out-interface does not apply to --chain INPUT: inbound packets have no output"
              + " interface; name the interface they arrive by with --in-interface");
    }
  }

  /** Where the filter sits: one of the three hooks a placement can be on. */
  private Hook chain() {
    String name = chain.trim().toUpperCase(Locale.ROOT);
    return PLACEMENTS.stream()
        .filter(h -> h.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new UsageException(
                    "--chain must be INPUT, OUTPUT or FORWARD, not '" + chain + "'"));
  }

  /** One {@code --config} value: a device and what its files were read as. */
  record Config(Device device, List<ParseResult> exports) {}

  /** The files of one {@code --config} value. */
  static List<Path> files(String value) {
    List<Path> out = new ArrayList<>();
    for (String f : value.split(",", -1)) {
      if (f.isBlank()) {
        throw new UsageException("--config '" + value + "' has an empty file name");
      }
      out.add(Path.of(f.trim()));
    }
    return out;
  }

  List<Config> readConfigs() throws InputException {
    List<List<Path>> groups = new ArrayList<>();
    for (String c : configs) {
      groups.add(files(c));
    }
    Ipsets sets =
        ipset == null ? Ipsets.NONE : Ipsets.parse(InputFiles.read(ipset), ipset.toString());
    Formats formats = new Formats(sets, new ExportScope(vsys, deviceGroup));
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
      out.add(new Config(new Device(exports), parsed));
    }
    return out;
  }
}
