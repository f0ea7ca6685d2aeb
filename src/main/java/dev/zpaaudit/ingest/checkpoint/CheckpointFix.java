package dev.zpaaudit.ingest.checkpoint;

import dev.zpaaudit.model.Action;
import dev.zpaaudit.model.Allowance;
import dev.zpaaudit.model.Attachment;
import dev.zpaaudit.model.Filter;
import dev.zpaaudit.model.Firewall;
import dev.zpaaudit.model.IpSet;
import dev.zpaaudit.model.Rule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An allowance as {@code mgmt_cli} commands for the management server: a host or network object per
 * destination block (and per connector block), a group of them, and an access rule accepting the
 * connectors to the group on HTTPS, added to the layer at the position of the first rule that
 * denies them (or applies the inline layer that does), so that it stands above it; then publish.
 */
public final class CheckpointFix {
  /** The name of the group and of the rule the commands create. */
  public static final String GROUP = "zpa-published-ranges";

  public static final String RULE_NAME = "allow-zpa-connectors";

  /** Where the session id is kept between commands. */
  static final String SESSION = " -s id.txt";

  private static final Pattern NUMBER = Pattern.compile("^rule (\\d+)\\b");
  private static final Pattern LAYER = Pattern.compile("^access layer '(.*)'$");

  private CheckpointFix() {}

  public static List<String> commands(Firewall fw, Allowance a) {
    Matcher layer = LAYER.matcher(a.attachment());
    if (!layer.matches()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    out.add("mgmt_cli login > id.txt");
    List<String> destinations = objects(out, "zpa-", a.destinations());
    List<String> sources = objects(out, "zpa-connectors-", a.sources());
    StringBuilder group = new StringBuilder("mgmt_cli add group name " + quoted(GROUP));
    for (int i = 0; i < destinations.size(); i++) {
      group.append(" members.").append(i + 1).append(' ').append(quoted(destinations.get(i)));
    }
    out.add(group + SESSION);
    StringBuilder rule =
        new StringBuilder("mgmt_cli add access-rule layer " + quoted(layer.group(1)));
    rule.append(" position ").append(position(fw, a).map(String::valueOf).orElse("bottom"));
    rule.append(" name ").append(quoted(RULE_NAME));
    if (sources.isEmpty()) {
      rule.append(" source \"Any\"");
    }
    for (int i = 0; i < sources.size(); i++) {
      rule.append(" source.").append(i + 1).append(' ').append(quoted(sources.get(i)));
    }
    rule.append(" destination ").append(quoted(GROUP));
    rule.append(" service ").append(quoted(a.protocol() == 6 && a.port() == 443 ? "https" : "Any"));
    rule.append(" action \"Accept\"");
    out.add(rule + SESSION);
    out.add("mgmt_cli publish" + SESSION);
    out.add("mgmt_cli logout" + SESSION);
    return out;
  }

  /** A host object for each single address, a network object for each other block. */
  private static List<String> objects(List<String> out, String prefix, List<String> cidrs) {
    List<String> names = new ArrayList<>();
    for (String cidr : cidrs) {
      IpSet s = IpSet.parse(cidr);
      String address = cidr.contains("/") ? cidr.substring(0, cidr.indexOf('/')) : cidr;
      boolean host = s.size().equals(java.math.BigInteger.ONE);
      String name = prefix + (host ? address : cidr.replace('/', '_')).replace(':', '-');
      names.add(name);
      out.add(
          host
              ? "mgmt_cli add host name "
                  + quoted(name)
                  + " ip-address "
                  + quoted(address)
                  + SESSION
              : "mgmt_cli add network name "
                  + quoted(name)
                  + " subnet "
                  + quoted(address)
                  + " mask-length "
                  + cidr.substring(cidr.indexOf('/') + 1)
                  + SESSION);
    }
    return names;
  }

  /**
   * The number of the layer's first rule that denies what is allowed, or applies an inline layer in
   * which a rule does; empty when only the implicit cleanup rule does.
   */
  private static Optional<Integer> position(Firewall fw, Allowance a) {
    Optional<Filter> layer =
        fw.attachments().stream()
            .filter(at -> at.label().equals(a.attachment()))
            .map(Attachment::filter)
            .map(fw::filter)
            .findFirst();
    if (layer.isEmpty()) {
      return Optional.empty();
    }
    for (Rule r : layer.get().rules()) {
      Matcher m = NUMBER.matcher(r.text());
      if (m.find() && denies(fw, r, a, new HashSet<>())) {
        return Optional.of(Integer.parseInt(m.group(1)));
      }
    }
    return Optional.empty();
  }

  private static boolean denies(Firewall fw, Rule r, Allowance a, Set<String> seen) {
    if (a.denying().contains(r.text())) {
      return true;
    }
    if (r.action() instanceof Action.Jump j && seen.add(j.filter())) {
      Filter inline = fw.filter(j.filter());
      return inline != null && inline.rules().stream().anyMatch(x -> denies(fw, x, a, seen));
    }
    return false;
  }

  private static String quoted(String s) {
    return "\"" + s + "\"";
  }
}
