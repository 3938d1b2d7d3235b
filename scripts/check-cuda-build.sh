#!/usr/bin/env bash
# The engine built against a CUDA libtorch, and run on a machine without a GPU: Debian 13's libtorch-cuda-dev
# (torch 2.6, CUDA 12.4, contrib) and nvcc in a debootstrap root, then scripts/gpu-smoke.sh there — its own build
# step (core, `i2v`, `i2v-bench` against the system libtorch, as on a GPU box without apt) and every check with
# --device cpu — plus what a CUDA build must do without a GPU: `--device auto` runs on the CPU, `--device cuda`
# is refused with the reason, `i2v -v` names it, and `i2v-bench` has its CUDA peak-memory code compiled in.
# No GPU is needed, so every session can run it; the CUDA kernels themselves run only where a GPU is lent.
#
# cuDNN: Debian ships only an installer (nvidia-cudnn) that downloads it from NVIDIA, which this machine cannot
# reach. libtorch_cuda links libcudnn.so.9 with BIND_NOW, so the root gets a placeholder nvidia-cudnn package
# and a stand-in libcudnn.so.9 that defines every cudnn* symbol libtorch_cuda imports and fails each call
# (status 1). Nothing calls them: cuDNN runs only on a GPU. Both live only in this throwaway root.
#
# Usage (root): scripts/check-cuda-build.sh [ROOT_DIR]   (default build-cuda-check/root, ignored by git; an
#               existing root and its build folder are reused). About 3 GB of packages the first time.
# The log is ROOT_DIR/check-cuda-build.log.
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
. "$src/scripts/root-tree.sh"
root=${1:-$src/build-cuda-check/root}
[[ $(id -u) -eq 0 ]] || { echo "check-cuda-build: run as root (debootstrap, chroot, mounts)" >&2; exit 1; }
command -v debootstrap >/dev/null || { echo "check-cuda-build: apt-get install debootstrap" >&2; exit 1; }

[[ -x "$root/usr/bin/apt-get" ]] ||
  debootstrap --variant=minbase --components=main,contrib,non-free trixie "$root" http://deb.debian.org/debian
grep -q 'VERSION_CODENAME=trixie' "$root/etc/os-release" || { echo "check-cuda-build: $root is not a trixie root" >&2; exit 1; }
echo "deb http://deb.debian.org/debian trixie main contrib non-free" > "$root/etc/apt/sources.list"
cp /etc/resolv.conf "$root/etc/resolv.conf"

mounts=(proc dev tmp)
cleanup() {
  for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do umount -l "$root/${mounts[i]}" 2>/dev/null || true; done
}
trap cleanup EXIT
mountpoint -q "$root/proc" || mount -t proc proc "$root/proc"
mountpoint -q "$root/dev" || mount --bind /dev "$root/dev"
mountpoint -q "$root/tmp" || mount -t tmpfs -o size=8g tmp "$root/tmp"

in_root() {
  chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"
}

log=$root/check-cuda-build.log
: > "$log"
say() { echo "$*" | tee -a "$log"; }
fails=0
pass() { say "PASS $*"; }
fail() { say "FAIL $*"; fails=$((fails + 1)); }

# --- the packages ---------------------------------------------------------------------------------------------
in_root bash -euo pipefail -c '
  if ! dpkg -s nvidia-cudnn >/dev/null 2>&1; then
    mkdir -p /tmp/cudnn-placeholder/DEBIAN
    printf "%s\n" "Package: nvidia-cudnn" "Version: 9.99-0placeholder" "Architecture: amd64" \
      "Maintainer: I2V Studio check <root@localhost>" \
      "Description: placeholder: cuDNN is not downloadable here and runs only on a GPU" \
      > /tmp/cudnn-placeholder/DEBIAN/control
    dpkg-deb --build /tmp/cudnn-placeholder /tmp/nvidia-cudnn-placeholder.deb >/dev/null
    dpkg -i /tmp/nvidia-cudnn-placeholder.deb >/dev/null
  fi
  apt-get update -q >/dev/null
  apt-get install -y -q --no-install-recommends g++ make cmake pkg-config ca-certificates \
    libopenblas0-pthread nlohmann-json3-dev libcli11-dev libtorch-cuda-dev nvidia-cuda-toolkit >/dev/null
' >>"$log" 2>&1 || { say "FAIL packages (see $log)"; tail -20 "$log"; exit 1; }
say "packages: $(in_root dpkg-query -W -f '${Package} ${Version}\n' libtorch-cuda-dev nvidia-cuda-toolkit | tr '\n' ' ')"

# The stand-in libcudnn.so.9: every cudnn* symbol libtorch_cuda imports, under its version node.
in_root bash -euo pipefail -c '
  lib=/usr/lib/x86_64-linux-gnu
  [[ -e $lib/libcudnn.so.9 ]] && exit 0
  nm -D --undefined-only $lib/libtorch_cuda.so.2.6 | awk "{print \$2}" | grep "^cudnn" | sed "s/@.*//" | sort -u \
    > /tmp/cudnn-symbols
  { while read -r name; do echo "int $name(void) { return 1; }"; done < /tmp/cudnn-symbols; } > /tmp/cudnn-stub.c
  { echo "libcudnn.so.9 { global:"; sed "s/$/;/" /tmp/cudnn-symbols; echo "local: *; };"; } > /tmp/cudnn-stub.map
  gcc -shared -fPIC -o $lib/libcudnn.so.9 /tmp/cudnn-stub.c -Wl,--version-script=/tmp/cudnn-stub.map \
    -Wl,-soname,libcudnn.so.9
  ldconfig
' >>"$log" 2>&1 || { say "FAIL stand-in libcudnn.so.9 (see $log)"; exit 1; }

# --- the tree as a clean clone has it (timestamps kept, so a second run only rebuilds what changed) -----------
copy_tree_into_root "$src" "$root" build-gpu-smoke

# --- gpu-smoke.sh: its build against the system (CUDA) libtorch, then every check on the CPU -----------------
set +e
in_root bash -c 'cd /src && OUT=/tmp/smoke scripts/gpu-smoke.sh --device cpu --build-dir build-gpu-smoke' 2>&1 | tee -a "$log"
smoke=${PIPESTATUS[0]}
set -e
[[ $smoke -eq 0 ]] && pass "gpu-smoke.sh --device cpu" || fail "gpu-smoke.sh --device cpu (exit $smoke)"

# --- what a CUDA build does on a machine without a GPU ---------------------------------------------------------
bin=/src/build-gpu-smoke
if in_root ldd $bin/app/cli/i2v | grep -q 'libtorch_cuda\.so'; then pass "i2v links libtorch_cuda"
else fail "i2v does not link libtorch_cuda: not a CUDA build"; fi
if grep -rqs 'I2V_BENCH_CUDA=1' "$root$bin/bench/CMakeFiles/i2v-bench.dir/flags.make"; then
  pass "i2v-bench built with its CUDA peak-memory code"
else fail "i2v-bench built without I2V_BENCH_CUDA"; fi
job=(generate --model /src/tests/data/models/tiny-a --image /src/tests/data/golden/tiny-a.input.bmp --prompt "a fox"
     --width 64 --height 64 --frames 3 --steps 2 --seed 1 --quiet --overwrite)
if in_root $bin/app/cli/i2v "${job[@]}" --device auto --save-tensors /tmp/auto.safetensors >>"$log" 2>&1; then
  pass "--device auto runs on the CPU"
else fail "--device auto (see $log)"; fi
rc=0
refusal=$(in_root $bin/app/cli/i2v -v "${job[@]}" --device cuda --save-tensors /tmp/cuda.safetensors 2>&1) || rc=$?
runtime=$(head -1 <<<"$refusal")
if [[ $runtime == *"CPU only (no NVIDIA GPU with a working driver was found)"* ]]; then pass "i2v -v: $runtime"
else fail "i2v -v: $runtime"; fi
if [[ $rc -ne 0 && $(tail -1 <<<"$refusal") == *"no NVIDIA GPU with a working driver was found: use cpu"* ]]; then
  pass "--device cuda refused: $(tail -1 <<<"$refusal")"
else fail "--device cuda: exit $rc, $refusal"; fi

say "== CUDA build check: $fails failed (log: $log)"
exit $((fails > 0))
