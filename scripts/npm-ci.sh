#!/usr/bin/env bash
# Installs the npm packages of a folder (package.json + package-lock.json) with `npm ci`, unless
# the installed tree already matches the lock file. Used by CTest before the editor tests
# (editors/vscode/test): the protocol client and the TextMate engine come from the npm registry.
#
#   scripts/npm-ci.sh DIR
set -euo pipefail
dir=${1:?usage: npm-ci.sh DIR}
cd "$dir"
stamp=node_modules/.pactum-lock
if [ -f "$stamp" ] && cmp -s package-lock.json "$stamp"; then
  exit 0
fi
npm ci --no-audit --no-fund --loglevel=error
cp package-lock.json "$stamp"
