package dev.zpaaudit.ingest.asa;

import dev.zpaaudit.model.IpSet;
import java.util.List;
import java.util.Map;

/**
 * A Cisco ASA running configuration as read: interfaces, objects and object-groups by name, the
 * extended ACLs in order, where they are applied, routes, MTUs, crypto maps, destination
 * translations and the same-security settings.
 */
record AsaConfig(
    String file,
    List<AsaInterface> interfaces,
    Map<String, AsaAddress> networkObjects,
    Map<String, AsaProtocol> serviceObjects,
    Map<String, ObjectGroup> groups,
    Map<String, List<AclEntry>> acls,
    List<AccessGroup> accessGroups,
    List<StaticRoute> routes,
    Map<String, Integer> mtus,
    List<CryptoMap> cryptoMaps,
    List<DestinationNat> destinationNats,
    boolean sameSecurityInter,
    boolean sameSecurityIntra) {

  /** {@code access-group ACL in|out interface NAMEIF}, or {@code access-group ACL global}. */
  record AccessGroup(String acl, boolean in, String nameif, int line) {
    boolean global() {
      return nameif == null;
    }
  }

  /** {@code route NAMEIF NETWORK MASK GATEWAY [DISTANCE]}. */
  record StaticRoute(
      String nameif, IpSet destination, int length, IpSet gateway, int distance, int line) {}

  /**
   * A crypto map entry with the ACL its traffic is chosen by and the interface it is applied to.
   */
  record CryptoMap(String name, int sequence, String acl, String nameif, int line) {}

  /** A twice NAT that translates destinations: its mapped destination, its text and line. */
  record DestinationNat(AsaAddress mapped, String text, int line) {}
}
