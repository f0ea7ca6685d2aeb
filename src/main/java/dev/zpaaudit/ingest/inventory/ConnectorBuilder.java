package dev.zpaaudit.ingest.inventory;

import dev.zpaaudit.diag.Diagnostics;
import dev.zpaaudit.diag.InputException;
import dev.zpaaudit.model.SourceLocation;
import dev.zpaaudit.model.host.Connector;
import dev.zpaaudit.model.host.Fact;
import dev.zpaaudit.model.host.HostFacts;
import dev.zpaaudit.model.host.Platform;
import dev.zpaaudit.model.host.Throughput;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns an inventory entry into a {@link Connector}, loading its facts file if it names one. */
final class ConnectorBuilder {
  private final Path dir;
  private final Diagnostics d;

  ConnectorBuilder(Path inventoryDir, Diagnostics d) {
    this.dir = inventoryDir;
    this.d = d;
  }

  /**
   * The connector of an entry, or empty when it lacks a required field or names an unknown
   * platform. Every field is read either way, so that all of an entry's errors are reported.
   */
  Optional<Connector> build(Entry e) {
    for (String f : Fields.REQUIRED) {
      if (e.get(f).isEmpty()) {
        d.error(e.at(), "connector without '" + f + "'");
      }
    }
    Optional<Fact<Platform>> platform = e.get("platform").flatMap(this::platform);
    HostFacts stated =
        new HostFacts(
            e.at(), StatedFacts.read(e, d), "not stated in the inventory" + " and no facts file");
    HostFacts host = stated;
    Optional<Cell> factsFile = e.get("facts");
    if (factsFile.isPresent()) {
      host = collected(factsFile.get(), stated);
    }
    Fact<Throughput> peak = rate(e, "peak");
    Fact<Throughput> average = rate(e, "average");
    if (e.get("name").isEmpty() || e.get("group").isEmpty() || platform.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Connector(
            e.get("name").get().text().trim(),
            e.get("group").get().text().trim(),
            e.at(),
            platform.get(),
            text(e, "instanceType"),
            text(e, "region"),
            text(e, "vpc"),
            list(e, "peeredVpcs"),
            text(e, "provisioningKey"),
            peak,
            average,
            host));
  }

  private Optional<Fact<Platform>> platform(Cell p) {
    try {
      return Optional.of(Fact.of(Platform.parse(p.text()), p.at()));
    } catch (IllegalArgumentException ex) {
      d.error(p.at(), ex.getMessage());
      return Optional.empty();
    }
  }

  private HostFacts collected(Cell file, HostFacts stated) {
    Path p = dir.resolve(file.text().trim());
    try {
      HostFacts f = FactsReader.read(p, p.toString(), d);
      for (Map.Entry<String, Fact<?>> s : stated.facts().entrySet()) {
        Fact<?> c = f.facts().get(s.getKey());
        if (c != null && c.known() && !c.value().equals(s.getValue().value())) {
          d.warning(
              s.getValue().at(),
              s.getKey()
                  + ": stated "
                  + s.getValue().value()
                  + " but the facts file has "
                  + c.value()
                  + " ("
                  + c.at()
                  + "); using the facts file");
        }
      }
      return f.orElse(stated);
    } catch (InputException ex) {
      ex.errors().forEach(x -> d.error(file.at(), "facts file " + x.format()));
      return stated;
    }
  }

  private Fact<Throughput> rate(Entry e, String field) {
    return Rates.read(
        field,
        e.get(field).orElse(null),
        e.at(),
        "no measured " + field + " throughput stated for the connector",
        d);
  }

  private static Fact<String> text(Entry e, String field) {
    return e.get(field)
        .map(c -> Fact.of(c.text().trim(), c.at()))
        .orElse(Fact.unknown(field + " not stated", e.at()));
  }

  private static Fact<List<String>> list(Entry e, String field) {
    return e.get(field)
        .map(c -> Fact.of(c.list(), c.at()))
        .orElse(Fact.unknown(field + " not stated", e.at()));
  }

  static SourceLocation at(Entry e) {
    return e.at();
  }
}
