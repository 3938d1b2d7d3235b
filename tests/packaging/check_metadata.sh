#!/usr/bin/env bash
# The packaging sources agree with each other and with the validators: desktop entry (desktop-file-validate),
# AppStream metainfo (appstreamcli), manual pages (man --warnings), icon sizes, and one version everywhere:
# project(VERSION) = CHANGELOG.md's newest entry = the metainfo's newest release = the manual pages' header.
# Usage: check_metadata.sh SOURCE_DIR BUILD_DIR VERSION APP_ID
set -euo pipefail
src=$1 build=$2 version=$3 id=$4
linux="$src/packaging/linux"
fail=0
problem() { echo "FAIL: $*" >&2; fail=1; }
need() { command -v "$1" >/dev/null || { echo "FAIL: $1 is missing: run scripts/install-deps.sh" >&2; exit 1; }; }
need desktop-file-validate
need appstreamcli
need man

echo "== desktop-file-validate $id.desktop"
out=$(desktop-file-validate "$linux/$id.desktop" 2>&1) || problem "desktop-file-validate: $out"
[[ -z "$out" ]] || problem "desktop-file-validate reports: $out"
grep -q '^Exec=i2v-studio %[fFuU]$' "$linux/$id.desktop" || problem "Exec must pass the opened file (%f) to i2v-studio"
grep -q '^MimeType=.*image/png;' "$linux/$id.desktop" || problem "MimeType must list the images the app opens"
grep -q "^Icon=$id\$" "$linux/$id.desktop" || problem "Icon must be the app id $id"

echo "== appstreamcli validate $id.metainfo.xml"
appstreamcli validate --no-net --pedantic "$linux/$id.metainfo.xml" || problem "appstreamcli validate failed"
grep -q "<id>$id</id>" "$linux/$id.metainfo.xml" || problem "metainfo <id> is not $id"
grep -q "<launchable type=\"desktop-id\">$id.desktop</launchable>" "$linux/$id.metainfo.xml" ||
  problem "metainfo <launchable> does not name $id.desktop"
grep -q '<screenshot type="default">' "$linux/$id.metainfo.xml" || problem "metainfo has no default screenshot"

echo "== one version: $version"
newest_release=$(grep -o '<release version="[^"]*"' "$linux/$id.metainfo.xml" | head -n1 | cut -d'"' -f2)
[[ "$newest_release" == "$version" ]] || problem "metainfo's newest <release> is '$newest_release', project(VERSION) is $version"
newest_change=$(grep -m1 -o '^## \[[^]]*\]' "$src/CHANGELOG.md" | tr -d '#[] ')
[[ "$newest_change" == "$version" ]] || problem "CHANGELOG.md's newest entry is '$newest_change', project(VERSION) is $version"
for page in i2v.1 i2v-studio.1; do
  grep -q "^\.TH .*\"I2V Studio $version\"" "$build/packaging/$page" || problem "$page does not carry version $version"
done

echo "== manual pages"
for page in i2v.1 i2v-studio.1; do
  warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z "$build/packaging/$page" 2>&1 >/dev/null)
  [[ -z "$warnings" ]] || problem "man --warnings $page: $warnings"
done

echo "== icons"
[[ -f "$linux/icons/$id.svg" ]] || problem "no scalable icon $id.svg"
for size in 16 22 24 32 48 64 128 256 512; do
  png="$linux/icons/${size}x${size}/$id.png"
  if [[ ! -f "$png" ]]; then problem "no ${size}x${size} icon"; continue; fi
  # PNG: 8-byte signature, IHDR length and type, then width and height as 32-bit big-endian numbers.
  read -r w h < <(od -An -tu1 -j16 -N8 "$png" | awk '{print $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8}')
  [[ "$w" == "$size" && "$h" == "$size" ]] || problem "${size}x${size}/$id.png is ${w}x${h}"
done

((fail == 0)) && echo "metadata OK"
exit $fail
