package dev.zpaaudit.ingest.checkpoint;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Check Point management export: the access layers whose rulebases it holds, in the order read,
 * and every object it defines, by uid (the rulebases' objects dictionaries, objects written in
 * place, and {@code show objects} pages).
 */
public record CheckpointExport(String source, List<Layer> layers, Map<String, CpObject> objects) {
  public CheckpointExport {
    Objects.requireNonNull(source, "source");
    layers = List.copyOf(layers);
    objects = Map.copyOf(objects);
  }

  /** The layer with this uid, or else this name, if the export holds its rulebase. */
  java.util.Optional<Layer> layer(String uid, String name) {
    return layers.stream()
        .filter(l -> uid != null && uid.equals(l.uid()))
        .findFirst()
        .or(() -> layers.stream().filter(l -> l.name().equals(name)).findFirst());
  }
}
