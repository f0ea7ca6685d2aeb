package dev.zpaaudit.ingest.azure;

import dev.zpaaudit.diag.InputException;
import dev.zpaaudit.model.Allowance;
import dev.zpaaudit.model.Firewall;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An allowance as Azure CLI: {@code az network nsg rule create} in the network security group whose
 * outbound rule denies the connectors, at the free priority nearest above that rule's (a lower
 * number), allowing TCP 443 from the connectors to the missing ranges. The group's resource group
 * comes from the export (written as {@code $RESOURCE_GROUP} where it says none). Nothing is written
 * where no priority above the denying rule is free.
 */
public final class AzureFix {
  /** The name of the rule the command creates. */
  public static final String RULE = "allow-zpa-connectors";

  private AzureFix() {}

  public static List<String> commands(Firewall fw, Allowance a) {
    Optional<Nsg> nsg = group(fw, a.attachment());
    if (nsg.isEmpty()) {
      return List.of();
    }
    Nsg g = nsg.get();
    Set<Integer> used = new HashSet<>();
    int denying = 4097;
    for (NsgRule r : g.rules()) {
      if (r.direction() != NsgRule.Direction.OUTBOUND) {
        continue;
      }
      used.add(r.priority());
      if (!r.allow() && a.denying().stream().anyMatch(t -> t.contains("rule '" + r.name() + "'"))) {
        denying = Math.min(denying, r.priority());
      }
    }
    int priority = denying - 1;
    while (priority >= 100 && used.contains(priority)) {
      priority--;
    }
    if (priority < 100) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    String rg = g.resourceGroup() == null ? "\"$RESOURCE_GROUP\"" : g.resourceGroup();
    String src = a.sources().isEmpty() ? "'*'" : String.join(" ", a.sources());
    out.add(
        "az network nsg rule create --resource-group "
            + rg
            + " --nsg-name "
            + g.name()
            + " --name "
            + RULE
            + " --priority "
            + priority
            + " --direction Outbound --access Allow --protocol Tcp --source-address-prefixes "
            + src
            + " --source-port-ranges '*' --destination-address-prefixes "
            + String.join(" ", a.destinations())
            + " --destination-port-ranges "
            + a.port());
    return out;
  }

  /** The group an attachment label names, read again from the export. */
  private static Optional<Nsg> group(Firewall fw, String attachment) {
    if (!attachment.endsWith(" outbound")) {
      return Optional.empty();
    }
    try {
      for (Nsg g : AzureReader.groups(Path.of(fw.source()))) {
        if (attachment.equals("network security group '" + g.name() + "' outbound")) {
          return Optional.of(g);
        }
      }
    } catch (InputException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
