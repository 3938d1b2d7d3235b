#!/usr/bin/env bash
# Installs, with apt, every package that building, running and testing I2V Studio needs and that is not
# installed yet, on Debian 12 (bookworm) and Debian 13 (trixie; Qt 6.8, libtorch 2.6, FFmpeg 7.1). Safe to
# run again: it only installs what is missing. An entry "a|b" takes the first name the release has (for
# renames such as Debian 13's t64 library packages); today every name below exists in both releases.
set -euo pipefail

release="unknown release"
if [[ -r /etc/os-release ]]; then
  # shellcheck disable=SC1091
  release=$(. /etc/os-release && echo "${PRETTY_NAME:-$ID $VERSION_ID}")
fi

PACKAGES=(
  build-essential cmake ninja-build ccache pkg-config python3   # python3: the tests' stand-in model hub
  libtorch-dev libopenblas0-pthread            # libtorch + a fast BLAS (reference BLAS is 30x slower)
  nlohmann-json3-dev libcli11-dev
  libcurl4-openssl-dev libssl-dev             # the model hub client (HTTPS, SHA-256)
  libsentencepiece-dev
  libavcodec-dev libavformat-dev libavutil-dev libswscale-dev libavfilter-dev ffmpeg
  libpng-dev libjpeg-dev libwebp-dev libtiff-dev
  qt6-base-dev qt6-multimedia-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libgl-dev libqt6sql6-sqlite
  qt6-translations-l10n                       # Qt's own dialogs and buttons in the UI's language
  xvfb xauth dbus-daemon                     # dbus-daemon: tst_job_attention's private session bus
  dpkg-dev lintian desktop-file-utils appstream man-db   # packages (cpack + dpkg-shlibdeps) and their checks
)

SUDO=""
[[ $(id -u) -eq 0 ]] || SUDO="sudo"
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
known() { [[ -n $(apt-cache policy "$1" 2>/dev/null | awk '/Candidate:/ && $2 != "(none)" {print $2}') ]]; }

missing=() updated=0
for entry in "${PACKAGES[@]}"; do
  IFS='|' read -ra names <<<"$entry"
  found=0
  for n in "${names[@]}"; do installed "$n" && found=1 && break; done
  ((found)) && continue
  if ((${#names[@]} > 1)); then  # pick the name this release has
    ((updated)) || { $SUDO apt-get update -qq; updated=1; }
    pick=""
    for n in "${names[@]}"; do known "$n" && pick=$n && break; done
    [[ -n $pick ]] || { echo "install-deps: $release has none of ${names[*]}" >&2; exit 1; }
    missing+=("$pick")
  else
    missing+=("$entry")
  fi
done
if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#PACKAGES[@]} packages present ($release)"
  exit 0
fi
echo "install-deps: installing on $release: ${missing[*]}"
((updated)) || $SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
