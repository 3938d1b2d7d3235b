#!/usr/bin/env bash
# Command 2 of README: install what is missing, build, and run the whole CTest suite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
ctest --test-dir build --output-on-failure -j"$(nproc)"
