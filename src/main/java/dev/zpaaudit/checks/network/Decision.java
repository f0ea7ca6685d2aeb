package dev.zpaaudit.checks.network;

import dev.zpaaudit.eval.Outcome;
import dev.zpaaudit.eval.Verdict;
import dev.zpaaudit.model.AddressFamily;
import dev.zpaaudit.model.Bits;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * All the outcomes of one kind of packet of one address family that the same rule of one device
 * decided the same way for the same reason, on the same interfaces: their remote addresses (the
 * published side) and local addresses (the connectors) merged. A rule of a table for both families
 * decides packets of both families; they are two decisions.
 */
final class Decision {
  /** What makes outcomes one decision. The rule is compared by identity. */
  record Key(
      AddressFamily family,
      Verdict verdict,
      Rule rule,
      String reason,
      String kind,
      int device,
      Bits iif,
      Bits oif) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && k.family == family
          && k.verdict == verdict
          && k.rule == rule
          && Objects.equals(k.reason, reason)
          && k.kind.equals(kind)
          && k.device == device
          && k.iif.equals(iif)
          && k.oif.equals(oif);
    }

    @Override
    public int hashCode() {
      return Objects.hash(
          family, verdict, System.identityHashCode(rule), reason, kind, device, iif, oif);
    }
  }

  final Key key;

  /** Its place among the decisions of one coverage, in the order they were made (0, 1, ...). */
  final int index;

  private final AddressFamily family;
  private final List<IpSet> remoteParts = new ArrayList<>();
  private final List<IpSet> localParts = new ArrayList<>();
  private IpSet remote;
  private IpSet local;
  private List<String> localCidrs;

  Decision(Key key, int index) {
    this.key = key;
    this.index = index;
    this.family = key.family();
  }

  /** The key of an outcome of the device at {@code device} (its position on the path). */
  static Key keyOf(Outcome o, int device) {
    return new Key(
        o.packets().family(),
        o.verdict(),
        o.decidingRule(),
        o.reason(),
        Flows.kind(o.packets()),
        device,
        o.packets().iif(),
        o.packets().oif());
  }

  void add(IpSet remoteSet, IpSet localSet) {
    remoteParts.add(remoteSet);
    localParts.add(localSet);
    remote = null;
    local = null;
  }

  AddressFamily family() {
    return family;
  }

  IpSet remote() {
    if (remote == null) {
      remote = remoteParts.size() == 1 ? remoteParts.get(0) : IpSet.unionAll(family, remoteParts);
    }
    return remote;
  }

  IpSet local() {
    if (local == null) {
      local =
          localParts.isEmpty()
              ? IpSet.empty(family)
              : localParts.size() == 1
                  ? localParts.get(0)
                  : IpSet.unionAll(localParts.get(0).family(), localParts);
    }
    return local;
  }

  /** The local addresses as CIDRs, or a count when there are many; computed once. */
  List<String> localText() {
    if (localCidrs == null) {
      IpSet l = local();
      localCidrs =
          l.intervalCount() > 16 ? List.of(l.intervalCount() + " address ranges") : l.toCidrs();
    }
    return localCidrs;
  }

  Verdict verdict() {
    return key.verdict();
  }

  /** The label of the attachment whose filter decided, as first seen. */
  private String attachment;

  void at(String label) {
    if (attachment == null) {
      attachment = label;
    }
  }

  String attachment() {
    return attachment;
  }

  Rule rule() {
    return key.rule();
  }

  String reason() {
    return key.reason();
  }

  String kind() {
    return key.kind();
  }

  int device() {
    return key.device();
  }

  Bits iif() {
    return key.iif();
  }

  Bits oif() {
    return key.oif();
  }
}
