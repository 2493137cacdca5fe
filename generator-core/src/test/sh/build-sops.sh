#!/bin/sh
# Builds the real sops v3.13.3 (getsops/sops, MPL-2.0), SopsPeerTest's peer, once into the directory $1 (the user's
# cache, ~/.cache/kesgen-peers/sops-v3.13.3), under a lock on $1/.lock so that the early background build the
# generator-core POM starts (phase initialize) and SopsPeerTest's own call never build twice: the test's call waits
# for a build in progress and then finds the binary. Without Go it does nothing; the test then skips or, in CI, fails.
set -eu
dir=$1
mkdir -p "$dir"
exec 9>"$dir/.lock"
flock 9
if [ -x "$dir/sops" ]; then
  exit 0
fi
if ! command -v go >/dev/null 2>&1; then
  echo "build-sops: no go on the PATH" >&2
  exit 0
fi
GOBIN="$dir" GOFLAGS=-buildvcs=false GOWORK=off GOTOOLCHAIN=local CGO_ENABLED=0 \
  go install github.com/getsops/sops/v3/cmd/sops@v3.13.3
