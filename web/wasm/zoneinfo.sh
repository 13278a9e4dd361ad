#!/bin/sh
# The time zones the WebAssembly module embeds at /usr/share/zoneinfo: Debian's tzdata, exactly the
# names date/tz (USE_OS_TZDB) lists natively, symbolic links (Europe/Belfast, US/Eastern, UTC...)
# as copies of their targets. Left out: what date/tz skips anyway (right/, posix*, the .tab
# tables, tzdata.zi, leap-seconds.list) and `localtime`, which is the build machine's own zone.
#
#   web/wasm/zoneinfo.sh OUT
set -eu
out=${1:?usage: zoneinfo.sh OUT}
rm -rf "$out"
mkdir -p "$out"
cd /usr/share/zoneinfo
tar -chf - --exclude=./right --exclude='./posix*' --exclude=./localtime --exclude='*.tab' \
    --exclude=./tzdata.zi --exclude=./leap-seconds.list . | tar -xf - -C "$out"
