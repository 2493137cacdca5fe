#!/bin/sh
# Writes index.txt, the list of every shipped template, into the built resources: kesgen reads it to know which
# names a user template directory may override (a jar cannot be listed). Generated, so that a new template is one
# file: IndexFileTest in generator-core holds the built index to the directory.
#   index.sh <source root> <output file>
set -eu
src=$1
out=$2
mkdir -p "$(dirname "$out")"
tmp="$out.tmp"
{
  printf '%s\n' "# Every template below dev/kesgen/templates/, by its path from here, sorted, one a line."
  printf '%s\n' "# Generated at build time from the directory (templates/src/build/index.sh); do not edit."
  (cd "$src" && find . -type f -name '*.hbs' | sed 's|^\./||' | LC_ALL=C sort)
} > "$tmp"
mv "$tmp" "$out"
