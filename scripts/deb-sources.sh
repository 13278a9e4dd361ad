#!/usr/bin/env bash
# The C and C++ libraries the WebAssembly build compiles itself, from Debian's own source
# packages (Debian ships them only as code for the host): `apt-get source` into DIR, unpacked
# with Debian's patches applied. Nothing is downloaded from anywhere but the Debian mirror.
# Needs a deb-src entry (`scripts/setup.sh wasm` adds one) and dpkg-dev.
#
#   scripts/deb-sources.sh DIR      -> DIR/libyaml, DIR/yaml-cpp, DIR/howardhinnant-date,
#                                      DIR/antlr4-cpp-runtime (symbolic links to the unpacked trees)
set -euo pipefail
dir=${1:?usage: deb-sources.sh DIR}
mkdir -p "$dir"
cd "$dir"
for package in libyaml yaml-cpp howardhinnant-date antlr4-cpp-runtime; do
  [ -e "$package/.pactum-unpacked" ] && continue
  # The version of the installed -dev package when there is one, so the WebAssembly build and the
  # native one compile the same code; else the newest the deb-src entry offers.
  case $package in
    libyaml) dev=libyaml-dev ;;
    yaml-cpp) dev=libyaml-cpp-dev ;;
    howardhinnant-date) dev=libhowardhinnant-date-dev ;;
    antlr4-cpp-runtime) dev=libantlr4-runtime-dev ;;
  esac
  version=$(dpkg-query -W -f='${source:Version}' "$dev" 2>/dev/null || true)
  rm -rf "$package" "$package"-[0-9]* "$package"_*
  echo "deb-sources: apt-get source $package${version:+=$version}"
  if ! apt-get source -qq "$package${version:+=$version}" >/dev/null; then
    # That version is no longer offered (a newer one replaced it): the newest, then.
    if [ -z "$version" ] || ! apt-get source -qq "$package" >/dev/null; then
      echo "deb-sources: apt-get source $package failed; is there a deb-src entry? (scripts/setup.sh wasm adds one)" >&2
      exit 1
    fi
  fi
  tree=$(find . -maxdepth 1 -type d -name "$package-[0-9]*" | head -n 1)
  [ -n "$tree" ] || { echo "deb-sources: $package did not unpack" >&2; exit 1; }
  ln -s "$tree" "$package"
  touch "$package/.pactum-unpacked"
done
