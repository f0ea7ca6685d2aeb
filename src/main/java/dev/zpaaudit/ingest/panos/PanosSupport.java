package dev.zpaaudit.ingest.panos;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the PAN-OS reader supports, declared as data: for each kind of element ({@link Node}), the
 * child elements it knows and what becomes of each. An element that is read is described by its own
 * node; one that is checked is inspected by the reader, which reports what it cannot model; an
 * ignored one has no bearing on which traffic passes (descriptions, logging, colours); an
 * unmodelled one is reported as a warning. A child that is not declared is reported as a warning
 * too, so nothing in a config goes unmentioned.
 */
final class PanosSupport {
  /** What becomes of a declared child element. */
  enum Support {
    READ,
    CHECKED,
    IGNORED,
    UNMODELLED
  }

  /**
   * A declared child: its element name, support, the node describing it (for READ; for a container
   * of {@code <entry>} elements, the node of each entry), and a reason (IGNORED, UNMODELLED) or
   * what is checked (CHECKED). The label names an unmodelled element in warnings.
   */
  record Child(
      String element, Support support, Node node, boolean entries, String label, String why) {}

  /** A kind of element, named after where it appears. */
  enum Node {
    CONFIG("the config", true),
    READONLY("readonly", true),
    RO_DEVICE("readonly devices", true),
    RO_DG_META("readonly dg-meta-data", true),
    RO_DEVICE_GROUP("a readonly device group", false),
    DEVICE("a device entry", true),
    SHARED("shared", true),
    VSYS("a vsys", true),
    DEVICE_GROUP("a device group", true),
    TEMPLATE("a template", true),
    TEMPLATE_STACK("a template stack", true),
    TEMPLATE_CONFIG("a template's config", true),
    TEMPLATE_DEVICE("a template's device entry", true),
    VSYS_IMPORT("a vsys import", true),
    IMPORT_NETWORK("a vsys import's network", true),
    ADDRESS("an address", false),
    ADDRESS_GROUP("an address group", false),
    DYNAMIC_GROUP("a dynamic address group", false),
    SERVICE("a service", false),
    SERVICE_PROTOCOL("a service protocol", false),
    SERVICE_PORTS("a service's tcp or udp", false),
    SERVICE_GROUP("a service group", false),
    APPLICATION_GROUP("an application group", false),
    APPLICATION_FILTER("an application filter", false),
    TAG("a tag", false),
    REGION("a region", false),
    EXTERNAL_LIST("an external list", false),
    PROFILES("profiles", true),
    URL_CATEGORY("a custom URL category", false),
    RULEBASE("a rulebase", true),
    SECURITY_RULES("security rules", false),
    SECURITY_RULE("a security rule", false),
    DEFAULT_RULES("default security rules", false),
    DEFAULT_RULE("a default security rule", false),
    NAT_RULES("NAT rules", false),
    NAT_RULE("a NAT rule", false),
    SOURCE_TRANSLATION("a source translation", false),
    DYNAMIC_IP_AND_PORT("a dynamic-ip-and-port translation", false),
    INTERFACE_ADDRESS("an interface-address translation", false),
    DYNAMIC_IP("a dynamic-ip translation", false),
    STATIC_IP("a static-ip translation", false),
    DESTINATION_TRANSLATION("a destination translation", false),
    DECRYPTION_RULES("decryption rules", false),
    DECRYPTION_RULE("a decryption rule", false),
    DECRYPTION_TYPE("a decryption rule's type", false),
    PBF_RULES("policy-based forwarding rules", false),
    PBF_RULE("a policy-based forwarding rule", false),
    PBF_FROM("a policy-based forwarding rule's from", false),
    PBF_ACTION("a policy-based forwarding rule's action", false),
    PBF_FORWARD("a policy-based forwarding rule's forward action", false),
    PBF_NEXTHOP("a policy-based forwarding rule's next hop", false),
    ZONE("a zone", false),
    ZONE_NETWORK("a zone's network", false),
    NETWORK("network", true),
    INTERFACES("network interfaces", true),
    ETHERNET("an ethernet interface", false),
    LAYER3("a layer3 interface", false),
    UNIT("a subinterface", false),
    UNITS_ONLY("tunnel or loopback interfaces", false),
    IPV6("an interface's ipv6", false),
    IPV6_ADDRESS("an interface's IPv6 address", false),
    ADJUST_TCP_MSS("adjust-tcp-mss", false),
    VIRTUAL_ROUTER("a virtual router", false),
    ROUTING_TABLE("a routing table", false),
    STATIC_ROUTES("static routes", false),
    STATIC_ROUTE("a static route", false),
    NEXTHOP("a static route's next hop", false),
    MEMBERS("a member list", false),
    VALUE("a value", false);

    final String where;

    /**
     * Whether the node's children are collections (of objects, rules, settings), so that an empty
     * one configures nothing and is not worth a warning.
     */
    final boolean collections;

    Node(String where, boolean collections) {
      this.where = where;
      this.collections = collections;
    }
  }

  private static final Map<Node, Map<String, Child>> DECLARED = new EnumMap<>(Node.class);
  private static final Map<Node, Child> OTHERWISE = new EnumMap<>(Node.class);

  static {
    PolicySupport.declare();
    NetworkSupport.declare();
  }

  private PanosSupport() {}

  /** The declared child of a node, or the node's rule for undeclared children. */
  static Optional<Child> child(Node node, String element) {
    Child c = DECLARED.getOrDefault(node, Map.of()).get(element);
    return Optional.ofNullable(c != null ? c : OTHERWISE.get(node));
  }

  /** Every declared child of a node, in declaration order. */
  static List<Child> children(Node node) {
    return List.copyOf(DECLARED.getOrDefault(node, Map.of()).values());
  }

  /** Starts declaring the children of a node. */
  static Rows on(Node node) {
    return new Rows(node);
  }

  /** Declares the children of one node. */
  static final class Rows {
    private final Map<String, Child> rows;
    private final Node node;

    private Rows(Node node) {
      this.node = node;
      this.rows = DECLARED.computeIfAbsent(node, n -> new LinkedHashMap<>());
    }

    private Rows add(Child c) {
      if (rows.put(c.element(), c) != null) {
        throw new IllegalStateException(node + " declares " + c.element() + " twice");
      }
      return this;
    }

    /** A child element read as the given node. */
    Rows read(String element, Node next) {
      return add(new Child(element, Support.READ, next, false, element, ""));
    }

    /** A container whose {@code <entry>} children are read as the given node. */
    Rows entries(String element, Node next) {
      return add(new Child(element, Support.READ, next, true, element, ""));
    }

    /** Elements whose text is read. */
    Rows values(String... elements) {
      for (String e : elements) {
        read(e, Node.VALUE);
      }
      return this;
    }

    /** Elements holding a list of {@code <member>}s. */
    Rows members(String... elements) {
      for (String e : elements) {
        read(e, Node.MEMBERS);
      }
      return this;
    }

    /** An element the reader inspects itself, reporting what it cannot model. */
    Rows checked(String element, String what) {
      return add(new Child(element, Support.CHECKED, Node.VALUE, false, element, what));
    }

    /** Elements that have no bearing on which traffic passes. */
    Rows ignored(String why, String... elements) {
      for (String e : elements) {
        add(new Child(e, Support.IGNORED, Node.VALUE, false, e, why));
      }
      return this;
    }

    /** An element that is reported as not modelled, with the reason. */
    Rows unmodelled(String element, String why) {
      return unmodelled(element, element, why);
    }

    /** An element reported under a label that says what it is ("qos rules"). */
    Rows unmodelled(String element, String label, String why) {
      return add(new Child(element, Support.UNMODELLED, Node.VALUE, false, label, why));
    }

    /** What becomes of every child this node does not declare. */
    Rows otherwiseIgnored(String why) {
      OTHERWISE.put(node, new Child("*", Support.IGNORED, Node.VALUE, false, "*", why));
      return this;
    }
  }
}
