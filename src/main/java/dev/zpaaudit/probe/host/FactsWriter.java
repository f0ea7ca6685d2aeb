package dev.zpaaudit.probe.host;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zpaaudit.model.host.Listener;
import dev.zpaaudit.model.host.Nic;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a collection as a facts file (schema {@value #SCHEMA}), read back by the inventory. */
public final class FactsWriter {
  public static final String SCHEMA = "zpa-audit/host-facts/v1";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private FactsWriter() {}

  public static String json(HostCollector.Result r, String toolVersion) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("schema", SCHEMA);
    Map<String, Object> tool = new LinkedHashMap<>();
    tool.put("name", "zpa-audit");
    tool.put("version", toolVersion);
    root.put("tool", tool);
    root.put("collectedAt", r.collectedAt().toString());
    root.put("root", r.root());
    root.put("hostname", r.hostname());
    Map<String, Object> facts = new LinkedHashMap<>();
    r.collected().facts().forEach((k, v) -> facts.put(k, plain(v)));
    root.put("facts", facts);
    root.put("unreadable", r.collected().unreadable());
    root.put("sources", r.collected().sources());
    DefaultPrettyPrinter pp = new DefaultPrettyPrinter();
    pp.indentArraysWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
    pp.indentObjectsWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
    try {
      return MAPPER.writer(pp).writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object plain(Object v) {
    if (v instanceof List<?> l) {
      return l.stream().map(FactsWriter::plain).toList();
    }
    if (v instanceof Nic n) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", n.name());
      m.put("mac", n.mac());
      m.put("addrAssignType", n.addrAssignType());
      m.put("addrAssign", n.assignLabel());
      m.put("virtual", n.virtual());
      return m;
    }
    if (v instanceof Listener l) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("address", l.address());
      m.put("port", l.port());
      return m;
    }
    return v;
  }
}
