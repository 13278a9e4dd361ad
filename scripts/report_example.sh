#!/usr/bin/env bash
# Regenerates docs/report-example.html, the html report of the contact-center example
# (examples/contact-center: version 2 service levels and credits), and docs/report-example.png,
# a screenshot of its first screens in headless Chromium, which README shows.
#   scripts/report_example.sh [PACTUM]      (default: build/pactum; PACTUM_CHROMIUM: the browser)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
pactum="$(realpath "${1:-$root/build/pactum}")"
browser="${PACTUM_CHROMIUM:-chromium}"
command -v "$browser" >/dev/null || { echo "report_example: no $browser (scripts/setup.sh installs Debian's chromium)" >&2; exit 2; }

# Exit status 1 means "findings were reported", which is what the example is for.
(cd "$root/examples/contact-center" &&
   "$pactum" check contact-center.terms contact-center-2026.yaml --format html -o "$root/docs/report-example.html") ||
  [ $? -eq 1 ]

profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
# Headless as any user (root in CI: --no-sandbox), without /dev/shm, in a throwaway profile.
"$browser" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run --hide-scrollbars \
  --user-data-dir="$profile" --force-device-scale-factor=1 --window-size=1200,1900 \
  --screenshot="$root/docs/report-example.png" "file://$root/docs/report-example.html" 2>/dev/null
echo "wrote docs/report-example.html and docs/report-example.png"
