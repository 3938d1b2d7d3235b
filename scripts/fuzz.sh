#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz with clang into ./build-fuzz and runs each for a while.
#   scripts/fuzz.sh [SECONDS_PER_TARGET=60] [TARGET...]     (targets: fuzz_safetensors fuzz_json_config
#                                                            fuzz_tokenizer fuzz_image_loader; default all)
# The seed corpus in tests/fuzz/corpus/<name> is copied to build-fuzz/corpus/<name>, which grows across
# runs; crashes land in build-fuzz/artifacts/<target>/. Minimise one with
#   build-fuzz/tests/fuzz/<target> -minimize_crash=1 -runs=10000 <crash-file>
# and turn it into a regression test. Exit status: 0 when no target found anything.
# Set I2V_BUILD_LOCK=/path to serialise builds and runs with other jobs on a shared machine (flock).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_safetensors fuzz_json_config fuzz_tokenizer fuzz_image_loader)

locked() {
    if [ -n "${I2V_BUILD_LOCK:-}" ]; then flock "$I2V_BUILD_LOCK" "$@"; else "$@"; fi
}

cmake --preset fuzz >/dev/null
locked cmake --build build-fuzz --target "${targets[@]}"

# UBSan findings abort (no recover); LeakSanitizer stays on.
export ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
status=0
for t in "${targets[@]}"; do
    seeds="tests/fuzz/corpus/${t#fuzz_}"
    corpus="build-fuzz/corpus/${t#fuzz_}"
    artifacts="build-fuzz/artifacts/$t"
    mkdir -p "$corpus" "$artifacts"
    cp -n "$seeds"/* "$corpus"/ 2>/dev/null || true
    log="build-fuzz/$t.log"
    echo "== $t for ${seconds}s (log: $log)"
    if locked "build-fuzz/tests/fuzz/$t" -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=4096 \
           -timeout=20 -print_final_stats=1 -artifact_prefix="$artifacts/" "$corpus" >"$log" 2>&1; then
        grep -E "^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::peak_rss_mb)" "$log" || true
        echo "   corpus: $(ls "$corpus" | wc -l) inputs; no findings"
    else
        status=1
        echo "   FINDING (see $log and $artifacts):"
        grep -E "ERROR|runtime error|SUMMARY|deadly|Test unit written" "$log" | head -5 || true
    fi
done
exit $status
