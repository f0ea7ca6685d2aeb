package dev.zpaaudit.ingest.gcp;

import dev.zpaaudit.model.IpSet;
import java.util.List;
import java.util.Map;

/**
 * What Google Cloud exports say of a connector VM's network: the VPC firewall rules, the firewall
 * policies evaluated before them (in order), the instances (by address, with their tags and service
 * accounts) and the network's MTU (null when no network description was given).
 */
record GcpExport(
    String source,
    List<GcpRule> rules,
    List<List<GcpRule>> policies,
    Map<IpSet, Instance> instances,
    Integer mtu,
    int mtuLine,
    String mtuFile) {
  /** An instance's network tags and service accounts. */
  record Instance(String name, List<String> tags, List<String> serviceAccounts) {}
}
