package dev.kesgen.engine;

import dev.kesgen.topology.Topology;
import java.util.Map;
import java.util.SortedMap;

/** Adds files to a plan after kesgen rendered its own (an OutputExtension, adapted by {@code dev.kesgen}). */
public interface Contributor {
  /** A name for messages. */
  String name();

  /** The files to add, by output-relative path; a path already rendered is an error. */
  Map<String, String> files(Topology topology, SortedMap<String, String> rendered) throws Exception;
}
