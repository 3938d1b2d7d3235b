#!/usr/bin/env python3
"""Tiny random-weight I2VGen-XL checkpoints with topologies other than the real model's, and diffusers' outputs for them.

    ../shared/reference/env.sh /usr/bin/python3 tests/data/make_topology_variants.py tests/data [--only NAME]

Writes, for every variant below, the diffusers folder `models/<name>/` (diffusers' own `save_pretrained`) and
`golden/<name>.safetensors` + `golden/<name>.manifest.json`: for each case the final latents (what the pipeline hands
to `decode_latents`) and the `output_type="np"` frames, with every call argument and seed in the manifest in the
schema of `golden/tiny-a.manifest.json` (tests/parity/tst_pipeline_topologies.cpp reads both). The input picture is
`golden/tiny-a.input.png`. Uses the reference harness (../shared/reference: make_tiny.perturb, env.sh pins).

The variants differ from the real checkpoint in what the engine must derive from the configs: the number of UNet
blocks and their types, layers per block, head dims, norm groups, the cross-attention width, the VAE's depth (scale
factor 1, 2, 4 instead of 8), the CLIP image size and normalisation, the scheduler's prediction type, beta schedule,
spacing and offsets, and fp16-only weight files.
"""
import argparse
import json
import os
import sys

import numpy as np
import PIL.Image
import torch

REF = os.environ.get("REF_DIR") or os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../shared/reference")
sys.path.insert(0, REF)
import make_tiny  # noqa: E402  (perturb, CLIP constants, tokenizer location)
import ref_patches  # noqa: E402,F401  (torch 1.13 baddbmm(beta=0) workaround)

from diffusers import (AutoencoderKL, DDIMScheduler, DPMSolverMultistepScheduler, EulerAncestralDiscreteScheduler,  # noqa: E402
                       EulerDiscreteScheduler, I2VGenXLPipeline, I2VGenXLUNet, UniPCMultistepScheduler)
from safetensors.torch import save_file  # noqa: E402
from transformers import (CLIPImageProcessor, CLIPTextConfig, CLIPTextModel, CLIPTokenizer, CLIPVisionConfig,  # noqa: E402
                          CLIPVisionModelWithProjection)

torch.set_num_threads(1)

PROMPT = "A red fox jumping over a frozen river at sunset, cinematic lighting, 4k"
NEGATIVE = "Distorted, discontinuous, Ugly, blurry, low resolution, motionless, static"

VARIANTS = {
    # Two UNet levels, one layer per block, 2-level VAE (scale factor 2), epsilon prediction with scaled_linear betas,
    # trailing spacing, SD-style alpha handling; CLIP image 24 px with [0.5] normalisation.
    "tiny-b": dict(
        seed=1,
        unet=dict(down_block_types=("CrossAttnDownBlock3D", "DownBlock3D"), up_block_types=("UpBlock3D", "CrossAttnUpBlock3D"),
                  block_out_channels=(16, 32), layers_per_block=1, norm_num_groups=4, attention_head_dim=4,
                  cross_attention_dim=24, sample_size=16),
        vae=dict(block_out_channels=(16, 24), layers_per_block=1, norm_num_groups=4, scaling_factor=0.13025),
        text=dict(hidden_size=24, intermediate_size=48, num_hidden_layers=2, num_attention_heads=3),
        vision=dict(hidden_size=24, intermediate_size=48, num_hidden_layers=1, num_attention_heads=2, image_size=24, patch_size=8),
        clip_norm=([0.5, 0.5, 0.5], [0.5, 0.5, 0.5]),
        scheduler=dict(beta_schedule="scaled_linear", beta_start=0.00085, beta_end=0.012, prediction_type="epsilon",
                       timestep_spacing="trailing", steps_offset=0, set_alpha_to_one=False, clip_sample=False),
        cases=[
            dict(name="ddim_h32w48_f3", call=dict(height=32, width=48, num_frames=3, num_inference_steps=3, eta=0.0)),
            dict(name="dpmpp_h48w32_f2", scheduler="DPMSolverMultistepScheduler",
                 call=dict(height=48, width=32, num_frames=2, num_inference_steps=3)),
        ],
    ),
    # Three UNet levels with two cross-attention up blocks, a 1-level VAE (scale factor 1: latents at pixel size),
    # v-prediction with linear betas, linspace spacing and zero-SNR rescaling; CLIP image 40 px.
    "tiny-c": dict(
        seed=2,
        unet=dict(down_block_types=("CrossAttnDownBlock3D", "CrossAttnDownBlock3D", "DownBlock3D"),
                  up_block_types=("UpBlock3D", "CrossAttnUpBlock3D", "CrossAttnUpBlock3D"),
                  block_out_channels=(16, 16, 32), layers_per_block=2, norm_num_groups=8, attention_head_dim=8,
                  cross_attention_dim=32, sample_size=32),
        vae=dict(block_out_channels=(16,), layers_per_block=1, norm_num_groups=8, scaling_factor=0.5),
        text=dict(hidden_size=32, intermediate_size=64, num_hidden_layers=1, num_attention_heads=2),
        vision=dict(hidden_size=32, intermediate_size=64, num_hidden_layers=1, num_attention_heads=4, image_size=40, patch_size=8),
        scheduler=dict(beta_schedule="linear", beta_start=0.0001, beta_end=0.02, prediction_type="v_prediction",
                       timestep_spacing="linspace", steps_offset=0, rescale_betas_zero_snr=True, set_alpha_to_one=True,
                       clip_sample=False),
        fp16_only=True,
        cases=[
            dict(name="ddim_h24w40_f4", call=dict(height=24, width=40, num_frames=4, num_inference_steps=3, eta=0.0)),
            dict(name="unipc_h24w24_f2", scheduler="UniPCMultistepScheduler",
                 call=dict(height=24, width=24, num_frames=2, num_inference_steps=3)),
        ],
    ),
    # The real block types with a 5-level VAE (scale factor 16: a multiple of 8 is not enough) and latent sizes the
    # UNet cannot halve three times (upsample sizes forwarded), other widths everywhere, fp16-only weight files,
    # epsilon with squaredcos betas.
    "tiny-d": dict(
        seed=3,
        unet=dict(block_out_channels=(16, 16, 24, 32), layers_per_block=1, norm_num_groups=8, attention_head_dim=8,
                  cross_attention_dim=16, sample_size=8),
        vae=dict(block_out_channels=(16, 16, 24, 24, 32), layers_per_block=2, norm_num_groups=8, scaling_factor=0.3),
        text=dict(hidden_size=16, intermediate_size=32, num_hidden_layers=2, num_attention_heads=2),
        vision=dict(hidden_size=16, intermediate_size=32, num_hidden_layers=2, num_attention_heads=2, image_size=16, patch_size=4),
        scheduler=dict(beta_schedule="squaredcos_cap_v2", prediction_type="epsilon", timestep_spacing="leading",
                       steps_offset=1, set_alpha_to_one=True, clip_sample=False),
        fp16_only=True,
        cases=[
            dict(name="ddim_eta03_h48w32_f2", call=dict(height=48, width=32, num_frames=2, num_inference_steps=3, eta=0.3)),
            dict(name="eulera_h32w80_f3", scheduler="EulerAncestralDiscreteScheduler",
                 call=dict(height=32, width=80, num_frames=3, num_inference_steps=3)),
            dict(name="nocfg_euler_h48w48_f1", scheduler="EulerDiscreteScheduler",
                 call=dict(height=48, width=48, num_frames=1, num_inference_steps=2, guidance_scale=1.0, negative_prompt=None,
                           target_fps=8)),
        ],
    ),
    # The dimensions of diffusers' own fast test (tests/pipelines/i2vgen_xl/test_i2vgenxl.py): 4-wide everything,
    # norm groups of 2, a 1-level VAE, CLIP patches of 1 pixel, the SD-style scaled_linear epsilon scheduler with
    # its other options at their defaults.
    "tiny-e": dict(
        seed=4,
        unet=dict(down_block_types=("CrossAttnDownBlock3D", "DownBlock3D"), up_block_types=("UpBlock3D", "CrossAttnUpBlock3D"),
                  block_out_channels=(4, 8), layers_per_block=1, norm_num_groups=2, attention_head_dim=4,
                  cross_attention_dim=4, sample_size=32),
        vae=dict(block_out_channels=(8,), layers_per_block=1, norm_num_groups=2, scaling_factor=0.18215),
        text=dict(hidden_size=4, intermediate_size=16, num_hidden_layers=2, num_attention_heads=2),
        vision=dict(hidden_size=4, intermediate_size=16, num_hidden_layers=2, num_attention_heads=2, image_size=32, patch_size=1),
        scheduler=dict(beta_schedule="scaled_linear", beta_start=0.00085, beta_end=0.012, clip_sample=False,
                       set_alpha_to_one=False),
        cases=[
            dict(name="ddim_h32w32_f2", call=dict(height=32, width=32, num_frames=2, num_inference_steps=2, eta=0.0)),
            dict(name="ddim_h16w40_f3", call=dict(height=16, width=40, num_frames=3, num_inference_steps=3, eta=0.0)),
        ],
    ),
}

SCHEDULERS = {c.__name__: c for c in (DDIMScheduler, DPMSolverMultistepScheduler, EulerDiscreteScheduler,
                                      EulerAncestralDiscreteScheduler, UniPCMultistepScheduler)}


def build(v):
    u = v["unet"]
    cad = u["cross_attention_dim"]
    torch.manual_seed(v["seed"])
    unet = I2VGenXLUNet(in_channels=4, out_channels=4, num_attention_heads=None, **u)
    torch.manual_seed(v["seed"] + 100)
    nvae = len(v["vae"]["block_out_channels"])
    vae = AutoencoderKL(in_channels=3, out_channels=3, down_block_types=("DownEncoderBlock2D",) * nvae,
                        up_block_types=("UpDecoderBlock2D",) * nvae, act_fn="silu", latent_channels=4, sample_size=64,
                        force_upcast=True, **v["vae"])
    torch.manual_seed(v["seed"] + 200)
    text = CLIPTextModel(CLIPTextConfig(vocab_size=49408, max_position_embeddings=77, hidden_act="gelu", layer_norm_eps=1e-5,
                                        projection_dim=cad, bos_token_id=0, eos_token_id=2, pad_token_id=1, **v["text"]))
    torch.manual_seed(v["seed"] + 300)
    image = CLIPVisionModelWithProjection(CLIPVisionConfig(hidden_act="gelu", layer_norm_eps=1e-5, projection_dim=cad,
                                                           num_channels=3, **v["vision"]))
    gen = torch.Generator().manual_seed(10_000 + v["seed"])
    for m in (unet, vae, text, image):
        make_tiny.perturb(m, gen)
        m.eval()
    s = v["vision"]["image_size"]
    mean, std = v.get("clip_norm", (make_tiny.OPENAI_CLIP_MEAN, make_tiny.OPENAI_CLIP_STD))
    fe = CLIPImageProcessor(do_resize=True, size={"shortest_edge": s}, resample=3, do_center_crop=True,
                            crop_size={"height": s, "width": s}, do_rescale=True, rescale_factor=1 / 255, do_normalize=True,
                            image_mean=mean, image_std=std, do_convert_rgb=True)
    tok_dir = make_tiny.DEFAULT_TOK
    tokenizer = CLIPTokenizer(os.path.join(tok_dir, "vocab.json"), os.path.join(tok_dir, "merges.txt"), errors="replace",
                              unk_token="<|endoftext|>", bos_token="<|startoftext|>", eos_token="<|endoftext|>",
                              pad_token="<|endoftext|>", model_max_length=77)
    return I2VGenXLPipeline(unet=unet, vae=vae, text_encoder=text, image_encoder=image, tokenizer=tokenizer,
                            feature_extractor=fe, scheduler=DDIMScheduler(**v["scheduler"]))


def strict(o):  # strict JSON: non-finite floats as strings, tuples as lists
    if isinstance(o, float) and not np.isfinite(o):
        return str(o)
    if isinstance(o, dict):
        return {str(k): strict(x) for k, x in o.items()}
    if isinstance(o, (list, tuple)):
        return [strict(x) for x in o]
    return o if o is None or isinstance(o, (bool, int, float, str)) else str(o)


def make(name, v, data_dir):
    model_dir = os.path.join(data_dir, "models", name)
    pipe = build(v)
    if v.get("fp16_only"):
        pipe.to(torch.float16).save_pretrained(model_dir, safe_serialization=True, variant="fp16")
        pipe = I2VGenXLPipeline.from_pretrained(model_dir, variant="fp16", torch_dtype=torch.float32)
    else:
        pipe.save_pretrained(model_dir, safe_serialization=True)
        pipe = I2VGenXLPipeline.from_pretrained(model_dir, torch_dtype=torch.float32)
    pipe.set_progress_bar_config(disable=True)
    base_cfg = dict(pipe.scheduler.config)
    image = PIL.Image.open(os.path.join(data_dir, "golden", "tiny-a.input.png")).convert("RGB")

    tensors, cases = {}, {}
    for case in v["cases"]:
        call = dict(prompt=PROMPT, negative_prompt=NEGATIVE, guidance_scale=9.0, target_fps=16)
        call.update(case["call"])
        sched = case.get("scheduler", "DDIMScheduler")
        pipe.scheduler = SCHEDULERS[sched].from_config(base_cfg)
        final = {}
        decode = pipe.decode_latents

        def capture(latents, *a, **k):
            final["latents"] = latents.clone()
            return decode(latents, *a, **k)

        pipe.decode_latents = capture
        torch.manual_seed(42)  # the VAE posterior sample draws from the global RNG
        with torch.no_grad():
            out = pipe(image=image, generator=torch.Generator("cpu").manual_seed(0), output_type="np", **call)
        del pipe.decode_latents
        steps = call["num_inference_steps"]
        tensors[f"{case['name']}/step{steps - 1}/latents"] = final["latents"].contiguous()
        tensors[f"{case['name']}/frames_np"] = torch.from_numpy(np.ascontiguousarray(out.frames)).contiguous()
        cases[case["name"]] = dict(call={**call, "image": "golden/tiny-a.input.png", "output_type": "np"}, scheduler=sched,
                                   scheduler_config=dict(pipe.scheduler.config), global_seed=42, generator_seed=0,
                                   num_unet_calls=steps)
        print(name, case["name"], "done", file=sys.stderr)

    golden = os.path.join(data_dir, "golden", name)
    save_file(tensors, golden + ".safetensors", metadata={"generator": "make_topology_variants.py"})
    manifest = dict(model_dir=f"models/{name}", input_image="golden/tiny-a.input.png", variant=strict(v), cases=cases,
                    tensors={k: dict(shape=list(t.shape), dtype=str(t.dtype).replace("torch.", "")) for k, t in tensors.items()})
    with open(golden + ".manifest.json", "w", encoding="utf-8") as f:
        json.dump(strict(manifest), f, indent=1, ensure_ascii=False, allow_nan=False)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("data_dir")
    ap.add_argument("--only")
    args = ap.parse_args()
    for name, v in VARIANTS.items():
        if not args.only or args.only == name:
            make(name, v, args.data_dir)


if __name__ == "__main__":
    main()
