package dev.zpaaudit.ingest.gcp;

import dev.zpaaudit.diag.InputException;
import dev.zpaaudit.model.Allowance;
import dev.zpaaudit.model.Firewall;
import dev.zpaaudit.model.IpSet;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An allowance as {@code gcloud compute firewall-rules create}: an EGRESS rule allowing TCP 443 to
 * the missing ranges, in the denying VPC rule's network, at the free priority nearest above it (a
 * lower number), for the connector VMs' network tags where the export has them. Nothing is written
 * where a firewall policy denies (its rules are changed with firewall-policies commands) or no
 * priority above the denying rule is free.
 */
public final class GcpFix {
  /** The name of the rule the command creates. */
  public static final String RULE = "allow-zpa-connectors";

  private static final Pattern DENYING =
      Pattern.compile("^firewall rule '([^']+)' \\(priority (\\d+)\\)");

  private GcpFix() {}

  public static List<String> commands(Firewall fw, Allowance a) {
    GcpExport e;
    try {
      e = GcpReader.export(Path.of(fw.source()));
    } catch (InputException x) {
      return List.of();
    }
    Optional<GcpRule> denying = Optional.empty();
    for (String text : a.denying()) {
      Matcher m = DENYING.matcher(text);
      if (m.find()) {
        String name = m.group(1);
        Optional<GcpRule> r =
            e.rules().stream().filter(x -> x.name().equals(name) && x.policy() == null).findFirst();
        if (r.isPresent() && (denying.isEmpty() || r.get().priority() < denying.get().priority())) {
          denying = r;
        }
      }
    }
    if (denying.isEmpty() || denying.get().network() == null) {
      return List.of();
    }
    Set<Integer> used = new HashSet<>();
    e.rules().stream().filter(r -> !r.ingress()).forEach(r -> used.add(r.priority()));
    int priority = denying.get().priority() - 1;
    while (priority >= 0 && used.contains(priority)) {
      priority--;
    }
    if (priority < 0) {
      return List.of();
    }
    Set<String> tags = new java.util.TreeSet<>();
    e.instances()
        .forEach(
            (ip, i) -> {
              for (String s : a.sources()) {
                if (IpSet.parse(s).intersects(ip)) {
                  tags.addAll(i.tags());
                }
              }
            });
    return List.of(
        "gcloud compute firewall-rules create "
            + RULE
            + " --network="
            + denying.get().network()
            + " --direction=EGRESS --priority="
            + priority
            + " --action=ALLOW --rules=tcp:"
            + a.port()
            + " --destination-ranges="
            + String.join(",", a.destinations())
            + (tags.isEmpty() ? "" : " --target-tags=" + String.join(",", tags)));
  }
}
