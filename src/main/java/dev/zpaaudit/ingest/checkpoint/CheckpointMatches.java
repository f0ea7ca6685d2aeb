package dev.zpaaudit.ingest.checkpoint;

import dev.zpaaudit.model.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lowers what an access rule matches on into neutral conditions: source and destination (exact
 * where the export settles them), services, and the cells that are not modelled (VPN, content,
 * time, installation targets other than the policy's), each an {@link Condition.Unknown} naming
 * what it holds.
 */
final class CheckpointMatches {
  /** The installation target that stands for every gateway the policy is installed on. */
  static final String POLICY_TARGETS = "Policy Targets";

  private final Map<String, CpObject> objects;
  private final AddressResolver addresses;
  private final ServiceMatches services;

  CheckpointMatches(Map<String, CpObject> objects) {
    this.objects = objects;
    this.addresses = new AddressResolver(objects);
    this.services = new ServiceMatches(objects);
  }

  List<Condition> rule(AccessRule r) {
    List<Condition> out = new ArrayList<>();
    out.addAll(addresses.side(r.source(), true));
    out.addAll(addresses.side(r.destination(), false));
    out.addAll(services.services(r.service()));
    List<String> vpn = notAny(r.vpn());
    if (!vpn.isEmpty()) {
      out.add(
          new Condition.Unknown(
              "VPN "
                  + String.join(", ", vpn)
                  + ": whether the traffic passes through a VPN community is not modelled"));
    }
    List<String> content = notAny(r.content());
    if (!content.isEmpty() || r.content().negate()) {
      out.add(
          new Condition.Unknown(
              "content "
                  + (r.content().negate() ? "not " : "")
                  + String.join(", ", content.isEmpty() ? List.of("Any") : content)
                  + ": the data the traffic carries is not modelled"));
    }
    List<String> time = notAny(r.time());
    if (!time.isEmpty()) {
      out.add(
          new Condition.Unknown(
              "time " + String.join(", ", time) + ": the time of day is not modelled"));
    }
    List<String> targets = installedOn(r);
    if (!targets.isEmpty()) {
      out.add(
          new Condition.Unknown(
              "install-on "
                  + String.join(", ", targets)
                  + ": the rule is installed on those gateways only, and the export does not say"
                  + " which gateway is audited"));
    }
    return out;
  }

  /** The names a cell holds other than Any, quoted. */
  List<String> notAny(Column c) {
    List<String> out = new ArrayList<>();
    for (Ref ref : c.refs()) {
      CpObject o = objects.get(ref.uid());
      if (!(o.body() instanceof CpObject.Any)) {
        out.add("'" + o.name() + "'");
      }
    }
    return out;
  }

  /** The installation targets other than the policy's own, quoted. */
  private List<String> installedOn(AccessRule r) {
    List<String> out = new ArrayList<>();
    for (Ref ref : r.installOn().refs()) {
      CpObject o = objects.get(ref.uid());
      if (!o.name().equals(POLICY_TARGETS) && !(o.body() instanceof CpObject.Any)) {
        out.add("'" + o.name() + "'");
      }
    }
    return out;
  }
}
