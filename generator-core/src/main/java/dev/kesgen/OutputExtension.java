package dev.kesgen;

import java.util.Map;

/**
 * Adds files to the output of a run, after kesgen rendered its own. Extensions are found with
 * {@link java.util.ServiceLoader} on the class path of the library (for the Maven plugin: its plugin
 * dependencies), so putting one on the class path is the opt-in; kesgen-helm's rendered Kubernetes manifests are
 * one. An exception it throws fails the run as an {@link InternalException}.
 */
public interface OutputExtension {
  /**
   * The files to add, by output-relative path with '/' separators; a path kesgen already renders is an error.
   *
   * @param input the topology and what kesgen rendered for it
   */
  Map<String, String> files(ExtensionInput input) throws Exception;
}
