package dev.zpaaudit.ingest.inventory;

import dev.zpaaudit.diag.Diagnostics;
import dev.zpaaudit.model.host.Fact;
import dev.zpaaudit.model.host.FactKey;
import dev.zpaaudit.model.host.Listener;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Host facts stated in an inventory entry (instead of, or besides, a collected facts file). */
final class StatedFacts {
  static final double GIB = 1024.0 * 1024 * 1024;

  /**
   * The largest stated number (a count, days, GiB): far beyond any host, and small enough that no
   * count wraps around and no size in bytes overflows.
   */
  static final BigDecimal MAX_NUMBER = BigDecimal.valueOf(1_000_000_000L);

  /** Inventory field name to the fact it states. */
  static final Map<String, FactKey<?>> FIELDS = new LinkedHashMap<>();

  static {
    FIELDS.put("memoryGiB", FactKey.STATED_MEMORY_BYTES);
    FIELDS.put("vcpus", FactKey.THREADS);
    FIELDS.put("cores", FactKey.CORES);
    FIELDS.put("hyperThreading", FactKey.HYPER_THREADING);
    FIELDS.put("aesNi", FactKey.AES_NI);
    FIELDS.put("passmark", FactKey.PASSMARK);
    FIELDS.put("diskGiB", FactKey.DISK_BYTES);
    FIELDS.put("diskProvisioning", FactKey.DISK_PROVISIONING);
    FIELDS.put("nics", FactKey.NIC_COUNT);
    FIELDS.put("macStatic", FactKey.MAC_STATIC);
    FIELDS.put("architecture", FactKey.ARCHITECTURE);
    FIELDS.put("systemd", FactKey.SYSTEMD);
    FIELDS.put("privilegedAccess", FactKey.PRIVILEGED_ACCESS);
    FIELDS.put("osId", FactKey.OS_ID);
    FIELDS.put("osVersionId", FactKey.OS_VERSION_ID);
    FIELDS.put("sshPasswordAuthentication", FactKey.SSH_PASSWORD_AUTH);
    FIELDS.put("defaultPasswordChanged", FactKey.DEFAULT_PASSWORD_CHANGED);
    FIELDS.put("patchAgeDays", FactKey.PACKAGE_AGE_DAYS);
    FIELDS.put("listeningPorts", FactKey.LISTENING);
  }

  private StatedFacts() {}

  /** Reads the stated facts of an entry; bad values are errors at their line. */
  static Map<String, Fact<?>> read(Entry e, Diagnostics d) {
    Map<String, Fact<?>> out = new LinkedHashMap<>();
    FIELDS.forEach(
        (field, key) ->
            e.get(field)
                .ifPresent(
                    c -> {
                      Object v = value(field, key, c, d);
                      if (v != null) {
                        out.put(key.name(), Fact.of(v, c.at()));
                      }
                    }));
    return out;
  }

  private static Object value(String field, FactKey<?> key, Cell c, Diagnostics d) {
    String t = c.text() == null ? "" : c.text().trim();
    if (key == FactKey.LISTENING) {
      return ports(field, c, d);
    }
    if (field.endsWith("GiB")) {
      BigDecimal g = number(field, t, c, d);
      return g == null ? null : Math.round(g.doubleValue() * GIB);
    }
    if (key.type() == Long.class) {
      BigDecimal g = number(field, t, c, d);
      if (g != null && g.stripTrailingZeros().scale() > 0) {
        d.error(c.at(), field + ": '" + t + "' is not a whole number");
        return null;
      }
      return g == null ? null : g.longValue();
    }
    if (key.type() == Boolean.class) {
      String b = t.toLowerCase(Locale.ROOT);
      if (b.equals("true") || b.equals("yes")) {
        return true;
      }
      if (b.equals("false") || b.equals("no")) {
        return false;
      }
      d.error(c.at(), field + ": '" + t + "' is not true or false");
      return null;
    }
    if (key == FactKey.SSH_PASSWORD_AUTH
        && !t.equalsIgnoreCase("yes")
        && !t.equalsIgnoreCase("no")) {
      d.error(c.at(), field + ": '" + t + "' is not yes or no");
      return null;
    }
    java.util.Optional<String> v = key.accept(t);
    if (v.isEmpty()) {
      d.error(c.at(), field + ": '" + t + "' is not " + key.valuesInWords());
      return null;
    }
    return v.get();
  }

  private static BigDecimal number(String field, String t, Cell c, Diagnostics d) {
    try {
      BigDecimal v = new BigDecimal(t);
      if (v.signum() < 0) {
        d.error(c.at(), field + ": " + t + " is negative");
        return null;
      }
      if (v.compareTo(MAX_NUMBER) > 0) {
        d.error(c.at(), field + ": " + t + " is above " + MAX_NUMBER);
        return null;
      }
      return v;
    } catch (NumberFormatException ex) {
      d.error(c.at(), field + ": '" + t + "' is not a number");
      return null;
    }
  }

  private static List<Listener> ports(String field, Cell c, Diagnostics d) {
    List<Listener> out = new ArrayList<>();
    for (String p : c.list()) {
      try {
        out.add(new Listener("0.0.0.0", Integer.parseInt(p.trim())));
      } catch (IllegalArgumentException ex) {
        d.error(c.at(), field + ": '" + p + "' is not a port (0-65535)");
        return null;
      }
    }
    return out;
  }
}
