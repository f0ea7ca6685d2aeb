package dev.zpaaudit.ingest.fortios;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a VDOM's settings are in the tree: its own entry of {@code config vdom} (the whole file for
 * a FortiGate without VDOMs), and the global part ({@code config global}) that holds the interfaces
 * of every VDOM.
 */
record VdomNodes(String name, int line, ConfigNode own, ConfigNode global) {
  /** The block of this path, the VDOM's own first. */
  Optional<ConfigBlock> block(String path) {
    Optional<ConfigBlock> b = own.block(path);
    return b.isPresent() || global == null ? b : global.block(path);
  }

  /** The entries of the blocks of this path, the global ones first, then the VDOM's own. */
  List<ConfigEntry> entries(String path) {
    List<ConfigEntry> out = new ArrayList<>();
    if (global != null && global != own) {
      global.block(path).ifPresent(b -> out.addAll(b.entries()));
    }
    own.block(path).ifPresent(b -> out.addAll(b.entries()));
    return out;
  }

  /** The entries of the VDOM's own block of this path. */
  List<ConfigEntry> own(String path) {
    return own.block(path).map(ConfigBlock::entries).orElse(List.of());
  }
}
