#!/usr/bin/env bash
# Manual check that the .deb installs on a fresh Debian 12 with nothing but apt: debootstrap makes a minimal
# root, `apt-get install ./i2v-studio_*.deb` inside it must pull every dependency (libtorch, Qt 6, FFmpeg,
# OpenBLAS, ...), and the installed programs must run there: i2v --version, i2v generate on the demo model,
# i2v-studio offscreen until its demo model is ready. Needs root and access to deb.debian.org; downloads
# about 1 GB, which is why CI runs tests/packaging/install_deb.sh on its own machine instead.
# Usage: packaging/test-fresh-debian.sh build/packages/i2v-studio_<version>_amd64.deb [ROOT_DIR]
#        (an existing ROOT_DIR made by an earlier run is reused; delete it afterwards)
set -euo pipefail
deb=$(realpath "$1")
root=${2:-$(mktemp -d /tmp/i2v-fresh-debian.XXXXXX)}
src=$(cd "$(dirname "$0")/.." && pwd)
[[ $(id -u) -eq 0 ]] || { echo "run as root (debootstrap, chroot)" >&2; exit 1; }
command -v debootstrap >/dev/null || { echo "apt-get install debootstrap" >&2; exit 1; }

[[ -x "$root/usr/bin/apt-get" ]] || debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian
cp /etc/resolv.conf "$root/etc/resolv.conf"
mountpoint -q "$root/proc" || mount -t proc proc "$root/proc"
trap 'umount "$root/proc" 2>/dev/null || true' EXIT
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root DEBIAN_FRONTEND=noninteractive "$@"; }

cp "$deb" "$src/tests/data/golden/tiny-a.input.png" "$root/tmp/"
in_root apt-get update -qq
in_root apt-get install -y -qq --no-install-recommends "/tmp/$(basename "$deb")"
in_root dpkg-query -W -f='${Package} ${Version}: ${Depends}\n' i2v-studio
in_root i2v --version
in_root i2v -v generate --model /usr/share/i2v-studio/models/demo --image /tmp/tiny-a.input.png \
  --prompt "A red fox jumping over a frozen river" --width 96 --height 64 --frames 8 --steps 4 --seed 7 \
  --output /tmp/fox.mp4 --overwrite -q
in_root i2v info /tmp/fox.mp4
mkdir -p "$root/tmp/home"
in_root env HOME=/tmp/home QT_QPA_PLATFORM=offscreen i2v-studio --quit-when-ready /tmp/tiny-a.input.png
in_root apt-get purge -y -qq i2v-studio
echo "fresh Debian 12 ($root): installed, ran and purged"
