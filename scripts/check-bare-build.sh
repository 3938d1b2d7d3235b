#!/usr/bin/env bash
# Manual check that core/, the `i2v` command line and `i2v-bench` build and run on a machine that has only a
# compiler, CMake and libtorch (what a GPU box with a PyTorch wheel offers): a minimal Debian 12 root
# (debootstrap) gets g++, cmake, ninja and libtorch-dev and nothing else of ours (no Qt, FFmpeg, sentencepiece,
# image codecs, nlohmann-json, CLI11, ICU headers). The header-only deps come from scripts/vendor-header-deps.sh.
# Then: configure with -DI2V_BUILD_GUI=OFF -DI2V_BUILD_TESTS=OFF, build, tokenize a prompt on the demo model and
# run the benchmark's whole pipeline on it. Needs root and apt access; downloads about 600 MB.
# Usage: scripts/check-bare-build.sh [ROOT_DIR]   (an existing ROOT_DIR from an earlier run is reused)
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
root=${1:-$(mktemp -d /tmp/i2v-bare.XXXXXX)}
[[ $(id -u) -eq 0 ]] || { echo "run as root (debootstrap, chroot)" >&2; exit 1; }
command -v debootstrap >/dev/null || { echo "apt-get install debootstrap" >&2; exit 1; }

"$src/scripts/vendor-header-deps.sh"
[[ -x "$root/usr/bin/apt-get" ]] || debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian
cp /etc/resolv.conf "$root/etc/resolv.conf"
mountpoint -q "$root/proc" || mount -t proc proc "$root/proc"
trap 'umount "$root/proc" 2>/dev/null || true' EXIT
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root DEBIAN_FRONTEND=noninteractive "$@"; }

in_root apt-get update -qq
in_root apt-get install -y -qq --no-install-recommends g++ cmake ninja-build libtorch-dev libopenblas0-pthread
for pkg in qt6-base-dev libavcodec-dev libsentencepiece-dev libpng-dev nlohmann-json3-dev libcli11-dev libicu-dev; do
  if in_root dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    echo "check-bare-build: $pkg is installed in the root, so the check proves nothing" >&2
    exit 1
  fi
done

# The tree as a clean clone has it (timestamps kept, so a second run only rebuilds what changed), plus the
# vendored headers (git-ignored). The build folder lives outside the tree.
rm -rf "$root/src"
mkdir -p "$root/src"
git -C "$src" ls-files -z | (cd "$src" && xargs -0 cp -P --preserve=timestamps --parents -t "$root/src")
cp -r "$src/third_party" "$root/src/"

in_root cmake -S /src -B /bare-build -G Ninja -DI2V_BUILD_GUI=OFF -DI2V_BUILD_TESTS=OFF
in_root cmake --build /bare-build -j"$(nproc)"
demo=/src/resources/models/demo
in_root /bare-build/app/cli/i2v --version
in_root /bare-build/app/cli/i2v tokenize --model "$demo" --json "A red fox jumping over a frozen river"
# No image codec library: PNG is refused with a message naming what this build reads; BMP is built in.
if message=$(in_root /bare-build/app/cli/i2v generate --model "$demo" --image /src/tests/data/golden/tiny-a.input.png --prompt fox \
               --output /tmp/x.mp4 2>&1); then
  echo "check-bare-build: a PNG input was accepted by a build without libpng" >&2; exit 1
fi
echo "$message"
grep -q "formats it reads: BMP, GIF" <<<"$message"
in_root /bare-build/bench/i2v-bench pipeline --model "$demo" --image /src/tests/data/images/bmp_rgb24.bmp \
  --steps 2 --frames 4 --width 64 --height 64 --warmup 0 --repeat 1 --no-export
echo "check-bare-build: core, i2v and i2v-bench built and ran in $root with only g++, CMake and libtorch"
