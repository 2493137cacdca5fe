/**
 * How kesgen reads any file: regular files only, no links, no FIFOs or devices, a size limit per kind
 * ({@link dev.kesgen.files.RegularFiles}). It imports nothing else of kesgen, so every package may use it.
 */
package dev.kesgen.files;
