#!/usr/bin/env bash
# The .deb as a distribution sees it: lintian (no errors; each warning must be listed, with its reason, in
# packaging/README.md between the lintian-warnings markers), the control fields (version, Depends that pull
# libtorch, Qt 6, FFmpeg and OpenBLAS), the file list, and appstreamcli validate-tree plus
# desktop-file-validate on the installed tree.
# Usage: check_deb.sh SOURCE_DIR PACKAGES_DIR VERSION APP_ID
set -euo pipefail
src=$1 packages=$2 version=$3 id=$4
fail=0
problem() { echo "FAIL: $*" >&2; fail=1; }
for tool in dpkg-deb lintian appstreamcli desktop-file-validate; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool is missing: run scripts/install-deps.sh" >&2; exit 1; }
done
shopt -s nullglob
deb_version=${I2V_DEB_VERSION:-$version}  # the app's version + the release that built it, e.g. 0.1.0+deb12
debs=("$packages"/i2v-studio_"$deb_version"_*.deb)
((${#debs[@]} == 1)) || { echo "FAIL: expected one i2v-studio_${deb_version}_*.deb in $packages, found ${#debs[@]}" >&2; exit 1; }
deb=${debs[0]}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "== control of $(basename "$deb")"
dpkg-deb -f "$deb" Package Version Architecture Depends Installed-Size
[[ "$(dpkg-deb -f "$deb" Version)" == "$deb_version" ]] || problem "package version is not $deb_version"
depends=$(dpkg-deb -f "$deb" Depends)
for lib in 'libtorch[0-9.]*' 'libqt6widgets6' 'libqt6multimedia6' 'libavcodec[0-9]*' 'libavformat[0-9]*' \
           'libopenblas0-pthread' 'libqt6sql6-sqlite' 'libsentencepiece[0-9]*'; do
  grep -Eq "(^|, |\| )$lib( |,|$)" <<<"$depends" || problem "Depends lacks $lib"
done

echo "== files"
dpkg-deb -x "$deb" "$tmp/unpacked"
for f in usr/bin/i2v usr/bin/i2v-studio usr/lib/i2v-studio/libi2v_sentencepiece.so \
         usr/share/i2v-studio/models/demo/model_index.json usr/share/i2v-studio/models/demo/unet/config.json \
         "usr/share/applications/$id.desktop" "usr/share/metainfo/$id.metainfo.xml" \
         "usr/share/icons/hicolor/scalable/apps/$id.svg" "usr/share/icons/hicolor/48x48/apps/$id.png" \
         "usr/share/icons/hicolor/512x512/apps/$id.png" \
         usr/share/man/man1/i2v.1.gz usr/share/man/man1/i2v-studio.1.gz \
         usr/share/doc/i2v-studio/copyright usr/share/doc/i2v-studio/changelog.gz; do
  [[ -e "$tmp/unpacked/$f" ]] || problem "the package lacks /$f"
done
# core/text/SentencePieceModel.cpp looks for the module in <exe dir>/../lib/i2v-studio.
[[ -e "$tmp/unpacked/usr/bin/../lib/i2v-studio/libi2v_sentencepiece.so" ]] || problem "module not at <bin>/../lib/i2v-studio"
outside=$(dpkg-deb -c "$deb" | awk '{print $6}' | grep -v '^\./usr/' | grep -v '^\./$' || true)
[[ -z "$outside" ]] || problem "files outside /usr: $outside"

echo "== desktop-file-validate and appstreamcli validate-tree on the installed tree"
desktop-file-validate "$tmp/unpacked/usr/share/applications/$id.desktop" || problem "desktop-file-validate"
appstreamcli validate-tree --no-net "$tmp/unpacked" || problem "appstreamcli validate-tree"

echo "== lintian"
# lintian's exit status also counts errors; the listing decides: no E:, and every W: justified in the README.
lintian --tag-display-limit 0 --display-level ">=warning" "$deb" >"$tmp/lintian.txt" 2>&1 || true
cat "$tmp/lintian.txt"
if grep -q '^E: ' "$tmp/lintian.txt"; then problem "lintian reports errors"; fi
justified=$(sed -n '/<!-- lintian-warnings -->/,/<!-- \/lintian-warnings -->/p' "$src/packaging/README.md" |
            grep -o '^| `[a-z0-9.+-]*`' | tr -d '|` ' || true)
for tag in $(grep '^W: ' "$tmp/lintian.txt" | awk '{print $3}' | sort -u); do
  grep -qx "$tag" <<<"$justified" || problem "lintian warning $tag is not justified in packaging/README.md"
done
grep -q '^[EW]: ' "$tmp/lintian.txt" || echo "lintian: no errors, no warnings"

((fail == 0)) && echo "deb OK"
exit $fail
