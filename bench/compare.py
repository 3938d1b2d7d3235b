#!/usr/bin/env python3
"""Run i2v-bench and diffusers side by side, in one run, on the same checkpoints and settings, and print
ours ÷ diffusers for time and peak memory (the figures the README and bench/RESULTS.md quote).

    bench/compare.py [--build build] [--fullsize DIR] [--threads 2] [--cases tiny,unet-small,unet-large,load]
                     [--device cpu] [--dtype fp32] [--json results.json]

  tiny        tiny-a whole pipeline, the goldens' main case (96x64, 4 frames, 4 DDIM steps, CFG 9)
  unet-small  full-size UNet forward, sample [2,4,2,16,16]  (needs --fullsize, see make_fullsize_checkpoint.py)
  unet-large  full-size UNet forward, sample [2,4,16,32,32]
  unet-real   full-size UNet forward at a real job's spatial size, [2,4,2,44,80] (640x352, 2 frames)
  load        full-size checkpoint, fp16 files -> compute dtype: from load start to the end of the first step
  bf16-quality  full-size UNet forward [2,4,2,16,16] from the fp32 files, in fp32 and in bf16, on both sides: bf16's
              error against fp32 (RMS of the difference over the fp32 output's RMS, max abs), ours next to
              diffusers' own; and ours against diffusers in each dtype
  process     the tiny case as a user runs it: a whole `i2v generate ... -o x.mp4` process (start-up, load, job,
              export) against a whole diffusers_bench.py process (which does not even export); medians of
              --process-runs runs each, interleaved

Every measurement runs in its own process (peak RSS is per process). Diffusers runs through
../shared/reference/env.sh (diffusers v0.27.2 on the Debian torch), which must be set up as its README says.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HARNESS_ENV = os.path.join(os.path.dirname(REPO), "shared", "reference", "env.sh")
TINY = os.path.join(REPO, "tests", "data", "models", "tiny-a")
IMAGE = os.path.join(REPO, "tests", "data", "golden", "tiny-a.input.png")


def run_json(cmd):
    print("  $", " ".join(cmd), file=sys.stderr, flush=True)
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        raise SystemExit(f"failed ({r.returncode}): {' '.join(cmd)}\n{r.stderr[-3000:]}")
    return r


def ours(args, sub, extra):
    out = os.path.join(args.workdir, f"ours-{sub}-{len(os.listdir(args.workdir))}.json")
    run_json([args.bench, sub, "--json", out, "--threads", str(args.threads), "--device", args.device,
              "--dtype", args.dtype] + extra)
    with open(out) as f:
        return json.load(f)


def diffusers_command(args, sub, extra):
    # env.sh pins OpenBLAS, oneDNN and ATen to their AVX2 kernels so that goldens regenerate bit for bit;
    # a benchmark wants the kernels this machine picks by itself, as the engine's process gets them (on an
    # AVX-512 machine the pins made diffusers' UNet forward 1.4x slower).
    # --threads N means N cores on both sides: torch.set_num_threads does not reach OpenBLAS's own pool,
    # which would otherwise take every core in diffusers' process while the engine uses N.
    unpin = ["env", "-u", "OPENBLAS_CORETYPE", "-u", "ONEDNN_MAX_CPU_ISA", "-u", "ATEN_CPU_CAPABILITY",
             f"OPENBLAS_NUM_THREADS={args.threads}"]
    return [HARNESS_ENV] + unpin + ["/usr/bin/python3", os.path.join(REPO, "bench", "diffusers_bench.py"), sub,
                                    "--threads", str(args.threads), "--device", args.device, "--dtype",
                                    args.dtype] + extra


def theirs(args, sub, extra):
    out = os.path.join(args.workdir, f"diffusers-{sub}-{len(os.listdir(args.workdir))}.json")
    run_json(diffusers_command(args, sub, ["--json", out] + extra))
    with open(out) as f:
        return json.load(f)


def warm_page_cache(folder):
    """Read every file once so neither side pays for the disk (the first reader would otherwise)."""
    for root, _dirs, files in os.walk(folder):
        for name in files:
            with open(os.path.join(root, name), "rb") as f:
                while f.read(64 << 20):
                    pass


def median(result, key):
    v = result.get(key)
    return v["median_s"] if isinstance(v, dict) else v


CASES = {
    "tiny": ("pipeline", lambda a: ["--model", TINY, "--image", IMAGE, "--repeat", "5", "--warmup", "1"],
             [("generate (median)", "generate"), ("load to first step", "load_to_first_step_s"),
              ("text encode", "text_encode"), ("image encode (CLIP + VAE)", "image_encode_clip_and_vae"),
              ("denoise step", "step"), ("decode", "decode"), ("peak RSS MB", "peak_rss_mb")]),
    "unet-small": ("unet", lambda a: ["--model", a.fullsize, "--shape", "2,4,2,16,16", "--repeat", "3"],
                   [("forward (median)", "forward"), ("weights load", "load_s"), ("peak RSS MB", "peak_rss_mb")]),
    "unet-large": ("unet", lambda a: ["--model", a.fullsize, "--shape", "2,4,16,32,32", "--repeat", "1"],
                   [("forward", "forward"), ("peak RSS MB", "peak_rss_mb")]),
    "unet-real": ("unet", lambda a: ["--model", a.fullsize, "--shape", "2,4,2,44,80", "--repeat", "1"],
                  [("forward", "forward"), ("peak RSS MB", "peak_rss_mb")]),
    # ours keeps the fp16 weights mapped (--keep-fp16-weights): "fp16 on disk -> compute dtype without copies"
    "load": ("pipeline", lambda a: ["--model", a.fullsize, "--image", IMAGE, "--variant", "fp16", "--width", "128",
                                    "--height", "128", "--frames", "2", "--steps", "1", "--warmup", "0", "--repeat",
                                    "1", "--no-export"],
             [("load to first step", "load_to_first_step_s"), ("load", "load_s"), ("peak RSS MB", "peak_rss_mb")]),
}


def process_case(args):
    """Wall time of whole processes, ours and diffusers' taking turns so that both see the same machine."""
    prompt = "A red fox jumping over a frozen river at sunset, cinematic lighting, 4k"   # diffusers_bench's defaults
    negative = ("Distorted, discontinuous, Ugly, blurry, low resolution, motionless, static, disfigured, "
                "disconnected limbs, Ugly faces, incomplete arms")
    video = os.path.join(args.workdir, "process.mp4")
    ours_cmd = [os.path.join(args.build, "app", "cli", "i2v"), "--threads", str(args.threads), "generate",
                "--model", TINY, "--image", IMAGE, "--prompt", prompt, "--negative-prompt", negative,
                "--width", "96", "--height", "64", "--frames", "4", "--steps", "4", "--guidance", "9",
                "--fps", "16", "--seed", "0", "--device", args.device, "--dtype", args.dtype, "-q",
                "--overwrite", "--output", video]
    theirs_cmd = diffusers_command(args, "pipeline", ["--model", TINY, "--image", IMAGE, "--repeat", "1",
                                                      "--warmup", "0"])
    times = {"ours": [], "diffusers": []}
    for _ in range(args.process_runs):
        for side, cmd in (("ours", ours_cmd), ("diffusers", theirs_cmd)):
            start = time.monotonic()
            run_json(cmd)
            times[side].append(time.monotonic() - start)
    o, d = statistics.median(times["ours"]), statistics.median(times["diffusers"])
    return [("process", f"whole process (median of {args.process_runs})", o, d, o / d)], times


def bf16_quality_case(args):
    """bf16 against fp32 on one full-size forward, ours beside diffusers' (the same inputs on both sides)."""
    shape = ["--model", args.fullsize, "--shape", "2,4,2,16,16", "--repeat", "1", "--variant", "fp32"]
    files = {}
    for dtype in ("fp32", "bf16"):
        for side in ("ours", "diffusers"):
            path = os.path.join(args.workdir, f"quality-{side}-{dtype}.safetensors")
            print(f"bf16-quality: {side} {dtype}", file=sys.stderr)
            run = ours if side == "ours" else theirs
            run(argparse.Namespace(**{**vars(args), "dtype": dtype}), "unet", shape + ["--save-output", path])
            files[(side, dtype)] = path

    def diff(left, right):
        out = os.path.join(args.workdir, f"quality-diff-{len(os.listdir(args.workdir))}.json")
        run_json([args.bench, "compare", files[left], files[right], "--atol", "inf", "--json", out])
        with open(out) as f:
            return json.load(f)["tensors"]["output"]

    raw = {}
    pairs = {"ours bf16 vs ours fp32": (("ours", "bf16"), ("ours", "fp32")),
             "diffusers bf16 vs diffusers fp32": (("diffusers", "bf16"), ("diffusers", "fp32")),
             "ours bf16 vs diffusers fp32": (("ours", "bf16"), ("diffusers", "fp32")),
             "ours bf16 vs diffusers bf16": (("ours", "bf16"), ("diffusers", "bf16")),
             "ours fp32 vs diffusers fp32": (("ours", "fp32"), ("diffusers", "fp32"))}
    for label, (left, right) in pairs.items():
        d = raw[label] = diff(left, right)
        print(f"{label}: rel-RMS {100 * d['rel_rms']:.3f} %, max abs {d['max_abs']:.4g}", file=sys.stderr)
    ours_err, theirs_err = raw["ours bf16 vs ours fp32"], raw["diffusers bf16 vs diffusers fp32"]
    rows = [("bf16-quality", "bf16 against fp32, rel-RMS %", 100 * ours_err["rel_rms"], 100 * theirs_err["rel_rms"],
             ours_err["rel_rms"] / theirs_err["rel_rms"]),
            ("bf16-quality", "bf16 against fp32, max abs", ours_err["max_abs"], theirs_err["max_abs"],
             ours_err["max_abs"] / theirs_err["max_abs"])]
    return rows, raw


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=os.path.join(REPO, "build"))
    ap.add_argument("--fullsize", help="folder made by bench/make_fullsize_checkpoint.py")
    ap.add_argument("--threads", type=int, default=os.cpu_count())
    ap.add_argument("--device", default="cpu")
    ap.add_argument("--dtype", default="fp32")
    ap.add_argument("--cases", default="tiny,unet-small,unet-large,load")
    ap.add_argument("--process-runs", type=int, default=7, help="runs of each side in the process case")
    ap.add_argument("--json", help="write every raw result and the ratios here")
    ap.add_argument("--workdir", default="/tmp/i2v-bench-compare")
    ap.add_argument("--unet-extra", default="", help="extra i2v-bench flags for the unet cases, e.g. "
                    "'--variant fp16 --keep-fp16-weights' (diffusers still builds its fp32 UNet in memory)")
    args = ap.parse_args()
    args.bench = os.path.join(args.build, "bench", "i2v-bench")
    os.makedirs(args.workdir, exist_ok=True)

    rows, raw = [], {}
    for case in args.cases.split(","):
        if case in ("process", "bf16-quality"):
            if case == "bf16-quality" and not args.fullsize:
                print(f"skipping {case}: needs --fullsize", file=sys.stderr)
                continue
            case_rows, raw[case] = (process_case if case == "process" else bf16_quality_case)(args)
            rows += case_rows
            continue
        sub, extra, metrics = CASES[case]
        if case != "tiny" and not args.fullsize:
            print(f"skipping {case}: needs --fullsize", file=sys.stderr)
            continue
        flags = extra(args)
        ours_flags = flags + (args.unet_extra.split() if sub == "unet" else []) + \
            (["--keep-fp16-weights"] if case == "load" else [])
        theirs_flags = [f for f in flags if f != "--no-export"] + (["--random-init"] if sub == "unet" else [])
        if case == "load":
            warm_page_cache(args.fullsize)
        print(f"{case}: ours", file=sys.stderr)
        o = ours(args, sub, ours_flags)
        if case == "load":
            warm_page_cache(args.fullsize)
        print(f"{case}: diffusers", file=sys.stderr)
        d = theirs(args, sub, theirs_flags)
        raw[case] = {"ours": o, "diffusers": d}
        for label, key in metrics:
            ov, dv = median(o, key), median(d, key)
            rows.append((case, label, ov, dv, ov / dv if dv else float("nan")))

    print(f"\nthreads {args.threads}, device {args.device}, dtype {args.dtype}, unet extra: '{args.unet_extra}'")
    print("| case | measure | ours | diffusers | ours ÷ diffusers |")
    print("| --- | --- | ---: | ---: | ---: |")
    for case, label, ov, dv, ratio in rows:
        fmt = "{:.0f}" if "MB" in label else "{:.3f} %" if "%" in label else "{:.4g}" if "abs" in label else "{:.3f} s"
        print(f"| {case} | {label} | {fmt.format(ov)} | {fmt.format(dv)} | {ratio:.2f}× |")
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"rows": rows, "raw": raw}, f, indent=1)


if __name__ == "__main__":
    main()
