package dev.zpaaudit.ingest.asa;

import java.util.Random;

/**
 * Writes a large synthetic ASA running configuration: interfaces, a default route, network objects
 * and object-groups, service object-groups, and one inbound ACL of many lines using all of them.
 * Deterministic for a seed.
 */
public final class AsaConfigGenerator {
  private final int lines;
  private final int objects;
  private final Random random;
  private final StringBuilder out = new StringBuilder();

  public AsaConfigGenerator(int lines, int objects, long seed) {
    this.lines = lines;
    this.objects = objects;
    this.random = new Random(seed);
  }

  public String generate() {
    out.append(": Saved\nASA Version 9.16(4)\n!\n");
    out.append("interface GigabitEthernet0/0\n nameif outside\n security-level 0\n");
    out.append(" ip address 203.0.113.2 255.255.255.0\n!\n");
    out.append("interface GigabitEthernet0/1\n nameif inside\n security-level 100\n");
    out.append(" ip address 10.0.0.1 255.255.0.0\n!\n");
    for (int i = 0; i < objects; i++) {
      out.append("object network host-").append(i).append("\n host ").append(host(i)).append('\n');
    }
    int groups = Math.max(1, objects / 25);
    for (int g = 0; g < groups; g++) {
      out.append("object-group network group-").append(g).append('\n');
      for (int m = 0; m < 10; m++) {
        out.append(" network-object object host-").append(random.nextInt(objects)).append('\n');
      }
    }
    out.append("object-group service web tcp\n port-object eq www\n port-object eq https\n");
    for (int i = 0; i < lines; i++) {
      out.append("access-list inside_in extended ")
          .append(random.nextInt(5) < 3 ? "permit" : "deny")
          .append(' ')
          .append(random.nextBoolean() ? "tcp" : "udp")
          .append(' ')
          .append(endpoint(groups))
          .append(' ')
          .append(endpoint(groups))
          .append(" eq ")
          .append(1024 + random.nextInt(30000))
          .append('\n');
    }
    out.append("access-list inside_in extended permit tcp 10.0.0.0 255.255.0.0 any eq https\n");
    out.append("access-group inside_in in interface inside\n");
    out.append("route outside 0.0.0.0 0.0.0.0 203.0.113.1 1\n");
    return out.toString();
  }

  private String endpoint(int groups) {
    int pick = random.nextInt(10);
    return pick == 0
        ? "any"
        : pick < 3
            ? "object-group group-" + random.nextInt(groups)
            : "object host-" + random.nextInt(objects);
  }

  /** Addresses spread over the whole IPv4 space. */
  private static String host(int i) {
    long a = (i * 2654435761L) & 0xffffffffL;
    return (a >> 24 & 255) + "." + (a >> 16 & 255) + "." + (a >> 8 & 255) + "." + (a & 255);
  }
}
