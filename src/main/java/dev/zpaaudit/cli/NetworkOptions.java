package dev.zpaaudit.cli;

import dev.zpaaudit.checks.network.Placement;
import dev.zpaaudit.diag.InputException;
import dev.zpaaudit.ingest.Formats;
import dev.zpaaudit.ingest.ParseResult;
import dev.zpaaudit.ingest.iptables.Ipsets;
import dev.zpaaudit.io.InputFiles;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.PortSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options naming the exports, ranges and where the filter sits; shared by audit and explain. */
public final class NetworkOptions {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "A firewall export (iptables-save, or nft -j list ruleset). Repeatable: every export must allow the traffic.")
  List<Path> configs = new ArrayList<>();

  @Option(
      names = "--ipset",
      paramLabel = "FILE",
      description = "An 'ipset save' file defining the sets that iptables rules match with -m set.")
  Path ipset;

  @Option(
      names = "--chain",
      paramLabel = "CHAIN",
      defaultValue = "OUTPUT",
      description =
          "Where the filter sits: OUTPUT (a firewall on the connector host, the default),"
              + " FORWARD (a gateway the connector's traffic crosses) or INPUT (host, inbound only).")
  String chain;

  @Option(
      names = "--in-interface",
      paramLabel = "IF",
      description = "FORWARD: the interface facing the connectors. Default: any but lo.")
  String inIface;

  @Option(
      names = "--out-interface",
      paramLabel = "IF",
      description = "The interface traffic to the ZPA cloud leaves by. Default: any but lo.")
  String outIface;

  @Option(
      names = "--connector",
      paramLabel = "CIDR",
      description = "A connector address or network (repeatable). Default: any source address.")
  List<String> connectors = new ArrayList<>();

  @Option(
      names = "--source-ports",
      paramLabel = "LOW-HIGH",
      defaultValue = "1024-65535",
      description = "The connectors' ephemeral source ports (default ${DEFAULT-VALUE}).")
  String sourcePorts;

  Placement placement() {
    List<IpSet> cs = new ArrayList<>();
    for (String c : connectors) {
      cs.add(
          IpSet.tryParse(c)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "--connector '" + c + "' is not an address or CIDR")));
    }
    String[] p = sourcePorts.split("-");
    PortSet ports;
    try {
      ports =
          PortSet.range(Integer.parseInt(p[0].trim()), Integer.parseInt(p[p.length - 1].trim()));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "--source-ports '" + sourcePorts + "' is not a range LOW-HIGH");
    }
    return new Placement(Placement.parseChain(chain), inIface, outIface, cs, ports);
  }

  List<ParseResult> readConfigs() throws InputException {
    Ipsets sets =
        ipset == null ? Ipsets.NONE : Ipsets.parse(InputFiles.read(ipset), ipset.toString());
    Formats formats = new Formats(sets);
    List<ParseResult> out = new ArrayList<>();
    for (Path c : configs) {
      out.add(formats.read(c));
    }
    return out;
  }
}
