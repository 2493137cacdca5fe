package dev.kesgen.topology;

import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/** A field looked up in an override mapping first and the defaults after it. */
record Layers(List<Mapping> mappings) {
  Layers(Mapping... mappings) {
    this(List.of(mappings));
  }

  /** The most specific value of the field, with the path it was written at. */
  Optional<Nodes.Located<Node>> get(String field) {
    for (Mapping mapping : mappings) {
      Optional<Node> node = mapping.get(field);
      if (node.isPresent()) {
        return Optional.of(new Nodes.Located<>(node.get(), node.get(), mapping.pathOf(field)));
      }
    }
    return Optional.empty();
  }
}
