#!/usr/bin/env python3
"""Measure what each memory mode does: one i2v-bench pipeline run per mode on the same checkpoint and settings,
each in its own process, and a table of peak RSS per stage (text encode, image encode, denoise, decode) and
time. The README's "Memory modes" table quotes it.

    bench/memory_modes.py --model DIR [--build build] [--width 256 --height 256 --frames 8 --steps 1]
                          [--modes baseline,unbounded-attention,...] [--threads 2] [--json out.json]

Modes (each is the baseline plus one setting):
  baseline             fp32, attention chunk 256 MiB, decode chunk 1, no offload, no tiling
  unbounded-attention  --attention-chunk-mb 0 (one score matrix per attention call)
  offload              --offload (text and image encoders freed once the prompt and image are encoded)
  decode-chunk-8       --decode-chunk 8 (8 frames per VAE decoder call)
  vae-tiling           --vae-tiling
  keep-fp16            --keep-fp16-weights (needs the .fp16 files)
  bf16                 --dtype bf16
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
IMAGE = os.path.join(REPO, "tests", "data", "golden", "tiny-a.input.png")

MODES = {
    "baseline": [],
    "unbounded-attention": ["--attention-chunk-mb", "0"],
    "offload": ["--offload"],
    "decode-chunk-8": ["--decode-chunk", "8"],
    "vae-tiling": ["--vae-tiling"],
    "keep-fp16": ["--keep-fp16-weights", "--variant", "fp16"],
    "bf16": ["--dtype", "bf16"],
}
STAGES = ["text_encode", "image_encode_clip_and_vae", "denoise", "decode"]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", required=True)
    ap.add_argument("--build", default=os.path.join(REPO, "build"))
    ap.add_argument("--image", default=IMAGE)
    ap.add_argument("--width", type=int, default=256)
    ap.add_argument("--height", type=int, default=256)
    ap.add_argument("--frames", type=int, default=8)
    ap.add_argument("--steps", type=int, default=1)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--modes", default=",".join(MODES))
    ap.add_argument("--json")
    args = ap.parse_args()

    bench = os.path.join(args.build, "bench", "i2v-bench")
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for mode in args.modes.split(","):
            out = os.path.join(tmp, f"{mode}.json")
            cmd = [bench, "pipeline", "--model", args.model, "--image", args.image, "--width", str(args.width),
                   "--height", str(args.height), "--frames", str(args.frames), "--steps", str(args.steps),
                   "--threads", str(args.threads), "--warmup", "0", "--repeat", "1", "--no-export",
                   "--json", out] + MODES[mode]
            print("  $", " ".join(cmd), file=sys.stderr, flush=True)
            r = subprocess.run(cmd, capture_output=True, text=True)
            if r.returncode != 0:
                sys.exit(f"{mode} failed ({r.returncode}):\n{r.stderr[-3000:]}")
            with open(out) as f:
                results[mode] = json.load(f)

    print(f"\n{args.width}x{args.height}, {args.frames} frames, {args.steps} step(s), CFG, "
          f"{args.threads} threads; peak RSS in GB per stage (weights resident at the time included)\n")
    print("| mode | text encode | image encode | denoise | decode | whole run | generate s | decode s |")
    print("|---|---|---|---|---|---|---|---|")
    for mode, r in results.items():
        peaks = r["peak_rss_by_stage_mb"]
        cells = [f"{peaks[s] / 1024:.2f}" for s in STAGES]
        print(f"| {mode} | " + " | ".join(cells) + f" | {r['peak_rss_mb'] / 1024:.2f} | "
              f"{r['generate']['median_s']:.1f} | {r['decode']['median_s']:.1f} |")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()
