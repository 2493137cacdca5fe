package dev.kesgen.cli;

/** How check and validate report: lines for people, or one JSON document for CI. */
enum Format {
  TEXT,
  JSON
}
