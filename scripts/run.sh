#!/usr/bin/env bash
# Command 1 of README: install what is missing, build, and start I2V Studio (the desktop app when it is
# built and a display is available; otherwise the command line on the built-in demo model).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
if [[ -x build/app/gui/i2v-studio && ( -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" ) ]]; then
  exec build/app/gui/i2v-studio "$@"
fi
echo "run: no display or no GUI build: generating a clip with the command line on the demo model"
mkdir -p out
exec build/app/cli/i2v -v generate --model resources/models/demo --image tests/data/golden/tiny-a.input.png \
  --prompt "A red fox jumping over a frozen river at sunset" --width 96 --height 64 --frames 8 --steps 10 \
  --output out/demo.mp4 --overwrite "$@"
