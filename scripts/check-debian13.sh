#!/usr/bin/env bash
# The whole project on Debian 13 (trixie: Qt 6.8, libtorch 2.6, FFmpeg 7.1, curl 8), from this tree, in a
# debootstrap root: scripts/install-deps.sh and scripts/test.sh there (build + the whole CTest suite, whose
# packaging tests make the .deb, run lintian and install, run and purge it in that root), then the .deb's
# name and dependencies are shown. Slow (a full build on this machine's cores, about 1.5 GB of packages the
# first time), so not part of .ci/run; README says when to run it and the last result.
#
# Usage (root): scripts/check-debian13.sh [ROOT_DIR]   (default build-debian13/root in this tree, ignored by git;
#               an existing root is reused, and its build folder too, so a second run only rebuilds what changed)
# The log is ROOT_DIR/check-debian13.log; the .deb is copied to build-debian13/packages/ in this tree.
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
. "$src/scripts/root-tree.sh"
root=${1:-$src/build-debian13/root}
[[ $(id -u) -eq 0 ]] || { echo "check-debian13: run as root (debootstrap, chroot, mounts)" >&2; exit 1; }
command -v debootstrap >/dev/null || { echo "check-debian13: apt-get install debootstrap" >&2; exit 1; }

[[ -x "$root/usr/bin/apt-get" ]] || debootstrap --variant=minbase trixie "$root" http://deb.debian.org/debian
grep -q 'VERSION_CODENAME=trixie' "$root/etc/os-release" || { echo "check-debian13: $root is not a trixie root" >&2; exit 1; }
cp /etc/resolv.conf "$root/etc/resolv.conf"

# What the suite needs of a system: /proc, /dev (ptys, shm for Qt), /sys, a /tmp of its own.
mounts=(proc dev dev/pts dev/shm sys tmp)
cleanup() {
  for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do umount -l "$root/${mounts[i]}" 2>/dev/null || true; done
}
trap cleanup EXIT
mountpoint -q "$root/proc" || mount -t proc proc "$root/proc"
mountpoint -q "$root/dev" || mount --bind /dev "$root/dev"
mountpoint -q "$root/dev/pts" || mount -t devpts devpts "$root/dev/pts"
mountpoint -q "$root/dev/shm" || mount -t tmpfs shm "$root/dev/shm"
mountpoint -q "$root/sys" || mount -t sysfs sys "$root/sys"
mountpoint -q "$root/tmp" || mount -t tmpfs -o size=8g tmp "$root/tmp"
in_root() {
  chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive \
    CI="${CI:-}" "$@"
}

# The tree as a clean clone has it (timestamps kept, so a second run only rebuilds what changed).
copy_tree_into_root "$src" "$root" build

log=$root/check-debian13.log
start=$SECONDS
set +e
in_root bash -c 'cd /src && scripts/test.sh' 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
set -e
mkdir -p "$src/build-debian13/packages"
cp "$root"/src/build/packages/*.deb "$src/build-debian13/packages/" 2>/dev/null || true
echo "== Debian 13 result: exit $rc after $((SECONDS - start)) s (log: $log)"
grep -E "tests passed|tests failed|The following tests FAILED" -A20 "$log" | head -30 || true
for deb in "$src"/build-debian13/packages/*.deb; do
  [[ -f $deb ]] && echo "== $(basename "$deb"): $(dpkg-deb -f "$deb" Depends | tr ',' '\n' | grep -Eo 'libtorch[^ ]*|libavcodec[^ ]*|libqt6core[^ ]*' | tr '\n' ' ')"
done
exit "$rc"
