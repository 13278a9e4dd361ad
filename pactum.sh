#!/usr/bin/env bash
# Builds pactum when needed (installing Debian packages that are missing) and runs it:
#   ./pactum.sh check examples/acme.terms examples/acme-2026.yaml
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [ ! -x "$here/build/pactum" ] || [ -n "$(find "$here/engine" "$here/cli" "$here/grammar" -newer "$here/build/pactum" -print -quit)" ]; then
  make -C "$here" bin >&2
fi
exec "$here/build/pactum" "$@"
