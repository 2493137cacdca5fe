/**
 * What both front ends print, written once: the lines of a run (instances, certificates, the change plan, the
 * summary) and the wording of topology problems and check findings. A front end supplies a {@link LogSink} (its
 * console, Maven's log) and adds only what is its own: option names, exit codes, a progress line, JSON.
 *
 * <p>It sits above the public API, which never uses it.
 */
package dev.kesgen.report;
