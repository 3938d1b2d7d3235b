#!/usr/bin/env bash
# Takes the README's screenshots of I2V Studio on the demo model under a virtual X server, at 1280x720 and
# 1920x1080: docs/screenshots/{main-idle,main-generating,main-result,gallery,models}-WxH.png.
# Usage: scripts/take-screenshots.sh [build-dir]   (default: build; needs xvfb-run)
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
OUT=docs/screenshots
command -v xvfb-run >/dev/null || { echo "take-screenshots: xvfb-run is missing (apt install xvfb xauth)" >&2; exit 1; }
[[ -f "$BUILD/build.ninja" || -f "$BUILD/Makefile" ]] || cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=Release
cmake --build "$BUILD" --target i2v-studio-screenshots
mkdir -p "$OUT"
# xcb, so the window is grabbed from the screen with the Qt Multimedia video surface in it; a fixed
# style and English strings, so the pictures do not depend on the desktop the script runs on.
# The window fills a screen of each size, as on a laptop (1280x720) and a desktop monitor (1920x1080).
for size in 1280x720 1920x1080; do
  env -u WAYLAND_DISPLAY QT_QPA_PLATFORM=xcb QT_STYLE_OVERRIDE=Fusion LANG=C.UTF-8 LC_ALL=C.UTF-8 \
    xvfb-run -a -s "-screen 0 ${size}x24" \
    "$BUILD/app/gui/i2v-studio-screenshots" "$OUT" tests/data/golden/tiny-a.input.png "$size"
done
ls -l "$OUT"/*.png
