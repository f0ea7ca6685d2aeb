package dev.zpaaudit.ingest.aws;

import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.SourceLocation;

/**
 * The other end a security group permission allows: a CIDR block ({@code IpRanges}, {@code
 * Ipv6Ranges}), a prefix list ({@code PrefixListIds}) or the members of a security group ({@code
 * UserIdGroupPairs}); each with its description ("" when none) and where it is written.
 */
sealed interface Peer {
  String description();

  SourceLocation at();

  /** How the peer reads in a trace. */
  String text();

  record Cidr(IpSet set, String cidr, String description, SourceLocation at) implements Peer {
    public String text() {
      return cidr;
    }
  }

  record PrefixList(String id, String description, SourceLocation at) implements Peer {
    public String text() {
      return "prefix list " + id;
    }
  }

  /**
   * A security group's members: its id, the account it belongs to, and the peering connection it is
   * reached by (null: the same VPC).
   */
  record Group(
      String groupId, String userId, String peeringId, String description, SourceLocation at)
      implements Peer {
    public String text() {
      return "security group " + groupId;
    }
  }
}
