#!/usr/bin/env bash
# Packaging fixture: makes the .deb and the .tar.gz from an already built build folder with CPack, so that
# the other packaging tests check what `cpack` makes from this very build.
# Usage: make_packages.sh BUILD_DIR
set -euo pipefail
build=$1
rm -rf "$build/packages"
cpack --config "$build/CPackConfig.cmake" -G "DEB;TGZ" -B "$build/packages"
rm -rf "$build/packages/_CPack_Packages"
ls -l "$build/packages"
