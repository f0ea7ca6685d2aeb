package dev.zpaaudit.ingest.panos;

import static dev.zpaaudit.ingest.panos.PanosSupport.on;

import dev.zpaaudit.ingest.panos.PanosSupport.Node;
import dev.zpaaudit.ingest.panos.PanosSupport.Rows;

/** The declared support of the config's structure, scopes, objects and rulebases. */
final class PolicySupport {
  static final String DOCUMENTATION = "descriptions, comments and colours";
  static final String LOGGING = "logging settings";

  private PolicySupport() {}

  static void declare() {
    structure();
    scopes();
    templates();
    objects();
    profiles();
    securityRules();
    natRules();
    decryptionRules();
    pbfRules();
    on(Node.MEMBERS).values("member");
  }

  private static void structure() {
    on(Node.CONFIG)
        .read("shared", Node.SHARED)
        .entries("devices", Node.DEVICE)
        .read("readonly", Node.READONLY)
        .unmodelled("mgt-config", "administrators and managed devices")
        .unmodelled("panorama", "Panorama's own settings");
    on(Node.READONLY)
        .entries("devices", Node.RO_DEVICE)
        .read("dg-meta-data", Node.RO_DG_META)
        .otherwiseIgnored("internal ids");
    on(Node.RO_DEVICE)
        .entries("device-group", Node.RO_DEVICE_GROUP)
        .otherwiseIgnored("internal ids");
    on(Node.RO_DG_META).entries("dginfo", Node.RO_DEVICE_GROUP).otherwiseIgnored("internal ids");
    on(Node.RO_DEVICE_GROUP).values("parent-dg").otherwiseIgnored("internal ids");
    on(Node.DEVICE)
        .read("network", Node.NETWORK)
        .entries("vsys", Node.VSYS)
        .entries("device-group", Node.DEVICE_GROUP)
        .entries("template", Node.TEMPLATE)
        .entries("template-stack", Node.TEMPLATE_STACK)
        .unmodelled("deviceconfig", "system settings: management interface, DNS, NTP, updates");
  }

  private static void scopes() {
    objectKinds(on(Node.SHARED))
        .read("pre-rulebase", Node.RULEBASE)
        .read("post-rulebase", Node.RULEBASE);
    objectKinds(on(Node.VSYS))
        .entries("zone", Node.ZONE)
        .read("rulebase", Node.RULEBASE)
        .read("import", Node.VSYS_IMPORT)
        .ignored(DOCUMENTATION, "display-name");
    objectKinds(on(Node.DEVICE_GROUP))
        .read("pre-rulebase", Node.RULEBASE)
        .read("post-rulebase", Node.RULEBASE)
        .checked("devices", "the serial numbers of the group's firewalls")
        .ignored(DOCUMENTATION, "description");
    on(Node.VSYS_IMPORT)
        .read("network", Node.IMPORT_NETWORK)
        .unmodelled("dns-proxy", "the vsys's DNS proxy");
    on(Node.IMPORT_NETWORK)
        .members("interface")
        .unmodelled("virtual-router", "import virtual-router", "the vsys's virtual routers")
        .ignored("which other vsys it sees", "visible-vsys");
  }

  private static void templates() {
    on(Node.TEMPLATE)
        .read("config", Node.TEMPLATE_CONFIG)
        .unmodelled("variable", "template variables are not substituted")
        .ignored("template settings", "settings")
        .ignored(DOCUMENTATION, "description");
    on(Node.TEMPLATE_STACK)
        .members("templates")
        .read("config", Node.TEMPLATE_CONFIG)
        .unmodelled("variable", "template variables are not substituted")
        .ignored("template settings", "settings")
        .ignored("the firewalls the stack is pushed to", "devices")
        .ignored(DOCUMENTATION, "description");
    on(Node.TEMPLATE_CONFIG)
        .entries("devices", Node.TEMPLATE_DEVICE)
        .unmodelled("mgt-config", "administrators")
        .unmodelled("shared", "template shared", "certificates, log and server settings");
    on(Node.TEMPLATE_DEVICE)
        .read("network", Node.NETWORK)
        .entries("vsys", Node.VSYS)
        .unmodelled("deviceconfig", "system settings: management interface, DNS, NTP, updates");
  }

  /** The object kinds every scope can hold. */
  private static Rows objectKinds(Rows r) {
    return r.entries("address", Node.ADDRESS)
        .entries("address-group", Node.ADDRESS_GROUP)
        .entries("service", Node.SERVICE)
        .entries("service-group", Node.SERVICE_GROUP)
        .entries("application-group", Node.APPLICATION_GROUP)
        .entries("application-filter", Node.APPLICATION_FILTER)
        .entries("tag", Node.TAG)
        .entries("region", Node.REGION)
        .entries("external-list", Node.EXTERNAL_LIST)
        .read("profiles", Node.PROFILES)
        .unmodelled("application", "custom applications", "their signatures and ports")
        .unmodelled("schedule", "schedules", "the times they are active")
        .unmodelled("profile-group", "security profile groups", "threat and URL inspection")
        .ignored(LOGGING, "log-settings");
  }

  private static void objects() {
    on(Node.ADDRESS)
        .values("ip-netmask", "ip-range", "ip-wildcard", "fqdn")
        .members("tag")
        .ignored(DOCUMENTATION, "description");
    on(Node.ADDRESS_GROUP)
        .members("static", "tag", "member")
        .read("dynamic", Node.DYNAMIC_GROUP)
        .ignored(DOCUMENTATION, "description");
    on(Node.DYNAMIC_GROUP).values("filter");
    on(Node.SERVICE)
        .read("protocol", Node.SERVICE_PROTOCOL)
        .members("tag")
        .ignored(DOCUMENTATION, "description");
    on(Node.SERVICE_PROTOCOL)
        .read("tcp", Node.SERVICE_PORTS)
        .read("udp", Node.SERVICE_PORTS)
        .unmodelled("sctp", "SCTP services; the service is not read");
    on(Node.SERVICE_PORTS).values("port", "source-port").ignored("session timeouts", "override");
    on(Node.SERVICE_GROUP)
        .members("members", "member", "tag")
        .ignored(DOCUMENTATION, "description");
    on(Node.APPLICATION_GROUP).members("members", "member");
    on(Node.APPLICATION_FILTER)
        .otherwiseIgnored("filter criteria: which applications they choose needs App-ID");
    on(Node.TAG).ignored(DOCUMENTATION, "color", "comments");
    on(Node.REGION).members("address").ignored("map coordinates", "geo-location");
    on(Node.EXTERNAL_LIST).checked("type", "the list's type").ignored(DOCUMENTATION, "description");
  }

  private static void profiles() {
    on(Node.PROFILES).entries("custom-url-category", Node.URL_CATEGORY);
    for (String p :
        new String[] {
          "virus",
          "spyware",
          "vulnerability",
          "url-filtering",
          "file-blocking",
          "wildfire-analysis",
          "data-filtering",
          "dos-protection",
          "decryption",
          "gtp",
          "sctp",
          "dns-security",
          "data-objects",
          "mobile-security"
        }) {
      on(Node.PROFILES).unmodelled(p, p + " profiles", "security profiles");
    }
    on(Node.PROFILES).unmodelled("hip-profiles", "hip-profiles objects", "host information checks");
    on(Node.URL_CATEGORY).members("list").values("type").ignored(DOCUMENTATION, "description");
  }

  private static void securityRules() {
    on(Node.RULEBASE)
        .read("security", Node.SECURITY_RULES)
        .read("nat", Node.NAT_RULES)
        .read("decryption", Node.DECRYPTION_RULES)
        .read("pbf", Node.PBF_RULES)
        .read("default-security-rules", Node.DEFAULT_RULES)
        .unmodelled("application-override", "application-override rules", "App-ID overrides")
        .unmodelled("qos", "qos rules", "QoS classes")
        .unmodelled("captive-portal", "captive-portal rules", "user authentication")
        .unmodelled("authentication", "authentication rules", "user authentication")
        .unmodelled("dos", "dos rules", "DoS protection")
        .unmodelled("tunnel-inspect", "tunnel-inspect rules", "tunnel content inspection")
        .unmodelled("sdwan", "sdwan rules", "SD-WAN path selection")
        .unmodelled("network-packet-broker", "network-packet-broker rules", "packet brokering");
    on(Node.SECURITY_RULES).entries("rules", Node.SECURITY_RULE);
    on(Node.SECURITY_RULE)
        .members("from", "to", "source", "destination", "source-user", "category")
        .members("application", "service")
        .values("negate-source", "negate-destination", "action", "disabled", "schedule")
        .values("rule-type")
        .checked("profile-setting", "whether security profiles are named")
        .checked("hip-profiles", "that it is any")
        .checked("source-hip", "that it is any")
        .checked("destination-hip", "that it is any")
        .checked("target", "that no devices are targeted")
        .unmodelled("icmp-unreachable", "the ICMP unreachable a drop sends")
        .ignored(DOCUMENTATION, "description")
        .ignored("tags group rules for display", "tag", "group-tag")
        .ignored(LOGGING, "log-start", "log-end", "log-setting")
        .ignored("response inspection, not matching", "option")
        .ignored("QoS marking of allowed traffic", "qos");
    on(Node.DEFAULT_RULES).entries("rules", Node.DEFAULT_RULE);
    on(Node.DEFAULT_RULE)
        .values("action")
        .checked("profile-setting", "whether security profiles are named")
        .ignored(LOGGING, "log-start", "log-end", "log-setting");
  }

  private static void natRules() {
    on(Node.NAT_RULES).entries("rules", Node.NAT_RULE);
    on(Node.NAT_RULE)
        .members("from", "to", "source", "destination")
        .values("to-interface", "service", "nat-type", "disabled")
        .read("source-translation", Node.SOURCE_TRANSLATION)
        .read("destination-translation", Node.DESTINATION_TRANSLATION)
        .checked("target", "that no devices are targeted")
        .unmodelled("dynamic-destination-translation", "load-balanced destination translation")
        .unmodelled("active-active-device-binding", "high-availability device binding")
        .ignored(DOCUMENTATION, "description")
        .ignored("tags group rules for display", "tag", "group-tag");
    on(Node.SOURCE_TRANSLATION)
        .read("dynamic-ip-and-port", Node.DYNAMIC_IP_AND_PORT)
        .read("dynamic-ip", Node.DYNAMIC_IP)
        .read("static-ip", Node.STATIC_IP);
    on(Node.DYNAMIC_IP_AND_PORT)
        .read("interface-address", Node.INTERFACE_ADDRESS)
        .members("translated-address");
    on(Node.INTERFACE_ADDRESS)
        .values("interface", "ip")
        .unmodelled("floating-ip", "high-availability floating addresses");
    on(Node.DYNAMIC_IP)
        .members("translated-address")
        .unmodelled("fallback", "the fallback translation when the pool is used up");
    on(Node.STATIC_IP).values("translated-address", "bi-directional");
    on(Node.DESTINATION_TRANSLATION)
        .values("translated-address", "translated-port")
        .unmodelled("dns-rewrite", "DNS reply rewriting");
  }

  private static void decryptionRules() {
    on(Node.DECRYPTION_RULES).entries("rules", Node.DECRYPTION_RULE);
    on(Node.DECRYPTION_RULE)
        .members("from", "to", "source", "destination", "source-user", "category", "service")
        .values("negate-source", "negate-destination", "action", "disabled")
        .read("type", Node.DECRYPTION_TYPE)
        .checked("source-hip", "that it is any")
        .checked("destination-hip", "that it is any")
        .checked("target", "that no devices are targeted")
        .ignored("the decryption profile's certificate checks", "profile")
        .ignored(DOCUMENTATION, "description")
        .ignored("tags group rules for display", "tag", "group-tag")
        .ignored(LOGGING, "log-setting", "log-successful-tls-handshakes", "log-fail");
    on(Node.DECRYPTION_TYPE).values("ssl-forward-proxy", "ssl-inbound-inspection", "ssh-proxy");
  }

  private static void pbfRules() {
    on(Node.PBF_RULES).entries("rules", Node.PBF_RULE);
    on(Node.PBF_RULE)
        .read("from", Node.PBF_FROM)
        .members("source", "destination", "source-user", "application", "service")
        .values("negate-source", "negate-destination", "disabled")
        .read("action", Node.PBF_ACTION)
        .checked("enforce-symmetric-return", "that it is not enabled")
        .checked("target", "that no devices are targeted")
        .unmodelled("schedule", "the times the rule is active")
        .unmodelled("active-active-device-binding", "high-availability device binding")
        .ignored(DOCUMENTATION, "description")
        .ignored("tags group rules for display", "tag", "group-tag");
    on(Node.PBF_FROM).members("zone", "interface");
    on(Node.PBF_ACTION)
        .read("forward", Node.PBF_FORWARD)
        .values("discard", "no-pbf")
        .unmodelled("forward-to-vsys", "forwarding to another vsys; the rule is not read");
    on(Node.PBF_FORWARD)
        .values("egress-interface")
        .read("nexthop", Node.PBF_NEXTHOP)
        .unmodelled("monitor", "pbf monitor", "the path monitoring that disables the rule");
    on(Node.PBF_NEXTHOP)
        .values("ip-address")
        .unmodelled("fqdn", "pbf nexthop fqdn", "a next hop by name");
  }
}
