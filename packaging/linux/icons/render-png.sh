#!/usr/bin/env bash
# Renders the hicolor PNG sizes of the app icon from the SVG (needs rsvg-convert: apt-get install librsvg2-bin).
# The PNGs are committed, so building and packaging never need librsvg; run this after editing the SVG.
set -euo pipefail
cd "$(dirname "$0")"
id=io.github.i2vstudio.I2VStudio
for size in 16 22 24 32 48 64 128 256 512; do
  mkdir -p "${size}x${size}"
  rsvg-convert --width "$size" --height "$size" --keep-aspect-ratio "$id.svg" --output "${size}x${size}/$id.png"
done
