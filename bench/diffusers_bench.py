#!/usr/bin/env python3
"""The diffusers side of bench/compare.py: the same measurements as `i2v-bench`, same JSON keys.

Runs under the reference harness's environment (../shared/reference/env.sh puts diffusers v0.27.2,
transformers and the shims on PYTHONPATH and pins the CPU kernels):

    env.sh /usr/bin/python3 bench/diffusers_bench.py pipeline --model DIR --image IMG [--width ...]
    env.sh /usr/bin/python3 bench/diffusers_bench.py unet --model DIR --shape 2,4,16,32,32

Stage times come from wrapping the pipeline's own methods (encode_prompt, _encode_image,
prepare_image_latents, decode_latents, scheduler.step) for the duration of the measurement; the
pipeline code itself is not changed.
"""
import argparse
import json
import os
import resource
import statistics
import sys
import time

import torch


def summarize(samples):
    if not samples:
        return None
    return {"median_s": statistics.median(samples), "min_s": min(samples), "max_s": max(samples),
            "mean_s": sum(samples) / len(samples), "n": len(samples), "samples_s": samples}


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def current_rss_mb():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / (1024.0 * 1024.0)


def sync(device):
    if device.startswith("cuda"):
        torch.cuda.synchronize()


def load_ref_patches():
    ref = os.environ.get("REF_DIR")
    if ref:  # the harness's one runtime patch (baddbmm beta=0 on torch 1.13), as the goldens ran
        sys.path.insert(0, ref)
        import ref_patches  # noqa: F401


def dtype_of(name):
    return {"fp32": torch.float32, "bf16": torch.bfloat16, "fp16": torch.float16}[name]


def wrap(obj, name, on_end):
    """Replace obj.name with a wrapper that reports (start, end) of every call."""
    original = getattr(obj, name)

    def timed(*args, **kwargs):
        start = time.perf_counter()
        out = original(*args, **kwargs)
        on_end(name, start, time.perf_counter())
        return out

    setattr(obj, name, timed)


def run_pipeline(a):
    from diffusers import I2VGenXLPipeline
    from diffusers.utils import load_image

    device = a.device
    image = load_image(a.image)
    rss_before = current_rss_mb()
    t0 = time.perf_counter()
    kwargs = {"torch_dtype": dtype_of(a.dtype)}
    if a.variant != "auto":
        kwargs["variant"] = a.variant if a.variant == "fp16" else None
    pipe = I2VGenXLPipeline.from_pretrained(a.model, **kwargs).to(device)
    pipe.set_progress_bar_config(disable=True)
    if a.sdpa is False:
        from diffusers.models.attention_processor import AttnProcessor
        pipe.unet.set_attn_processor(AttnProcessor())
    sync(device)
    out = {"load_s": time.perf_counter() - t0, "rss_after_load_mb": current_rss_mb() - rss_before,
           "parameters": sum(p.numel() for m in (pipe.unet, pipe.vae, pipe.text_encoder, pipe.image_encoder)
                             for p in m.parameters())}

    events = []

    def record(name, start, end):
        sync(device)
        events.append((name, start, time.perf_counter() if device.startswith("cuda") else end))

    first_step = []
    for name in ("encode_prompt", "_encode_image", "prepare_image_latents", "prepare_latents", "decode_latents"):
        wrap(pipe, name, record)
    wrap(pipe.scheduler, "step", record)

    totals, text, image_enc, denoise, steps, decode = [], [], [], [], [], []
    frames = None
    for run in range(a.warmup + a.repeat):
        events.clear()
        generator = torch.Generator("cpu").manual_seed(a.seed)
        torch.manual_seed(a.seed)
        start = time.perf_counter()
        frames = pipe(prompt=a.prompt, negative_prompt=a.negative_prompt, image=image, height=a.height,
                      width=a.width, num_frames=a.frames, num_inference_steps=a.steps, guidance_scale=a.guidance,
                      target_fps=a.fps, decode_chunk_size=a.decode_chunk, generator=generator,
                      output_type="np").frames[0]
        sync(device)
        seconds = time.perf_counter() - start
        step_ends = [e for n, s, e in events if n == "step"]
        if not first_step:
            first_step.append(step_ends[0] - t0)
        if run < a.warmup:
            continue
        span = {n: (s, e) for n, s, e in events if n != "step"}
        totals.append(seconds)
        text.append(span["encode_prompt"][1] - span["encode_prompt"][0])
        image_enc.append(span["_encode_image"][1] - span["_encode_image"][0] +
                         span["prepare_image_latents"][1] - span["prepare_image_latents"][0])
        previous = span["prepare_latents"][1]
        for end in step_ends:
            steps.append(end - previous)
            previous = end
        denoise.append(step_ends[-1] - span["prepare_latents"][1])
        decode.append(span["decode_latents"][1] - span["decode_latents"][0])
    out.update({"load_to_first_step_s": first_step[0], "generate": summarize(totals), "text_encode": summarize(text),
                "image_encode_clip_and_vae": summarize(image_enc), "denoise": summarize(denoise),
                "step": summarize(steps), "decode": summarize(decode), "peak_rss_mb": peak_rss_mb()})
    if device.startswith("cuda"):
        out["peak_cuda_mb"] = torch.cuda.max_memory_allocated() / (1024.0 * 1024.0)
    out["settings"] = {"width": a.width, "height": a.height, "frames": a.frames, "steps": a.steps,
                       "guidance": a.guidance, "scheduler": type(pipe.scheduler).__name__, "seed": a.seed,
                       "warmup": a.warmup, "repeat": a.repeat, "frames_shape": list(frames.shape)}
    return out


def run_unet(a):
    from diffusers import I2VGenXLUNet

    device, dtype = a.device, dtype_of(a.dtype)
    rss_before = current_rss_mb()
    t0 = time.perf_counter()
    if a.random_init:
        # As ../shared/reference/bench_unet.py: the model built with random weights, nothing read from disk
        # (the harness's pure-Python safetensors shim reads whole files into memory, which real diffusers
        # with the Rust safetensors does not: loading through it would inflate diffusers' RSS).
        torch.manual_seed(0)
        unet = I2VGenXLUNet.from_config(I2VGenXLUNet.load_config(a.model, subfolder="unet")).to(device, dtype).eval()
    else:
        kwargs = {"torch_dtype": dtype}
        if a.variant == "fp16":
            kwargs["variant"] = "fp16"
        unet = I2VGenXLUNet.from_pretrained(a.model, subfolder="unet", **kwargs).to(device).eval()
    if a.sdpa is False:
        from diffusers.models.attention_processor import AttnProcessor
        unet.set_attn_processor(AttnProcessor())
    sync(device)
    out = {"load_s": time.perf_counter() - t0, "rss_after_load_mb": current_rss_mb() - rss_before,
           "parameters": sum(p.numel() for p in unet.parameters())}
    b, c, f, h, w = a.shape
    g = torch.Generator().manual_seed(1)
    sample = torch.randn(b, c, f, h, w, generator=g)
    lat0 = torch.randn(1, c, 1, h, w, generator=g)
    masks = [torch.ones_like(lat0) * ((j + 1) / (f - 1)) for j in range(f - 1)]
    image_latents = torch.cat([lat0] + masks, dim=2).repeat(2, 1, 1, 1, 1)
    cross = unet.config.cross_attention_dim
    text = torch.randn(b, 77, cross, generator=g)
    img_emb = torch.cat([torch.zeros(1, 1, cross), torch.randn(1, 1, cross, generator=g)])
    on = lambda t: t.to(device, dtype)  # noqa: E731
    fps = torch.tensor([16] * b, device=device)
    if device.startswith("cuda"):
        torch.cuda.reset_peak_memory_stats()
    times = []
    with torch.no_grad():
        for i in range(a.warmup + a.repeat):
            sync(device)
            start = time.perf_counter()
            result = unet(on(sample), torch.tensor(981, device=device), fps=fps, image_latents=on(image_latents),
                          image_embeddings=on(img_emb), encoder_hidden_states=on(text), return_dict=False)[0]
            sync(device)
            if i >= a.warmup:
                times.append(time.perf_counter() - start)
        if a.profile:
            # One more, untimed forward under torch's op profiler: the same Chrome trace format as
            # `i2v-bench unet --profile`, for bench/profile_summary.py side by side.
            with torch.autograd.profiler.profile() as prof:
                unet(on(sample), torch.tensor(981, device=device), fps=fps, image_latents=on(image_latents),
                     image_embeddings=on(img_emb), encoder_hidden_states=on(text), return_dict=False)
            prof.export_chrome_trace(a.profile)
    if a.save_output:
        from safetensors.torch import save_file
        save_file({"output": result.float().cpu().contiguous()}, a.save_output, metadata={"format": "pt"})
    out.update({"forward": summarize(times), "output_finite": bool(torch.isfinite(result).all()),
                "peak_rss_mb": peak_rss_mb(), "settings": {"shape": a.shape, "warmup": a.warmup, "repeat": a.repeat}})
    if device.startswith("cuda"):
        out["peak_cuda_mb"] = torch.cuda.max_memory_allocated() / (1024.0 * 1024.0)
    return out


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="command", required=True)
    for name in ("pipeline", "unet"):
        p = sub.add_parser(name)
        p.add_argument("--model", required=True)
        p.add_argument("--threads", type=int, default=0)
        p.add_argument("--device", default="cpu")
        p.add_argument("--dtype", default="fp32")
        p.add_argument("--variant", default="auto")
        p.add_argument("--json")
        p.add_argument("--repeat", type=int, default=3)
        p.add_argument("--no-sdpa", dest="sdpa", action="store_false", default=None,
                       help="use the classic AttnProcessor even when torch has SDPA")
        if name == "pipeline":
            p.add_argument("--image", required=True)
            p.add_argument("--prompt", default="A red fox jumping over a frozen river at sunset, cinematic lighting, 4k")
            p.add_argument("--negative-prompt", default="Distorted, discontinuous, Ugly, blurry, low resolution, "
                           "motionless, static, disfigured, disconnected limbs, Ugly faces, incomplete arms")
            for opt, default in (("width", 96), ("height", 64), ("frames", 4), ("steps", 4), ("fps", 16),
                                 ("seed", 0), ("decode-chunk", 1), ("warmup", 1)):
                p.add_argument("--" + opt, type=int, default=default)
            p.add_argument("--guidance", type=float, default=9.0)
        else:
            p.add_argument("--shape", default="2,4,2,16,16")
            p.add_argument("--warmup", type=int, default=0)
            p.add_argument("--save-output", help="write the last forward's output (float32) as tensor 'output' "
                           "of this .safetensors file, as i2v-bench unet --save-output")
            p.add_argument("--random-init", action="store_true", help="build the UNet with random weights "
                           "instead of loading it (what the harness's bench_unet.py measures)")
            p.add_argument("--profile", help="write a Chrome trace of one extra forward's ops here")
    a = ap.parse_args()
    if a.command == "unet":
        a.shape = [int(x) for x in a.shape.split(",")]
    torch.set_num_threads(a.threads or os.cpu_count())
    load_ref_patches()
    with torch.inference_mode():
        out = run_pipeline(a) if a.command == "pipeline" else run_unet(a)
    out["runtime"] = {"engine": "diffusers", "torch": torch.__version__, "threads": torch.get_num_threads(),
                      "device": a.device, "dtype": a.dtype}
    if a.json:
        with open(a.json, "w") as f:
            json.dump(out, f, indent=1)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
