#!/usr/bin/python3
"""Writes the small image fixtures of tst_image_loader / tst_image_preprocess and PIL's expected pixels.

    /usr/bin/python3 tests/data/images/make_fixtures.py      (Debian's python3-pil 9.4.0 + python3-numpy)

For every fixture file F this stores `load/F` = np.array(ImageOps.exif_transpose(Image.open(F)).convert("RGB"))
(what diffusers' load_image gives) in expected.safetensors, uint8 [H,W,3]. PIL cannot write some variants
(16-bit PNG, 2/4-bit grey PNG, BMP bitfields/RLE/top-down), so those are written byte by byte below and then
read back through PIL like the rest: the expectation is always PIL's decode, never our own idea of it.

It also stores resampler and center-crop cases: `resample/<case>/src` and `/out` (Image.resize with BOX or
BILINEAR) and `cropwide/<case>/src` and `/out` (diffusers' _center_crop_wide, copied arithmetic).
Deterministic (fixed numpy seed); rerunning rewrites identical files.
"""
import io
import json
import os
import struct
import zlib

import numpy as np
from PIL import Image, ImageOps

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.RandomState(1234)
EXPECTED = {}


def rand_rgb(w, h):
    return rng.randint(0, 256, size=(h, w, 3), dtype=np.uint8)


def expect(name):
    with Image.open(os.path.join(HERE, name)) as im:
        out = ImageOps.exif_transpose(im).convert("RGB")
        EXPECTED["load/" + name] = np.array(out, dtype=np.uint8)


def save(im, name, **kw):
    im.save(os.path.join(HERE, name), **kw)
    expect(name)


def write_bytes(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)
    expect(name)


# ---------------------------------------------------------------------------------------------------- EXIF
def exif_bytes(orientation, big_endian=False):
    """A minimal TIFF-structured EXIF block (without the 'Exif\\0\\0' prefix): IFD0 with Orientation."""
    e = ">" if big_endian else "<"
    head = (b"MM\x00\x2a" if big_endian else b"II\x2a\x00") + struct.pack(e + "I", 8)
    ifd = struct.pack(e + "H", 1) + struct.pack(e + "HHI", 0x0112, 3, 1) + struct.pack(e + "HH", orientation, 0)
    return head + ifd + struct.pack(e + "I", 0)


# ---------------------------------------------------------------------------------------------------- PNG
def png_chunk(tag, data):
    return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)


def raw_png(w, h, bit_depth, color_type, rows, extra=()):
    """rows: list of bytes per row (already packed); filter type 0 for every row."""
    ihdr = struct.pack(">IIBBBBB", w, h, bit_depth, color_type, 0, 0, 0)
    raw = b"".join(b"\x00" + r for r in rows)
    return (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr) + b"".join(png_chunk(t, d) for t, d in extra)
            + png_chunk(b"IDAT", zlib.compress(raw)) + png_chunk(b"IEND", b""))


def make_png():
    w, h = 5, 4
    rgb = rand_rgb(w, h)
    save(Image.fromarray(rgb, "RGB"), "png_rgb8.png")
    rgba = np.concatenate([rand_rgb(w, h), rng.randint(0, 256, (h, w, 1), dtype=np.uint8)], -1)
    rgba[0, 0, 3] = 0  # fully transparent pixel with a colour: PIL keeps the colour
    save(Image.fromarray(rgba, "RGBA"), "png_rgba8.png")
    save(Image.fromarray(rgb[..., 0], "L"), "png_gray8.png")
    la = np.stack([rgb[..., 1], rgb[..., 2]], -1)
    save(Image.fromarray(la, "LA"), "png_gray_alpha8.png")
    bits = (rng.randint(0, 2, (h, w)) * 255).astype(np.uint8)
    save(Image.fromarray(bits, "L").convert("1"), "png_gray1.png")
    pal = Image.fromarray(rgb, "RGB").quantize(colors=6)
    save(pal, "png_palette8.png")
    save(pal, "png_palette4.png", bits=4)
    # palette with a tRNS byte string: convert('RGB') drops the transparency (no compositing)
    save(pal, "png_palette_trns.png", transparency=bytes([0, 128, 255, 64, 255, 0]))
    save(Image.fromarray(rgb, "RGB"), "png_rgb_trns.png", transparency=tuple(int(v) for v in rgb[1, 1]))
    save(Image.fromarray(rgb, "RGB"), "png_exif6.png", exif=b"Exif\x00\x00" + exif_bytes(6))
    # byte-written variants
    g2 = rng.randint(0, 4, (h, w))
    rows = [bytes(np.packbits(np.unpackbits(r.astype(np.uint8)[:, None], axis=1)[:, 6:].reshape(-1))) for r in g2]
    write_bytes("png_gray2.png", raw_png(w, h, 2, 0, rows))
    g4 = rng.randint(0, 16, (h, w))
    rows = [bytes(np.packbits(np.unpackbits(r.astype(np.uint8)[:, None], axis=1)[:, 4:].reshape(-1))) for r in g4]
    write_bytes("png_gray4.png", raw_png(w, h, 4, 0, rows))
    g16 = rng.randint(0, 65536, (h, w)).astype(">u2")
    g16[0, :3] = [0, 200, 255]  # PIL opens grey16 as mode I and convert('RGB') clips to 0..255
    write_bytes("png_gray16.png", raw_png(w, h, 16, 0, [r.tobytes() for r in g16]))
    ga16 = rng.randint(0, 65536, (h, w, 2)).astype(">u2")
    write_bytes("png_gray_alpha16.png", raw_png(w, h, 16, 4, [r.tobytes() for r in ga16]))
    rgb16 = rng.randint(0, 65536, (h, w, 3)).astype(">u2")
    write_bytes("png_rgb16.png", raw_png(w, h, 16, 2, [r.tobytes() for r in rgb16]))
    rgba16 = rng.randint(0, 65536, (h, w, 4)).astype(">u2")
    write_bytes("png_rgba16.png", raw_png(w, h, 16, 6, [r.tobytes() for r in rgba16]))
    # eXIf before IDAT, big-endian EXIF, every transposing orientation
    for o in range(2, 9):
        write_bytes(f"png_exif_o{o}.png", raw_png(w, h, 8, 2, [r.tobytes() for r in rgb],
                                                   extra=[(b"eXIf", exif_bytes(o, big_endian=(o % 2 == 0)))]))


# ---------------------------------------------------------------------------------------------------- JPEG
def make_jpeg():
    w, h = 9, 6
    # smooth-ish content so the tiny files stay tiny
    y, x = np.mgrid[0:h, 0:w]
    base = np.stack([x * 28, y * 40, (x + y) * 16], -1).astype(np.uint8) ^ rand_rgb(w, h) // 8
    im = Image.fromarray(base, "RGB")
    save(im, "jpg_rgb420.jpg", quality=90)
    save(im, "jpg_rgb444.jpg", quality=90, subsampling=0)
    save(im, "jpg_progressive.jpg", quality=85, progressive=True)
    save(im.convert("L"), "jpg_gray.jpg", quality=90)
    save(im.convert("CMYK"), "jpg_cmyk.jpg", quality=90)  # PIL writes Adobe-inverted CMYK with an Adobe marker
    for o in (3, 6, 8):
        save(im, f"jpg_exif{o}.jpg", quality=90, exif=b"Exif\x00\x00" + exif_bytes(o))


# ---------------------------------------------------------------------------------------------------- WebP
def make_webp():
    w, h = 6, 5
    rgb = rand_rgb(w, h)
    save(Image.fromarray(rgb, "RGB"), "webp_lossless.webp", lossless=True)
    save(Image.fromarray(rgb, "RGB"), "webp_lossy.webp", quality=80)
    rgba = np.concatenate([rgb, rng.randint(0, 256, (h, w, 1), dtype=np.uint8)], -1)
    rgba[0, 0, 3] = 0
    save(Image.fromarray(rgba, "RGBA"), "webp_alpha.webp", lossless=True)
    f0, f1 = Image.fromarray(rand_rgb(w, h), "RGB"), Image.fromarray(rand_rgb(w, h), "RGB")
    save(f0, "webp_animated.webp", save_all=True, append_images=[f1], duration=100, lossless=True)
    save(Image.fromarray(rgb, "RGB"), "webp_exif6.webp", lossless=True, exif=b"Exif\x00\x00" + exif_bytes(6))


# ---------------------------------------------------------------------------------------------------- BMP
def raw_bmp(w, h, bpp, rows, palette=None, compression=0, top_down=False, masks=None, header_size=40, data=None):
    """rows: unpadded bottom-up (or top-down) row bytes; palette: list of (r,g,b)."""
    stride = ((w * bpp + 31) >> 3) & ~3
    pix = data if data is not None else b"".join(r + b"\x00" * (stride - len(r)) for r in rows)
    pal = b"".join(bytes([b, g, r, 0]) for r, g, b in (palette or []))
    extra = b""
    if masks is not None and header_size == 40:
        extra = b"".join(struct.pack("<I", m) for m in masks)
    info = struct.pack("<IiiHHIIiiII", header_size, w, -h if top_down else h, 1, bpp, compression, len(pix),
                       2835, 2835, len(palette or []), 0)
    if header_size > 40:
        m = list(masks or [0, 0, 0, 0]) + [0] * 4
        info += struct.pack("<IIII", *m[:4]) + b"\x00" * (header_size - 56)
    offset = 14 + len(info) + len(extra) + len(pal)
    head = b"BM" + struct.pack("<IHHI", offset + len(pix), 0, 0, offset)
    return head + info + extra + pal + pix


def make_bmp():
    w, h = 5, 3
    rgb = rand_rgb(w, h)
    save(Image.fromarray(rgb, "RGB"), "bmp_rgb24.bmp")
    save(Image.fromarray(rgb, "RGB").quantize(colors=5), "bmp_pal8.bmp")
    save(Image.fromarray(rgb[..., 0], "L"), "bmp_gray8.bmp")
    save(Image.fromarray((rng.randint(0, 2, (h, w)) * 255).astype(np.uint8), "L").convert("1"), "bmp_1bit.bmp")
    pal = [tuple(int(v) for v in rng.randint(0, 256, 3)) for _ in range(16)]
    idx = rng.randint(0, 16, (h, w))
    rows = [bytes((int(r[i]) << 4) | (int(r[i + 1]) if i + 1 < w else 0) for i in range(0, w, 2)) for r in idx[::-1]]
    write_bytes("bmp_pal4.bmp", raw_bmp(w, h, 4, rows, palette=pal))
    px16 = rng.randint(0, 65536, (h, w)).astype("<u2")
    write_bytes("bmp_555.bmp", raw_bmp(w, h, 16, [r.tobytes() for r in px16[::-1]]))
    write_bytes("bmp_565.bmp", raw_bmp(w, h, 16, [r.tobytes() for r in px16[::-1]], compression=3,
                                       masks=(0xF800, 0x7E0, 0x1F)))
    px32 = rng.randint(0, 256, (h, w, 4)).astype(np.uint8)
    write_bytes("bmp_bgrx32.bmp", raw_bmp(w, h, 32, [r.tobytes() for r in px32[::-1]]))
    write_bytes("bmp_bgra32_v5.bmp", raw_bmp(w, h, 32, [r.tobytes() for r in px32[::-1]], compression=3,
                                             masks=(0xFF0000, 0xFF00, 0xFF, 0xFF000000), header_size=124))
    write_bytes("bmp_topdown24.bmp", raw_bmp(w, h, 24, [r[:, ::-1].tobytes() for r in rgb], top_down=True))
    # RLE8, bottom row first: [run 3 x idx1, run 1 x idx3, end of line], [absolute 3: 2,3,4 + pad byte,
    # run 2 x idx4, end of line], [run 2 x idx0, end of line (rest zero)], end of bitmap
    rle = bytes([3, 1, 1, 3, 0, 0, 0, 3, 2, 3, 4, 0, 2, 4, 0, 0, 2, 0, 0, 0, 0, 1])
    write_bytes("bmp_rle8.bmp", raw_bmp(w, h, 8, None, palette=pal[:5], compression=1, data=rle))


# ---------------------------------------------------------------------------------------------------- TIFF
def make_tiff():
    w, h = 5, 4
    rgb = rand_rgb(w, h)
    save(Image.fromarray(rgb, "RGB"), "tif_rgb.tif")
    save(Image.fromarray(rgb, "RGB"), "tif_rgb_lzw.tif", compression="tiff_lzw")
    save(Image.fromarray(rgb, "RGB"), "tif_rgb_deflate.tif", compression="tiff_adobe_deflate")
    rgba = np.concatenate([rgb, rng.randint(0, 256, (h, w, 1), dtype=np.uint8)], -1)
    save(Image.fromarray(rgba, "RGBA"), "tif_rgba.tif")
    save(Image.fromarray(rgb[..., 1], "L"), "tif_gray.tif")
    save(Image.fromarray(rgb, "RGB").quantize(colors=7), "tif_pal8.tif")
    save(Image.fromarray((rng.randint(0, 2, (h, w)) * 255).astype(np.uint8), "L").convert("1"), "tif_1bit.tif")
    save(Image.fromarray(rgba, "RGBA").convert("CMYK"), "tif_cmyk.tif")
    im = Image.fromarray(rgb, "RGB")
    ex = im.getexif()
    # Pillow 9.4 transposes TIFFs by the tag on load AND again in exif_transpose (see TiffDecoder.cpp)
    for o in (6, 8):
        ex[0x0112] = o
        save(im, f"tif_orient{o}.tif", exif=ex)


# ---------------------------------------------------------------------------------------------------- resampling
RESAMPLE_CASES = [  # (name, src_w, src_h, dst_w, dst_h, filter)
    ("box_down_37x23_to_10x9", 37, 23, 10, 9, Image.BOX),
    ("box_up_7x5_to_13x11", 7, 5, 13, 11, Image.BOX),
    ("box_mixed_31x17_to_29x30", 31, 17, 29, 30, Image.BOX),
    ("box_w_only_40x12_to_17x12", 40, 12, 17, 12, Image.BOX),
    ("bilinear_down_37x23_to_10x9", 37, 23, 10, 9, Image.BILINEAR),
    ("bilinear_up_7x5_to_13x11", 7, 5, 13, 11, Image.BILINEAR),
    ("bilinear_mixed_31x17_to_29x30", 31, 17, 29, 30, Image.BILINEAR),
    ("bilinear_h_only_12x40_to_12x7", 12, 40, 12, 7, Image.BILINEAR),
    ("bilinear_down_67x45_to_32x32", 67, 45, 32, 32, Image.BILINEAR),
    ("bilinear_1x1_to_3x2", 1, 1, 3, 2, Image.BILINEAR),
]

CROPWIDE_CASES = [  # (name, src_w, src_h, target_w, target_h): odd sizes exercise the -1 starts
    ("50x37_to_16x16", 50, 37, 16, 16),
    ("50x37_to_24x16", 50, 37, 24, 16),
    ("37x50_to_16x24", 37, 50, 16, 24),
    ("45x31_to_31x17", 45, 31, 31, 17),
    ("33x33_to_40x24", 33, 33, 40, 24),
]


def center_crop_wide(image, resolution):  # diffusers 0.27.2 pipeline_i2vgen_xl._center_crop_wide (single image)
    scale = min(image.size[0] / resolution[0], image.size[1] / resolution[1])
    image = image.resize((round(image.width // scale), round(image.height // scale)), resample=Image.BOX)
    x1 = (image.width - resolution[0]) // 2
    y1 = (image.height - resolution[1]) // 2
    return image.crop((x1, y1, x1 + resolution[0], y1 + resolution[1]))


def make_resample():
    for name, sw, sh, dw, dh, flt in RESAMPLE_CASES:
        src = rand_rgb(sw, sh)
        EXPECTED[f"resample/{name}/src"] = src
        EXPECTED[f"resample/{name}/out"] = np.array(Image.fromarray(src, "RGB").resize((dw, dh), flt), dtype=np.uint8)
    for name, sw, sh, tw, th in CROPWIDE_CASES:
        src = rand_rgb(sw, sh)
        EXPECTED[f"cropwide/{name}/src"] = src
        EXPECTED[f"cropwide/{name}/out"] = np.array(center_crop_wide(Image.fromarray(src, "RGB"), (tw, th)),
                                                    dtype=np.uint8)


def lzw_uncompressed(indices, min_bits):
    """GIF LZW data that never grows the table: a clear code before every 2**min_bits - 2 literals."""
    clear, width, out, acc, n = 1 << min_bits, min_bits + 1, bytearray(), 0, 0
    codes = []
    for i, v in enumerate(indices):
        if i % (clear - 2) == 0:
            codes.append(clear)
        codes.append(v)
    codes.append(clear + 1)
    for c in codes:
        acc |= c << n
        n += width
        while n >= 8:
            out.append(acc & 0xFF)
            acc >>= 8
            n -= 8
    if n:
        out.append(acc & 0xFF)
    blocks = b"".join(bytes([len(out[i:i + 255])]) + bytes(out[i:i + 255]) for i in range(0, len(out), 255))
    return bytes([min_bits]) + blocks + b"\x00"


def raw_gif(screen, frames, global_palette=None, background=0):
    """frames: dicts with x, y, w, h, indices, min_bits, and optional local_palette, transparency, interlace."""
    flags = 0
    gp = b""
    if global_palette is not None:
        bits = max(1, (len(global_palette) // 3 - 1).bit_length())
        gp = bytes(global_palette) + bytes(3 * (1 << bits) - len(global_palette))
        flags = 0x80 | (bits - 1)
    out = b"GIF89a" + struct.pack("<HHBBB", screen[0], screen[1], flags, background, 0) + gp
    for f in frames:
        if "transparency" in f:
            out += b"!\xf9\x04" + struct.pack("<BHB", 1, 10, f["transparency"]) + b"\x00"
        lflags, lp = 0, b""
        if "local_palette" in f:
            bits = max(1, (len(f["local_palette"]) // 3 - 1).bit_length())
            lp = bytes(f["local_palette"]) + bytes(3 * (1 << bits) - len(f["local_palette"]))
            lflags = 0x80 | (bits - 1)
        if f.get("interlace"):
            lflags |= 0x40
        out += b"," + struct.pack("<HHHHB", f["x"], f["y"], f["w"], f["h"], lflags) + lp
        out += lzw_uncompressed(f["indices"], f["min_bits"])
    return out + b";"


def make_gif():
    w, h = 5, 4
    rgb = rand_rgb(w, h)
    save(Image.fromarray(rgb, "RGB").quantize(colors=7), "gif_palette.gif")
    f0 = Image.fromarray(rand_rgb(w, h), "RGB")
    f1 = Image.fromarray(rand_rgb(w, h), "RGB")
    save(f0, "gif_animated.gif", save_all=True, append_images=[f1], duration=100, loop=0)
    # 64x48 with 256 colours: Pillow interlaces it (>= 16 px) and its LZW codes grow to 12 bits and clear.
    save(Image.fromarray(rand_rgb(64, 48), "RGB").quantize(colors=256), "gif_interlaced256.gif")
    # Hand-made: a frame smaller than the screen with a transparent index (the rest of the canvas takes it),
    # indices past a 4-colour global palette (Pillow's grey ramp).
    idx = [int(v) for v in rng.randint(0, 8, size=12)]
    write_bytes("gif_offset_trns.gif", raw_gif((6, 5), [dict(x=1, y=1, w=4, h=3, indices=idx, min_bits=3,
                                                              transparency=2)],
                                               global_palette=[10, 20, 30, 200, 0, 0, 0, 200, 0, 0, 0, 200]))
    # A local palette overriding the global one, a frame reaching past the screen (the canvas grows), and a
    # second, interlaced frame that only counts.
    idx = [int(v) for v in rng.randint(0, 2, size=12)]
    write_bytes("gif_local_grow.gif", raw_gif((3, 3), [
        dict(x=2, y=0, w=3, h=4, indices=idx, min_bits=2, local_palette=[255, 0, 0, 0, 255, 0]),
        dict(x=0, y=0, w=3, h=3, indices=[1] * 9, min_bits=2, interlace=True)],
        global_palette=[1, 2, 3, 4, 5, 6]))
    # No palette at all: indices are grey levels.
    idx = [int(v) for v in rng.randint(0, 16, size=20)]
    write_bytes("gif_no_palette.gif", raw_gif((5, 4), [dict(x=0, y=0, w=5, h=4, indices=idx, min_bits=4)]))


def write_safetensors(path, tensors):
    header, blobs, off = {}, [], 0
    for k in sorted(tensors):
        a = np.ascontiguousarray(tensors[k])
        assert a.dtype == np.uint8
        b = a.tobytes()
        header[k] = {"dtype": "U8", "shape": list(a.shape), "data_offsets": [off, off + len(b)]}
        blobs.append(b)
        off += len(b)
    h = json.dumps(header, separators=(",", ":")).encode()
    h += b" " * (-len(h) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(h)) + h + b"".join(blobs))


if __name__ == "__main__":
    make_png()
    make_jpeg()
    make_webp()
    make_bmp()
    make_tiff()
    make_resample()
    make_gif()  # after the others: the shared random stream of the older fixtures stays as it was
    write_safetensors(os.path.join(HERE, "expected.safetensors"), EXPECTED)
    print(len(EXPECTED), "expected arrays")
