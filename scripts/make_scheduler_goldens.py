#!/usr/bin/env python3
"""Scheduler-only goldens from diffusers 0.27.2 for the schedulers and options tiny-a.* does not cover.

    ../shared/reference/env.sh /usr/bin/python3 scripts/make_scheduler_goldens.py \
        tests/data/models/tiny-a tests/data/golden/tiny-a.safetensors tests/data/golden/schedulers-extra.safetensors

Each case builds `<Class>.from_config(checkpoint scheduler_config.json, **overrides)` and runs the denoising
loop exactly as I2VGenXLPipeline drives the scheduler: one CPU generator seeded with `generator_seed` draws
the initial noise ([1,4,F,h,w]) and then whatever the scheduler draws; latents start at
init_noise * init_noise_sigma; the model input is scale_model_input(cat([latents]*2), t); step() gets the
per-frame reshape [F,4,h,w]. The model outputs are the golden's `ddim_h64w96_f4/stepK/noise_pred`, cycled
(K = step % 4): what matters here is the scheduler's arithmetic, not what a UNet would have said.
Writes OUT.safetensors and OUT.manifest.json (every case's config, overrides, call and tensor list).
"""
import json
import os
import sys

import torch
import diffusers
from diffusers import (DDIMScheduler, DDPMScheduler, DPMSolverMultistepScheduler, EulerAncestralDiscreteScheduler,
                       EulerDiscreteScheduler, UniPCMultistepScheduler)
from safetensors.torch import load_file, save_file

SOURCE_CASE = "ddim_h64w96_f4"
CASES = [
    # name, class, config overrides, steps, step kwargs
    ("euler_a_leading4", EulerAncestralDiscreteScheduler, {}, 4, {}),
    ("unipc_leading4", UniPCMultistepScheduler, {}, 4, {}),
    ("unipc_order3_linspace8", UniPCMultistepScheduler, {"solver_order": 3, "timestep_spacing": "linspace"}, 8, {}),
    ("ddpm_leading4", DDPMScheduler, {}, 4, {}),
    ("ddim_trailing_eta1_5", DDIMScheduler, {"timestep_spacing": "trailing"}, 5, {"eta": 1.0}),
    ("ddim_linspace_eps_clip6", DDIMScheduler, {"timestep_spacing": "linspace", "prediction_type": "epsilon",
                                                "clip_sample": True, "rescale_betas_zero_snr": False}, 6, {"eta": 0.0}),
    ("dpmpp_order3_trailing6", DPMSolverMultistepScheduler, {"solver_order": 3, "timestep_spacing": "trailing"}, 6, {}),
    ("dpmpp_sde_leading4", DPMSolverMultistepScheduler, {"algorithm_type": "sde-dpmsolver++"}, 4, {}),
    ("euler_linspace6", EulerDiscreteScheduler, {"timestep_spacing": "linspace"}, 6, {}),
]


def run_loop(sched, shape, seed, outputs, step_kwargs):
    """The pipeline's scheduler loop; yields (-1, None, None, init_latents), then (k, model_in, result, latents)."""
    gen = torch.Generator("cpu").manual_seed(seed)
    latents = torch.randn(shape, generator=gen) * sched.init_noise_sigma
    yield -1, None, None, latents
    b, c, f, h, w = shape
    accepts_generator = "generator" in sched.step.__code__.co_varnames
    for k, t in enumerate(sched.timesteps):
        model_in = sched.scale_model_input(torch.cat([latents] * 2), t)
        mo = outputs[k % len(outputs)]
        lat_f = latents.permute(0, 2, 1, 3, 4).reshape(b * f, c, h, w)
        mo_f = mo.permute(0, 2, 1, 3, 4).reshape(b * f, c, h, w)
        kw = dict(step_kwargs)
        if accepts_generator:
            kw["generator"] = gen
        res = sched.step(mo_f, t, lat_f, **kw)
        latents = res.prev_sample[None, :].reshape(b, f, c, h, w).permute(0, 2, 1, 3, 4)
        yield k, model_in, res, latents


def self_check(base_cfg, golden, gm):
    """This loop must reproduce the pipeline's own DDIM and Euler goldens bit for bit before it makes new ones."""
    for case, cls in ((SOURCE_CASE, DDIMScheduler), ("euler_h64w96_f4", EulerDiscreteScheduler)):
        src = gm["cases"][case]
        sched = cls.from_config(base_cfg)
        sched.set_timesteps(src["call"]["num_inference_steps"])
        outs = [golden[f"{case}/step{k}/noise_pred"] for k in range(4)]
        for k, model_in, res, latents in run_loop(sched, src["latent_shape"], src["generator_seed"], outs,
                                                  {"eta": 0.0} if cls is DDIMScheduler else {}):
            if k < 0:
                assert torch.equal(latents, golden[f"{case}/init_latents"]), (case, "init_latents")
                continue
            assert torch.equal(model_in, golden[f"{case}/step{k}/unet_sample"]), (case, k, "unet_sample")
            assert torch.equal(latents, golden[f"{case}/step{k}/latents"]), (case, k, "latents")
    print("self-check: the loop reproduces the tiny-a DDIM and Euler goldens bit-exactly", file=sys.stderr)


def main():
    model_dir, golden_path, out = sys.argv[1:4]
    torch.set_num_threads(1)
    with open(os.path.join(model_dir, "scheduler", "scheduler_config.json")) as f:
        base_cfg = json.load(f)
    golden = load_file(golden_path)
    with open(golden_path[: -len(".safetensors")] + ".manifest.json") as f:
        gm = json.load(f)
    src = gm["cases"][SOURCE_CASE]
    seed = src["generator_seed"]
    shape = src["latent_shape"]
    outputs = [golden[f"{SOURCE_CASE}/step{k}/noise_pred"] for k in range(4)]

    self_check(base_cfg, golden, gm)
    tensors, manifest = {}, {"generator": "scripts/make_scheduler_goldens.py", "diffusers": diffusers.__version__,
                             "torch": torch.__version__, "source_case": SOURCE_CASE,
                             "model_outputs": f"{SOURCE_CASE}/step(k % 4)/noise_pred of the tiny-a golden",
                             "cases": {}}
    for name, cls, overrides, steps, step_kwargs in CASES:
        sched = cls.from_config({**base_cfg, **overrides})
        sched.set_timesteps(steps)
        P = name + "/"
        tensors[P + "timesteps"] = sched.timesteps.clone()
        if hasattr(sched, "sigmas"):
            tensors[P + "sigmas"] = sched.sigmas.clone()
        tensors[P + "init_noise_sigma"] = torch.tensor(float(sched.init_noise_sigma))
        b, c, f, h, w = shape
        accepts_generator = "generator" in sched.step.__code__.co_varnames
        prev_latents = None
        for k, model_in, res, latents in run_loop(sched, shape, seed, outputs, step_kwargs):
            if k < 0:
                tensors[P + "init_latents"] = latents.clone()
                prev_latents = latents
                continue
            S = P + f"step{k}/"
            if not torch.equal(model_in, torch.cat([prev_latents] * 2)):  # identity except for the Euler classes
                tensors[S + "unet_sample"] = model_in.clone()
            tensors[S + "latents"] = latents.contiguous().clone()
            if getattr(res, "pred_original_sample", None) is not None:
                tensors[S + "pred_original_sample"] = (
                    res.pred_original_sample[None, :].reshape(b, f, c, h, w).permute(0, 2, 1, 3, 4).contiguous().clone())
            prev_latents = latents
        manifest["cases"][name] = {
            "scheduler": cls.__name__, "config_overrides": overrides, "num_inference_steps": steps,
            "step_kwargs": step_kwargs, "generator_seed": seed, "latent_shape": shape,
            "passes_generator": accepts_generator,
            "scheduler_config": {k: (v if not isinstance(v, float) or v == v and abs(v) != float("inf") else str(v))
                                 for k, v in dict(sched.config).items()},
        }
    tensors = {k: v.contiguous() for k, v in tensors.items()}
    save_file(tensors, out, metadata={"generator": "make_scheduler_goldens.py", "diffusers": diffusers.__version__})
    manifest["tensors"] = {k: {"shape": list(v.shape), "dtype": str(v.dtype).replace("torch.", "")} for k, v in tensors.items()}
    with open(out[: -len(".safetensors")] + ".manifest.json", "w") as f:
        json.dump(manifest, f, indent=1, default=str)
    print(f"wrote {out}: {len(tensors)} tensors, {os.path.getsize(out)} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
