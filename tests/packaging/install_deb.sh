#!/usr/bin/env bash
# Install test: installs the .deb into this machine with apt, runs what a user runs first (i2v --version,
# i2v generate on the built-in demo model, the desktop app started offscreen on a picture until its model
# is ready, the SentencePiece module from /usr/lib), purges the package and checks that nothing of it is
# left in /usr. It changes the machine, so it needs root and dpkg, and skips (exit 77) without them or when
# i2v-studio is installed already (someone's real install is never touched). It always purges what it
# installed, also when a step fails.
# Usage: install_deb.sh SOURCE_DIR PACKAGES_DIR VERSION [SENTENCEPIECE_TEST_PROGRAM]
set -euo pipefail
src=$1 packages=$2 version=$3 spm_test=${4:-}
skip() { echo "SKIP: $*"; exit 77; }
[[ $(id -u) -eq 0 ]] || skip "the install test installs into /usr and needs root"
command -v dpkg >/dev/null && command -v apt-get >/dev/null || skip "no dpkg/apt-get: not a Debian system"
shopt -s nullglob
deb_version=${I2V_DEB_VERSION:-$version}  # the app's version + the release that built it, e.g. 0.1.0+deb12
debs=("$packages"/i2v-studio_"$deb_version"_*.deb)
((${#debs[@]} == 1)) || { echo "FAIL: expected one i2v-studio_${deb_version}_*.deb in $packages" >&2; exit 1; }
deb=$(realpath "${debs[0]}")

# Installed in any state (also config files left or half-installed), as dpkg knows it.
pkg_present() {
  local status
  status=$(dpkg-query -W -f='${Status}' i2v-studio 2>/dev/null) || return 1
  [[ -n "$status" && "$status" != *not-installed ]]
}

# One install test at a time on this machine (several build folders may run their suites at once).
exec 9>/tmp/i2v-studio-install-test.lock
flock 9
# The marker says "this test installed it": when CTest's timeout killed an earlier run before its trap could
# purge, that leftover install is the test's own and is purged here instead of blocking every later run.
marker=/var/tmp/i2v-studio-install-test.installed
if pkg_present; then
  [[ -e "$marker" ]] || skip "i2v-studio is already installed on this machine; the test does not replace a real installation"
  echo "purging the package an interrupted earlier run of this test left installed"
  DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq -o DPkg::Lock::Timeout=300 i2v-studio >/dev/null
fi
rm -f "$marker"

tmp=$(mktemp -d)
installed=0
cleanup() {
  local rc=$?
  if ((installed)); then
    DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq -o DPkg::Lock::Timeout=300 i2v-studio >/dev/null 2>&1 ||
      dpkg --purge i2v-studio >/dev/null 2>&1 || true
    pkg_present || rm -f "$marker"
  fi
  rm -rf "$tmp"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

step() { echo "== $*"; }
fail() { echo "FAIL: $*" >&2; exit 1; }

# /usr before; trigger caches that other packages' triggers maintain (icon cache, desktop MIME cache) are
# not this package's files and may appear on a minimal system.
snapshot() { find /usr -xdev 2>/dev/null | grep -v -e '/icon-theme\.cache$' -e '^/usr/share/applications/mimeinfo\.cache$' | LC_ALL=C sort; }
snapshot >"$tmp/usr-before.txt"

step "apt-get install $(basename "$deb")"
installed=1
touch "$marker"
start=$SECONDS
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=300 "$deb" \
  >"$tmp/apt.log" 2>&1 || { cat "$tmp/apt.log"; fail "apt-get install failed"; }
echo "installed in $((SECONDS - start)) s"
[[ "$(dpkg-query -W -f='${Version}' i2v-studio)" == "$deb_version" ]] || fail "installed version is not $deb_version"

step "i2v --version"
out=$(i2v --version)
echo "$out"
[[ "$out" == "i2v $version" ]] || fail "i2v --version says '$out', expected 'i2v $version'"
out=$(QT_QPA_PLATFORM=offscreen i2v-studio --version)
echo "$out"
[[ "$out" == "I2V Studio $version" ]] || fail "i2v-studio --version says '$out'"

step "i2v generate on /usr/share/i2v-studio/models/demo"
start=$SECONDS
i2v generate --model /usr/share/i2v-studio/models/demo --image "$src/tests/data/golden/tiny-a.input.png" \
  --prompt "A red fox jumping over a frozen river" --width 96 --height 64 --frames 8 --steps 4 --seed 7 \
  --output "$tmp/fox.mp4" -q || fail "i2v generate failed"
echo "generated in $((SECONDS - start)) s"
info=$(i2v info --json "$tmp/fox.mp4")
echo "$info"
grep -q '"frames": *8[,}]' <<<"$info" || fail "the video does not have 8 frames"
grep -q "\"app\": *\"I2V Studio $version\"" <<<"$info" || fail "the exported metadata does not name I2V Studio $version"

step "i2v-studio offscreen: start on a picture, load the demo model, quit"
home="$tmp/home"
mkdir -p "$home"
out=$(HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share" XDG_CACHE_HOME="$home/.cache" \
      XDG_RUNTIME_DIR="$tmp" QT_QPA_PLATFORM=offscreen \
      timeout 180 i2v-studio --quit-when-ready "$src/tests/data/golden/tiny-a.input.png") ||
  fail "i2v-studio did not get ready (status $?)"
echo "$out"
[[ "$out" == "ready: model /usr/share/i2v-studio/models/demo" ]] || fail "i2v-studio did not start on the installed demo model"

if [[ -n "$spm_test" && -x "$spm_test" ]]; then
  step "SentencePiece through /usr/lib/i2v-studio/libi2v_sentencepiece.so"
  LD_DEBUG=files I2V_SENTENCEPIECE_BRIDGE=/usr/lib/i2v-studio/libi2v_sentencepiece.so QT_QPA_PLATFORM=offscreen \
    "$spm_test" >"$tmp/spm.log" 2>&1 || { tail -n 30 "$tmp/spm.log"; fail "$(basename "$spm_test") failed on the installed module"; }
  grep -q 'file=/usr/lib/i2v-studio/libi2v_sentencepiece.so .*dynamically loaded' "$tmp/spm.log" ||
    fail "the installed SentencePiece module was not the one loaded"
  echo "installed module loaded and passed $(basename "$spm_test")"
fi

step "apt-get purge i2v-studio"
DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq -o DPkg::Lock::Timeout=300 i2v-studio >"$tmp/apt.log" 2>&1 ||
  { cat "$tmp/apt.log"; fail "apt-get purge failed"; }
installed=0
rm -f "$marker"
! pkg_present || fail "i2v-studio is still installed (or its configuration files)"
snapshot >"$tmp/usr-after.txt"
# New paths in /usr that no installed package owns are what the package left behind (dependencies apt
# pulled in for it are owned by their packages).
leftovers=()
while IFS= read -r path; do
  dpkg-query -S "$path" >/dev/null 2>&1 || leftovers+=("$path")
done < <(LC_ALL=C comm -13 "$tmp/usr-before.txt" "$tmp/usr-after.txt")
((${#leftovers[@]} == 0)) || fail "left behind in /usr: ${leftovers[*]}"
for path in /usr/bin/i2v /usr/bin/i2v-studio /usr/lib/i2v-studio /usr/share/i2v-studio /usr/share/doc/i2v-studio; do
  [[ ! -e "$path" ]] || fail "$path is still there"
done
echo "install test OK: nothing left in /usr"
