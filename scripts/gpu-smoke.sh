#!/usr/bin/env bash
# Every GPU check of the engine in one run (a lent GPU machine has minutes, not hours):
#
#   scripts/gpu-smoke.sh [--device cuda|cuda:N|cpu] [--bin DIR] [--build-dir DIR] [--jobs N]
#
# 1. Builds core, `i2v` and `i2v-bench` (no Qt, FFmpeg, SentencePiece or hub client) against the machine's
#    PyTorch libtorch (torch.utils.cmake_prefix_path; a CUDA wheel also needs nvcc), or the system libtorch
#    when Python has no torch. `--bin DIR` skips the build and uses DIR/app/cli/i2v and DIR/bench/i2v-bench.
# 2. Runs, each as one "PASS|FAIL <check> <figures>" line:
#    - every tiny checkpoint of tests/data/models: the device in fp32 (TF32 off) against the CPU, <= 1e-3;
#    - bf16 and (CUDA) fp16 on the device: finite, frames within 0.05 mean of fp32;
#    - every scheduler on the device against the CPU, <= 1e-3 (stochastic ones draw the same CPU noise);
#    - the memory modes (encoder offload, attention chunks, VAE tiling, decode chunks, fp16 weights) against
#      the CPU;
#    - a job stopped with Ctrl-C after 3 steps and run again with its --progress-file, against one that never
#      stopped;
#    - one 2048x1152 CFG job (temporal attention batch 73,728 > 65,535: the sliced fused kernel), fp16;
#      with --device cpu a 512x288 job stands in (no fused-kernel limit there, and the CPU would take long);
#    - i2v-bench: UNet forward and a whole job, peak RSS and peak CUDA memory.
# With --device cpu every check runs on the CPU against the CPU (tests/CMakeLists.txt runs it that way, so
# the script itself is tested on every CI run). Writes gpu-smoke.log (and the tensors) under $OUT when set.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

DEVICE=cuda BIN="" BUILD_DIR=build-gpu-smoke JOBS=$(nproc 2>/dev/null || echo 2)
while [[ $# -gt 0 ]]; do
  case $1 in
    --device) DEVICE=$2; shift 2 ;;
    --bin) BIN=$2; shift 2 ;;
    --build-dir) BUILD_DIR=$2; shift 2 ;;
    --jobs) JOBS=$2; shift 2 ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "gpu-smoke: unknown argument $1 (see --help)" >&2; exit 64 ;;
  esac
done

WORK=${OUT:-$(mktemp -d)}/gpu-smoke
mkdir -p "$WORK"
LOG=$WORK/gpu-smoke.log
: > "$LOG"
FAILS=0
say() { echo "$*" | tee -a "$LOG"; }
pass() { say "PASS $*"; }
fail() { say "FAIL $*"; FAILS=$((FAILS + 1)); }

# --- 1. build ---------------------------------------------------------------------------------------------
# The header-only dependencies, when the tree came with scripts/vendor-header-deps.sh's archive instead.
if [[ -z $BIN && ! -d third_party/include && -f third_party.tar.xz ]]; then
  tar -xJf third_party.tar.xz && say "build: third_party/ unpacked from third_party.tar.xz"
fi
if [[ -z $BIN ]]; then
  prefix=""
  if python3 -c 'import torch' 2>/dev/null; then
    prefix=$(python3 -c 'import torch;print(torch.utils.cmake_prefix_path)')
    say "build: libtorch of Python's torch $(python3 -c 'import torch;print(torch.__version__, "cuda", torch.version.cuda)') ($prefix)"
  else
    say "build: the system libtorch (Python has no torch)"
  fi
  start=$SECONDS
  if cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release -DI2V_BUILD_GUI=OFF -DI2V_BUILD_TESTS=OFF \
       -DI2V_WITH_FFMPEG=OFF -DI2V_WITH_SENTENCEPIECE=OFF -DI2V_WITH_HUB_CLIENT=OFF \
       ${prefix:+-DCMAKE_PREFIX_PATH=$prefix} >>"$LOG" 2>&1 &&
     cmake --build "$BUILD_DIR" -j"$JOBS" --target i2v i2v-bench >>"$LOG" 2>&1; then
    pass "build $((SECONDS - start)) s"
  else
    fail "build (see $LOG)"; tail -30 "$LOG"; exit 1
  fi
  BIN=$BUILD_DIR
fi
I2V=$BIN/app/cli/i2v BENCH=$BIN/bench/i2v-bench
[[ -x $I2V && -x $BENCH ]] || { fail "binaries: $I2V or $BENCH missing"; exit 1; }
# What the binaries run on: version, libtorch, threads, BLAS, CPU, and CUDA or why not (`i2v -v`).
say "runtime: $("$I2V" --version 2>&1 | tr '\n' ' ')$("$I2V" -v tokenize --model "$ROOT/tests/data/models/tiny-a" x 2>&1 >/dev/null | head -1)"

# The golden input as a BMP: the engine decodes BMP itself, and a GPU machine's build may have no libpng.
IMAGE=$ROOT/tests/data/golden/tiny-a.input.bmp
MODELS=$ROOT/tests/data/models
PROMPT="A red fox jumping over a frozen river at sunset"
# generate NAME MODEL ARGS...: one job, its frames and latents saved as $WORK/NAME.safetensors.
generate() {
  local name=$1 model=$2; shift 2
  "$I2V" generate --model "$model" --image "$IMAGE" --prompt "$PROMPT" --negative-prompt "blurry" --seed 3 \
    --width 64 --height 64 --frames 3 --steps 3 --quiet --overwrite --save-tensors "$WORK/$name.safetensors" "$@" \
    >>"$LOG" 2>&1
}
# check NAME REF ARGS...: compare $WORK/NAME with $WORK/REF (i2v-bench compare options), one line.
check() {
  local name=$1 ref=$2; shift 2
  local out
  out=$("$BENCH" compare "$WORK/$name.safetensors" "$WORK/$ref.safetensors" "$@" 2>&1)
  local rc=$?
  echo "$out" >>"$LOG"
  local figures
  figures=$(echo "$out" | awk '$1 == "max_abs" || $1 == "mean_abs" {printf "%s=%s ", $1, $2}')
  if [[ $rc -eq 0 ]]; then pass "$name vs $ref: $figures"; else fail "$name vs $ref: $figures(${*})"; fi
}
# reference NAME MODEL ARGS...: generate, or say FAIL and return 1 (the checks against it are then skipped).
reference() {
  generate "$@" || { fail "$1: i2v generate failed (see $LOG)"; return 1; }
}
# job NAME REF MODEL GENERATE-ARGS... -- COMPARE-ARGS...: generate, then compare with REF.
job() {
  local name=$1 ref=$2 model=$3; shift 3
  local gen=()
  while [[ $# -gt 0 && $1 != -- ]]; do gen+=("$1"); shift; done
  [[ $# -gt 0 ]] && shift
  reference "$name" "$model" "${gen[@]}" && check "$name" "$ref" "$@"
}

# --- 2. checks ----------------------------------------------------------------------------------------------
FP32=(--device "$DEVICE" --dtype fp32 --no-tf32)
for dir in "$MODELS"/tiny-*; do
  m=$(basename "$dir")
  reference "$m-cpu" "$dir" --device cpu --dtype fp32 && job "$m-$DEVICE-fp32" "$m-cpu" "$dir" "${FP32[@]}" -- --atol 1e-3
done

HALF=(bf16)
[[ $DEVICE == cuda* ]] && HALF+=(fp16)
for d in "${HALF[@]}"; do
  job "tiny-a-$DEVICE-$d" tiny-a-cpu "$MODELS/tiny-a" --device "$DEVICE" --dtype "$d" -- --only frames --atol 1 --mean-atol 0.05
done

for s in ddim dpmpp-2m euler euler-a unipc ddpm; do
  extra=()
  [[ $s == ddim ]] && extra=(--eta 0.5)
  reference "sched-$s-cpu" "$MODELS/tiny-a" --device cpu --dtype fp32 --scheduler "$s" "${extra[@]}" &&
    job "sched-$s-$DEVICE" "sched-$s-cpu" "$MODELS/tiny-a" "${FP32[@]}" --scheduler "$s" "${extra[@]}" -- --atol 1e-3
done

job "mode-offload" tiny-a-cpu "$MODELS/tiny-a" "${FP32[@]}" --offload -- --atol 1e-3
job "mode-attention-chunk" tiny-a-cpu "$MODELS/tiny-a" "${FP32[@]}" --attention-chunk-mb 1 -- --atol 1e-3
job "mode-decode-chunk" tiny-a-cpu "$MODELS/tiny-a" "${FP32[@]}" --decode-chunk 3 -- --atol 1e-3
job "mode-fp16-weights" tiny-a-cpu "$MODELS/tiny-a" "${FP32[@]}" --keep-fp16-weights -- --atol 1e-3
# Tiled decoding (160x96 is larger than the demo VAE's 64-pixel tile) on the device against the CPU's tiles.
reference "tiling-cpu" "$MODELS/tiny-a" --device cpu --dtype fp32 --vae-tiling --width 160 --height 96 &&
  job "mode-vae-tiling" tiling-cpu "$MODELS/tiny-a" "${FP32[@]}" --vae-tiling --width 160 --height 96 -- --atol 1e-3

# A job interrupted (Ctrl-C) after a few steps with --progress-file goes on from its saved progress on the device
# (the latents, the scheduler's history and the generator come back from the CPU copy) to the video of a job
# that never stopped.
RESUME=(--scheduler dpmpp-2m --steps 120 "${FP32[@]}")
if reference "resume-whole" "$MODELS/tiny-a" "${RESUME[@]}"; then
  progress=$WORK/resume-progress.safetensors
  rm -f "$progress" "$WORK/resume.safetensors"
  resume_args=(generate --model "$MODELS/tiny-a" --image "$IMAGE" --prompt "$PROMPT" --negative-prompt "blurry"
               --seed 3 --width 64 --height 64 --frames 3 "${RESUME[@]}" --progress-file "$progress"
               --save-tensors "$WORK/resume.safetensors")
  "$I2V" "${resume_args[@]}" 2>"$WORK/resume-first.err" &
  pid=$!
  for _ in $(seq 1200); do grep -q "^step 3/" "$WORK/resume-first.err" && break; sleep 0.05; done
  kill -INT "$pid" 2>/dev/null
  wait "$pid"; rc=$?
  cat "$WORK/resume-first.err" >>"$LOG"
  if [[ $rc -ne 130 || ! -f $progress ]]; then
    fail "resume: the first run was not stopped with its progress kept (exit $rc)"
  elif ! "$I2V" "${resume_args[@]}" 2>"$WORK/resume-second.err" || ! grep -q "going on from the saved progress" "$WORK/resume-second.err"; then
    cat "$WORK/resume-second.err" >>"$LOG"
    fail "resume: the second run did not go on from the saved progress (see $LOG)"
  else
    cat "$WORK/resume-second.err" >>"$LOG"
    check resume resume-whole --atol 1e-3
  fi
fi

if [[ $DEVICE == cuda* ]]; then big=(--width 2048 --height 1152 --dtype fp16); label="2048x1152 fp16"
else big=(--width 512 --height 288 --dtype fp32); label="512x288 (CPU stand-in)"; fi
start=$SECONDS
if generate "big" "$MODELS/tiny-a" --device "$DEVICE" "${big[@]}" --frames 2 --steps 1 &&
   "$BENCH" compare "$WORK/big.safetensors" "$WORK/big.safetensors" >>"$LOG" 2>&1; then
  pass "big job $label: finite, $((SECONDS - start)) s"
else
  fail "big job $label (see $LOG)"
fi

if out=$("$BENCH" unet --model "$MODELS/tiny-a" --shape 2,4,8,32,32 --device "$DEVICE" --repeat 2 2>&1); then
  echo "$out" >>"$LOG"
  pass "bench unet 2x4x8x32x32: $(echo "$out" | awk '$1 ~ /median_s$|^peak_(rss|cuda)/ {printf "%s=%s ", $1, $2}')"
else
  echo "$out" >>"$LOG"; fail "bench unet (see $LOG)"
fi
if out=$("$BENCH" pipeline --model "$MODELS/tiny-a" --image "$IMAGE" --width 256 --height 256 --frames 8 --steps 4 \
           --device "$DEVICE" --repeat 1 --no-export 2>&1); then
  echo "$out" >>"$LOG"
  pass "bench pipeline 256x256x8: $(echo "$out" | awk '$1 ~ /^(generate|denoise)\.median_s$|^peak_(rss|cuda)[a-z_]*mb$/ {printf "%s=%s ", $1, $2}')"
else
  echo "$out" >>"$LOG"; fail "bench pipeline (see $LOG)"
fi

say "gpu-smoke: $FAILS failed; log $LOG"
[[ $FAILS -eq 0 ]]
