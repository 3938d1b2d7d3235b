#!/usr/bin/env bash
# Installs, with apt, every Debian 12 package that building, running and testing I2V Studio needs and
# that is not installed yet. Safe to run again: it only installs what is missing.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build ccache pkg-config python3   # python3: the tests' stand-in model hub
  libtorch-dev libopenblas0-pthread            # libtorch + a fast BLAS (reference BLAS is 30x slower)
  nlohmann-json3-dev libcli11-dev
  libcurl4-openssl-dev libssl-dev             # the model hub client (HTTPS, SHA-256)
  libsentencepiece-dev
  libavcodec-dev libavformat-dev libavutil-dev libswscale-dev libavfilter-dev ffmpeg
  libpng-dev libjpeg-dev libwebp-dev libtiff-dev
  qt6-base-dev qt6-multimedia-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libgl-dev libqt6sql6-sqlite
  xvfb xauth
  dpkg-dev lintian desktop-file-utils appstream man-db   # packages (cpack + dpkg-shlibdeps) and their checks
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
  exit 0
fi
echo "install-deps: installing ${missing[*]}"
SUDO=""
[[ $(id -u) -eq 0 ]] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
