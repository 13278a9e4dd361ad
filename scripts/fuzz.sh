#!/usr/bin/env bash
# Runs pactum's libFuzzer targets (fuzz/) one after the other, each for a bounded time.
#
#   scripts/fuzz.sh [--smoke] [--seconds N] [TARGET ...]
#
#   --smoke       20 seconds per target (FUZZ_SECONDS overrides), for CI
#   --seconds N   N seconds per target (default: FUZZ_SECONDS, else 600)
#   TARGET        fuzz_terms, fuzz_log, fuzz_check, fuzz_lsp (default: all four)
#
# Environment: FUZZ_BUILD (default build-fuzz), JOBS (build parallelism, default 2),
# FUZZ_SECONDS. Installs clang and libclang-rt-14-dev through scripts/setup.sh when missing.
#
# Before fuzzing, every saved crash in fuzz/regressions/TARGET/ is replayed (a fixed bug must
# stay fixed). The working corpus grows in $FUZZ_BUILD/corpus/TARGET (not committed), seeded
# from fuzz/corpus/TARGET (small, committed), rules/, examples/, tests/conformance and
# tests/bad-input. New crashes land in $FUZZ_BUILD/artifacts/TARGET/; the script then exits 1.
# Each run appends "date target seconds status" to $FUZZ_BUILD/fuzz-time.log, so the total time
# each target has been fuzzed can be added up (scripts/fuzz.sh --total).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BUILD=${FUZZ_BUILD:-build-fuzz}
case "$BUILD" in /*) ;; *) BUILD=$ROOT/$BUILD ;; esac
JOBS=${JOBS:-2}
SECONDS_EACH=${FUZZ_SECONDS:-600}
TARGETS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --smoke) SECONDS_EACH=${FUZZ_SECONDS:-20} ;;
    --seconds) SECONDS_EACH=$2; shift ;;
    --total)
      [ -f "$BUILD/fuzz-time.log" ] || { echo "no fuzz runs recorded in $BUILD/fuzz-time.log"; exit 0; }
      awk '{ s[$2] += $3 } END { for (t in s) printf "%s %d s (%.1f min)\n", t, s[t], s[t] / 60 }' "$BUILD/fuzz-time.log"
      exit 0 ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    fuzz_*) TARGETS+=("$1") ;;
    *) echo "fuzz.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
  shift
done
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(fuzz_terms fuzz_log fuzz_check fuzz_lsp)

./scripts/setup.sh fuzz

if [ ! -f "$BUILD/CMakeCache.txt" ]; then
  CC=clang CXX=clang++ cmake -S . -B "$BUILD" -DPACTUM_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build "$BUILD" -j"$JOBS" --target "${TARGETS[@]}" >/dev/null

# Seeds: agreements for fuzz_terms; logs for the log targets, whose first byte picks the YAML
# backend (bit 0: yaml-cpp), so each log is seeded once per backend; for fuzz_lsp the golden
# transcripts' requests, framed (byte 0: 255, whole messages), by tests/lsp/run_transcripts.py.
seed() {
  local target=$1 dir=$BUILD/seeds/$1 f n=0
  rm -rf "$dir"; mkdir -p "$dir"
  if [ "$target" = fuzz_lsp ]; then
    python3 tests/lsp/run_transcripts.py --seeds "$dir" "$ROOT" >/dev/null
  elif [ "$target" = fuzz_terms ]; then
    for f in rules/*.terms examples/*.terms tests/conformance/cases/*/agreement.terms \
             tests/bad-input/cases/*/agreement.terms tests/bad-input/shared/*.terms; do
      [ -f "$f" ] && [ "$(stat -c %s "$f")" -le 65536 ] && cp "$f" "$dir/$((n++)).terms"
    done
  else
    for f in examples/*.yaml tests/conformance/cases/*/log.yaml tests/bad-input/cases/*/*.yaml \
             tests/bad-input/shared/*.yaml; do
      [ -f "$f" ] && [ "$(stat -c %s "$f")" -le 262144 ] || continue
      { printf '\000'; cat "$f"; } > "$dir/$n.a"
      { printf '\001'; cat "$f"; } > "$dir/$n.b"
      n=$((n + 1))
    done
  fi
  echo "$dir"
}

status=0
passed=0
failed=0
for target in "${TARGETS[@]}"; do
  bin=$BUILD/fuzz/$target
  dict=$ROOT/fuzz/yaml.dict; [ "$target" = fuzz_terms ] && dict=$ROOT/fuzz/terms.dict
  [ "$target" = fuzz_lsp ] && dict=$ROOT/fuzz/lsp.dict
  corpus=$BUILD/corpus/$target
  artifacts=$BUILD/artifacts/$target/
  mkdir -p "$corpus" "$artifacts"

  saved=()
  for f in "$ROOT/fuzz/regressions/$target"/*; do [ -f "$f" ] && saved+=("$f"); done
  if [ ${#saved[@]} -gt 0 ]; then
    echo "fuzz.sh: $target: replaying ${#saved[@]} saved inputs from fuzz/regressions/$target"
    "$bin" -runs=1 "${saved[@]}" >/dev/null 2>"$BUILD/$target.regressions.log" || {
      echo "fuzz.sh: $target: a saved crash input fails again; see $BUILD/$target.regressions.log" >&2
      status=1; failed=$((failed + 1)); continue; }
  fi

  seeds=$(seed "$target")
  committed=$ROOT/fuzz/corpus/$target; mkdir -p "$committed"
  echo "fuzz.sh: $target for ${SECONDS_EACH}s (corpus $BUILD/corpus/$target)"
  start=$(date +%s)
  set +e
  # One process (-jobs/-workers unset): other engineers share the machine. rss and per-input
  # time limits turn a blow-up into a finding rather than a stuck run. 30 s per input: the
  # largest seeds (the bad-input corpus's 64-256 KB files) take 2-6 s under ASan+UBSan and
  # coverage on an idle core (0.2-0.4 s in a release build) and passed 10 s on a busy machine,
  # which stopped three 30-minute runs with "timeouts" that were no hang.
  ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$bin" -max_total_time="$SECONDS_EACH" -timeout=30 -rss_limit_mb=4096 -malloc_limit_mb=2048 -print_final_stats=1 \
    -dict="$dict" -artifact_prefix="$artifacts" "$corpus" "$committed" "$seeds" \
    >"$BUILD/$target.log" 2>&1
  rc=$?
  set -e
  elapsed=$(( $(date +%s) - start ))
  echo "$(date -u +%FT%TZ) $target $elapsed rc=$rc" >> "$BUILD/fuzz-time.log"
  grep -E '^(stat::number_of_executed_units|stat::new_units_added|stat::peak_rss_mb)' "$BUILD/$target.log" \
    | sed "s/^/fuzz.sh: $target: /" || true
  if [ $rc -ne 0 ]; then
    echo "fuzz.sh: $target FOUND A PROBLEM (exit $rc): see $BUILD/$target.log and $artifacts" >&2
    grep -E 'ERROR|SUMMARY|invariant|runtime error' "$BUILD/$target.log" | head -5 >&2 || true
    status=1
    failed=$((failed + 1))
  else
    passed=$((passed + 1))
  fi
done
echo "fuzz: $passed passed, $failed failed"
exit $status
