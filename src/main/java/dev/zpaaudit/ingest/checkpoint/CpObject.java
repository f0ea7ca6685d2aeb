package dev.zpaaudit.ingest.checkpoint;

import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.PortSet;
import dev.zpaaudit.model.SourceLocation;
import java.util.List;
import java.util.Objects;

/**
 * A management object as the API gives it: its uid, name and type, where it was read, and what it
 * stands for, by kind. A type that is not modelled keeps only its name and type ({@link Other}).
 */
record CpObject(String uid, String name, String type, SourceLocation at, Body body) {
  CpObject {
    Objects.requireNonNull(uid, "uid");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(body, "body");
  }

  /** What an object stands for. */
  sealed interface Body {}

  /** {@code CpmiAnyObject}: any address, any service, any VPN, any time. */
  record Any() implements Body {}

  /**
   * Addresses given outright: a host's, a network, a range, a gateway's own addresses. Empty when
   * the export gives none.
   */
  record Addresses(List<IpSet> sets) implements Body {
    Addresses {
      sets = List.copyOf(sets);
    }
  }

  /** A group of objects ({@code group}, {@code service-group}), nested or not. */
  record Group(List<Ref> members) implements Body {
    Group {
      members = List.copyOf(members);
    }
  }

  /** {@code group-with-exclusion}: what {@code include} holds and {@code except} does not. */
  record Exclusion(Ref include, Ref except) implements Body {}

  /**
   * A TCP, UDP or SCTP service: its destination ports, its source ports (null: any), and whether it
   * also matches by the protocol's signature.
   */
  record Ports(int protocol, PortSet ports, PortSet sourcePorts, boolean signature)
      implements Body {}

  /** An ICMP or ICMPv6 service: its type and code (null: any). */
  record Icmp(boolean v6, Integer icmpType, Integer icmpCode) implements Body {}

  /** {@code service-other}: an IP protocol (null: not given) and an INSPECT match expression. */
  record Protocol(Integer number, String match) implements Body {}

  /** An access layer; {@code cleanup} is its implicit cleanup action when the export says. */
  record Layer(String cleanup) implements Body {}

  /** Anything else: a rule action, an installation target, an application, a zone, a user... */
  record Other() implements Body {}
}
