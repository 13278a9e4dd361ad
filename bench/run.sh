#!/usr/bin/env bash
# The pactum benchmark from a fresh clone (bench/README.md): installs /usr/bin/time and the peer's
# npm packages when missing, builds pactum (Release, into build-bench/) and the libyaml floor,
# generates the logs (cached in bench/out/), and prints the table. BENCH_1E7=1 adds 10^7 events.
set -euo pipefail
cd "$(dirname "$0")/.."
JOBS=${JOBS:-2}
if [ ! -x /usr/bin/time ]; then
  SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
  $SUDO apt-get install -y time
fi
if [ ! -d bench/peers/node_modules/json-rules-engine ] || [ ! -d bench/peers/node_modules/js-yaml ]; then
  (cd bench/peers && npm install --no-audit --no-fund)
fi
mkdir -p bench/out
cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build-bench -j"$JOBS" --target pactum
cc -O2 -o bench/out/yaml_floor bench/yaml_floor.c -lyaml
PACTUM="$PWD/build-bench/pactum" python3 bench/run.py
