#!/usr/bin/env python3
"""The tiny-a main case run by diffusers 0.27.2 in bfloat16, for tst_bf16_parity.

    ../shared/reference/env.sh /usr/bin/python3 scripts/make_bf16_golden.py \
        tests/data/models/tiny-a tests/data/golden/tiny-a.safetensors tests/data/golden/tiny-a-bf16.safetensors

I2VGenXLPipeline.from_pretrained(model, torch_dtype=torch.bfloat16) runs the golden's main case
(ddim_h64w96_f4: its prompt, negative prompt, input image, 96x64, 4 frames, 4 DDIM steps, CFG 9, target_fps 16,
generator seed 0, global seed 42 before the call) with output_type='np'.

One deliberate difference from a plain bf16 call: diffusers draws its noise (the initial latents, the VAE
posterior sample) with torch.randn(dtype=bfloat16), whose CPU kernel takes 8-bit uniforms and runs Box-Muller
in bf16: other numbers than the float32 draw, rounded. The engine draws all noise in float32 and rounds it to
the compute dtype, so that one seed gives the same video in every dtype and on every device
(core/util/RandomDraw.h). Here randn_tensor draws in float32 and casts, as the engine does, so that what the
comparison measures is bf16 arithmetic and not other noise. In float32 this changes nothing: the script first
runs the case in float32 with the same patch and checks that its frames equal the golden's bit for bit.

Writes OUT.safetensors (float32 copies of the bf16 run's tensors, all exactly representable) and
OUT.manifest.json (the call, versions, and bf16's distance from the float32 golden).
"""
import json
import os
import sys

import numpy as np
import PIL.Image
import torch

torch.set_num_threads(int(os.environ.get("REF_THREADS", "1")))

import diffusers  # noqa: E402
from diffusers import DDIMScheduler, I2VGenXLPipeline  # noqa: E402
from diffusers.models.autoencoders import vae as vae_mod  # noqa: E402
from diffusers.pipelines.i2vgen_xl import pipeline_i2vgen_xl as pipe_mod  # noqa: E402
from safetensors.torch import load_file, save_file  # noqa: E402

# The harness's one runtime patch, as the goldens ran: torch 1.13's baddbmm(beta=0) reads an uninitialised
# buffer, which gives NaN attention scores (../shared/reference/ref_patches.py; env.sh sets REF_DIR).
sys.path.insert(0, os.environ["REF_DIR"])
import ref_patches  # noqa: E402,F401

CASE = "ddim_h64w96_f4"


def draw_like_the_engine(original):
    def randn_tensor(shape, generator=None, device=None, dtype=None, layout=None):
        drawn = original(shape, generator=generator, device=device, dtype=torch.float32, layout=layout)
        return drawn.to(dtype) if dtype is not None else drawn
    return randn_tensor


def run(model_dir, dtype, case, image):
    pipe = I2VGenXLPipeline.from_pretrained(model_dir, torch_dtype=dtype)
    pipe.set_progress_bar_config(disable=True)
    pipe.scheduler = DDIMScheduler.from_config(pipe.scheduler.config)
    captured = {}
    decode = pipe.decode_latents

    def decode_latents(latents, *a, **k):
        captured["final_latents"] = latents.detach().clone()
        return decode(latents, *a, **k)
    pipe.decode_latents = decode_latents
    call = {k: v for k, v in case["call"].items() if k not in ("image", "generator", "output_type")}
    torch.manual_seed(case["global_seed"])  # the VAE posterior sample draws from the global RNG
    generator = torch.Generator("cpu").manual_seed(case["generator_seed"])
    with torch.no_grad():
        frames = pipe(image=image, generator=generator, output_type="np", **call).frames
    captured["frames_np"] = torch.from_numpy(np.ascontiguousarray(frames))
    return captured


def distance(x, reference):
    diff = (x.double() - reference.double())
    return {"max_abs": diff.abs().max().item(),
            "rel_rms": (diff.square().mean().sqrt() / reference.double().square().mean().sqrt()).item()}


def main():
    model_dir, golden_path, out = sys.argv[1:4]
    golden = load_file(golden_path)
    with open(golden_path[: -len(".safetensors")] + ".manifest.json") as f:
        manifest = json.load(f)
    case = manifest["cases"][CASE]
    image = PIL.Image.open(os.path.join(os.path.dirname(golden_path), manifest["input_image"]["file"])).convert("RGB")

    pipe_mod.randn_tensor = draw_like_the_engine(pipe_mod.randn_tensor)
    vae_mod.randn_tensor = draw_like_the_engine(vae_mod.randn_tensor)

    fp32 = run(model_dir, torch.float32, case, image)
    assert torch.equal(fp32["frames_np"], golden[f"{CASE}/frames_np"]), f"the float32 run does not reproduce {CASE}"
    print("self-check: the float32 run reproduces the golden's frames bit for bit", file=sys.stderr)

    bf16 = run(model_dir, torch.bfloat16, case, image)
    tensors = {f"bf16/{name}": t.float().contiguous() for name, t in bf16.items()}
    save_file(tensors, out, metadata={"format": "pt"})
    distances = {name: distance(tensors[f"bf16/{name}"], fp32[name].float()) for name in bf16}
    result = {
        "generator": "scripts/make_bf16_golden.py",
        "source_case": CASE,
        "call": {**case["call"], "output_type": "np"},
        "global_seed": case["global_seed"],
        "generator_seed": case["generator_seed"],
        "dtype": "torch_dtype=torch.bfloat16 for every component",
        "noise": "drawn in float32 and cast to bfloat16, as the engine draws it (see the script's docstring)",
        "versions": {"diffusers": diffusers.__version__, "torch": torch.__version__},
        "torch_num_threads": torch.get_num_threads(),
        # bf16 matmuls and convolutions go to oneDNN only with AVX-512; env.sh pins the AVX2 kernels, where
        # torch 1.13 runs them on its scalar fallbacks.
        "cpu_kernels": {k: os.environ.get(k) for k in ("ATEN_CPU_CAPABILITY", "ONEDNN_MAX_CPU_ISA", "OPENBLAS_CORETYPE")},
        "tensors": {
            "bf16/final_latents": "[1,4,F,h,w] latents after the last step, before decode_latents (bf16 values)",
            "bf16/frames_np": "[1,F,H,W,3] output_type='np' frames (bf16 values clamped to [0,1], as float32)",
        },
        "bf16_vs_fp32_golden": distances,
    }
    with open(out[: -len(".safetensors")] + ".manifest.json", "w") as f:
        json.dump(result, f, indent=1)
    print(json.dumps(distances, indent=1))


if __name__ == "__main__":
    main()
