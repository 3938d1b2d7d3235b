#!/usr/bin/env bash
# Builds engine, CLI and tests with AddressSanitizer + UndefinedBehaviorSanitizer (CMake preset `asan`,
# gcc, ./build-asan) and runs the `unit`, `parity` and `e2e` labels; any sanitizer report fails its test.
#   scripts/sanitize.sh [extra ctest arguments, e.g. -R tst_pipeline]
# libtorch, FFmpeg, Qt and the codecs are system libraries and not instrumented: ASan still checks every
# access our code makes, UBSan only our code. No suppressions are used.
# Set I2V_BUILD_LOCK=/path to serialise the build and the run with other jobs on a shared machine (flock).
set -euo pipefail
cd "$(dirname "$0")/.."

locked() {
    if [ -n "${I2V_BUILD_LOCK:-}" ]; then flock "$I2V_BUILD_LOCK" "$@"; else "$@"; fi
}

cmake --preset asan >/dev/null
locked cmake --build build-asan

# abort_on_error: a report ends the test with a failure; detect_leaks: LeakSanitizer at exit;
# allocator_may_return_null: an impossible allocation fails as glibc's does (the engine turns that into its "out of
# memory" error, which tests check) instead of ending the process.
export ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1:strict_string_checks=1:check_initialization_order=1:allocator_may_return_null=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
locked ctest --test-dir build-asan -L 'unit|parity|e2e' --output-on-failure --timeout 3000 "$@"
