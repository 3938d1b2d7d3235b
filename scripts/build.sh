#!/usr/bin/env bash
# Configures and builds I2V Studio into ./build (Ninja, Release, ccache when installed).
# Extra arguments go to the CMake configure step (e.g. -DI2V_BUILD_GUI=OFF).
set -euo pipefail
cd "$(dirname "$0")/.."
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/ccache}"
export CCACHE_BASEDIR="$PWD"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release "$@"
cmake --build build -j"$(nproc)"
