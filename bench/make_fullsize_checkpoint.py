#!/usr/bin/env python3
"""Write a random-weight I2VGen-XL checkpoint with the REAL ali-vilab/i2vgen-xl component sizes, in the
diffusers folder layout, fp32 files and `.fp16` variant files side by side. For benchmarks only.

    ../shared/reference/env.sh /usr/bin/python3 bench/make_fullsize_checkpoint.py OUT_DIR

Sizes (ali-vilab/i2vgen-xl configs): UNet block_out_channels 320/640/1280/1280, head dim 64, cross-attention
1024 (~1.43 B parameters); VAE 128/256/512/512 (~84 M); text encoder OpenCLIP ViT-H/14 text tower (1024
wide, 23 layers, ~354 M); image encoder ViT-H/14 vision tower (1280 wide, 32 layers, 224 px, patch 14, ~632 M).
It reuses the harness's make_tiny.build() (real topology, diffusers' own save_pretrained), so the layout
is diffusers' exactly. About 10 GB fp32 + 5 GB fp16; OUT_DIR must be outside the repository.
"""
import argparse
import json
import os
import shutil
import sys

import torch

DTYPE_TAGS = {torch.float32: "F32", torch.float16: "F16", torch.bfloat16: "BF16", torch.int64: "I64"}


def streaming_save_file(tensors, filename, metadata=None):
    """safetensors.torch.save_file, one tensor in memory at a time (the harness's pure-Python shim packs
    the whole file in memory, three copies of a 5.7 GB UNet: more than this machine has)."""
    header, offset = {}, 0
    if metadata:
        header["__metadata__"] = metadata
    for name, t in tensors.items():
        size = t.numel() * t.element_size()
        header[name] = {"dtype": DTYPE_TAGS[t.dtype], "shape": list(t.shape), "data_offsets": [offset, offset + size]}
        offset += size
    blob = json.dumps(header, separators=(",", ":")).encode()
    blob += b" " * (-len(blob) % 8)
    with open(filename, "wb") as f:
        f.write(len(blob).to_bytes(8, "little"))
        f.write(blob)
        for t in tensors.values():
            t = t.detach().contiguous().cpu()
            raw = t.view(torch.int16) if t.dtype in (torch.float16, torch.bfloat16) else t
            f.write(raw.numpy().tobytes())


FULL = dict(
    seed=0,
    unet=dict(block_out_channels=(320, 640, 1280, 1280), norm_num_groups=32, attention_head_dim=64,
              cross_attention_dim=1024),
    vae=dict(block_out_channels=(128, 256, 512, 512), norm_num_groups=32),
    text=dict(hidden_size=1024, intermediate_size=4096, num_hidden_layers=23, num_attention_heads=16),
    vision=dict(hidden_size=1280, intermediate_size=5120, num_hidden_layers=32, num_attention_heads=16,
                image_size=224, patch_size=14),
)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out_dir")
    args = ap.parse_args()
    out = os.path.abspath(args.out_dir)
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    if out.startswith(repo + os.sep):
        sys.exit("write the checkpoint outside the repository (it is ~15 GB)")
    sys.path.insert(0, os.environ["REF_DIR"])  # set by env.sh
    import make_tiny
    from diffusers import I2VGenXLPipeline
    from transformers import CLIPTokenizer

    import safetensors.torch
    import transformers.modeling_utils
    safetensors.torch.save_file = streaming_save_file           # diffusers calls it through the module
    transformers.modeling_utils.safe_save_file = streaming_save_file
    make_tiny.VARIANTS["full"] = FULL
    tok_dir = make_tiny.DEFAULT_TOK
    tokenizer = CLIPTokenizer(os.path.join(tok_dir, "vocab.json"), os.path.join(tok_dir, "merges.txt"),
                              errors="replace", unk_token="<|endoftext|>", bos_token="<|startoftext|>",
                              eos_token="<|endoftext|>", pad_token="<|endoftext|>", model_max_length=77)
    comps = make_tiny.build("full")
    pipe = I2VGenXLPipeline(tokenizer=tokenizer, **comps)
    if os.path.exists(out):
        shutil.rmtree(out)
    pipe.save_pretrained(out, safe_serialization=True)
    pipe.to(torch.float16)
    pipe.save_pretrained(out, safe_serialization=True, variant="fp16")
    params = {n: sum(p.numel() for p in getattr(pipe, n).parameters())
              for n in ("unet", "vae", "text_encoder", "image_encoder")}
    size = sum(os.path.getsize(os.path.join(r, f)) for r, _, fs in os.walk(out) for f in fs)
    print(json.dumps({"out_dir": out, "params": params, "bytes_on_disk": size}, indent=1))


if __name__ == "__main__":
    main()
