#!/usr/bin/env bash
# Installs the Debian 12 packages pactum builds with, when they are missing (`setup.sh sanitize`
# and `setup.sh fuzz`: also clang, which builds the sanitized tree and the fuzzers). Nothing else
# is downloaded: every library comes from Debian.
set -euo pipefail
packages=(cmake make g++ python3 python3-jsonschema python3-yaml pkg-config tzdata
          antlr4 libantlr4-runtime-dev libfmt-dev libyaml-cpp-dev libyaml-dev catch2 libcli11-dev
          libhowardhinnant-date-dev nlohmann-json3-dev libssl-dev lld)
# `setup.sh sanitize` and `setup.sh fuzz` also install clang, its runtime libraries (ASan,
# UBSan, libFuzzer) and llvm-symbolizer (file:line in sanitizer reports) for `make sanitize` and
# scripts/fuzz.sh; `setup.sh wasm` what the browser workbench needs (docs/workbench.md: emscripten,
# the header-only UTF-8 library ANTLR's runtime includes, dpkg-dev for `apt-get source`, Node.js
# and npm for the page's bundler and tests, chromium for the browser tests) and a deb-src entry;
# without an argument nothing changes.
if [ "${1:-}" = sanitize ] || [ "${1:-}" = fuzz ]; then
  packages+=(clang libclang-rt-14-dev llvm-14)
fi
if [ "${1:-}" = wasm ]; then
  packages+=(emscripten libutfcpp-dev dpkg-dev xz-utils chromium)
fi
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
apt_install() {
  echo "setup: installing $*"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  apt_install "${missing[@]}"
  # antlr4's code generator needs a Java runtime; --no-install-recommends keeps its dependency.
fi

# The WebAssembly build compiles libyaml, yaml-cpp, date/tz and ANTLR's C++ runtime from Debian's
# own source packages (scripts/deb-sources.sh runs `apt-get source`), which needs deb-src entries:
# the machine's own entries for Debian 12 (bookworm, its updates and security fixes), the same
# mirrors, for source packages.
if [ "${1:-}" = wasm ] && ! apt-get source --print-uris -qq libyaml >/dev/null 2>&1; then
  sources=""
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    sources+=$(awk 'BEGIN { RS = ""; ORS = "\n\n" }
                    /Types:[^\n]*deb/ && /Suites:[^\n]*bookworm/ { sub(/Types:[^\n]*/, "Types: deb-src"); print }' "$f")
    sources+=$'\n\n'
  done
  if [ -z "${sources//[[:space:]]/}" ] && [ -f /etc/apt/sources.list ]; then
    # One-line style: deb URL bookworm ... -> deb-src URL bookworm ...
    sources=$(awk '$1 == "deb" && $0 ~ /bookworm/ { $1 = "deb-src"; print }' /etc/apt/sources.list)
    target=/etc/apt/sources.list.d/pactum-deb-src.list
  else
    target=/etc/apt/sources.list.d/pactum-deb-src.sources
  fi
  if [ -z "${sources//[[:space:]]/}" ]; then
    echo "setup: no Debian 12 (bookworm) entry in /etc/apt/sources.list(.d) to copy as deb-src;" \
         "add a deb-src entry for your mirror and run again (docs/workbench.md)" >&2
    exit 2
  fi
  echo "setup: adding deb-src entries for Debian 12 ($target)"
  printf '%s\n' "$sources" | $SUDO tee "$target" >/dev/null
  $SUDO apt-get update -qq
fi

# The validators the test suite runs on pactum's CI formats (tests/ci/package.json: the SARIF
# multitool and the SARIF 2.1.0 schema), from the npm registry, pinned by package-lock.json.
root="$(cd "$(dirname "$0")/.." && pwd)"
# (PACTUM_NO_TEST_TOOLS=1 skips this: the Dockerfile and the GitHub Action only build pactum.)
[ "${PACTUM_NO_TEST_TOOLS:-}" = 1 ] && exit 0
# The html report's browser test (tests/report/check_html_report.py) renders and prints reports
# in headless Chromium: Debian's `chromium`, and a font for its text (no browser is downloaded).
browser=()
for p in chromium fonts-dejavu-core; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || browser+=("$p")
done
if [ ${#browser[@]} -gt 0 ]; then
  apt_install "${browser[@]}"
fi
# Debian's npm brings Node.js 18, which runs the editor tests (`node --test`); machines that come
# with Node.js and npm keep theirs. CMake registers the editor tests only when both are found, so
# run this before configuring.
if ! command -v npm >/dev/null || ! command -v node >/dev/null; then
  apt_install npm
fi
if [ ! -x "$root/tests/ci/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool" ]; then
  echo "setup: npm ci in tests/ci (SARIF validators)"
  (cd "$root/tests/ci" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  chmod +x "$root/tests/ci/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
fi
# The editor tests' packages (editors/vscode/test: the LSP client and the TextMate engine, pinned
# by package-lock.json); CTest runs the same script before those tests, so this only saves time.
"$root/scripts/npm-ci.sh" "$root/editors/vscode/test"
