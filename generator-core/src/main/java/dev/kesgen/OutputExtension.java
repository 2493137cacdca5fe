package dev.kesgen;

import dev.kesgen.topology.Topology;
import java.util.Map;
import java.util.SortedMap;

/**
 * Adds files to the output of a run, after kesgen rendered its own. Extensions are found with
 * {@link java.util.ServiceLoader} on the class path of the library (for the Maven plugin: its plugin
 * dependencies), so putting one on the class path is the opt-in; kesgen-helm's rendered Kubernetes manifests are
 * one.
 */
public interface OutputExtension {
  /**
   * The files to add, by output-relative path with '/' separators; a path kesgen already renders is an error.
   *
   * @param topology the loaded topology
   * @param files every file kesgen rendered, by output-relative path, as UTF-8 text
   */
  Map<String, String> files(Topology topology, SortedMap<String, String> files) throws Exception;
}
