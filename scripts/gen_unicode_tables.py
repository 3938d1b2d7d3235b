#!/usr/bin/env python3
"""Writes core/text/UnicodeTables.inc: the Unicode data behind core/text/Unicode.cpp.

The tables are read off the very Python the reference pipeline runs (python3.11's `unicodedata`, str.lower/upper
and the `regex` module that transformers' CLIPTokenizer compiles its pattern with), so the engine reproduces
that Python's behaviour code point for code point, whatever Unicode version a system library would know, and
core/ needs no ICU. Re-run after a change of reference Python or `regex`:

    ../shared/reference/env.sh sh -c '$REF_PY scripts/gen_unicode_tables.py'   # the harness's python3

It also writes tests/data/unicode/python_vectors.tsv (see tst_unicode) unless --no-vectors is given.
"""
import argparse
import random
import sys
import unicodedata

import regex

MAX = 0x110000
BLOCK = 256

# Property bits, one byte per code point (UnicodeTables.inc: kPropStage1 / kPropStage2).
LETTER = 1 << 0          # regex \p{L}
NUMBER = 1 << 1          # regex \p{N}
WHITE_SPACE = 1 << 2     # regex \s (White_Space)
OTHER_CAT = 1 << 3       # unicodedata.category() starts with "C"
SPACE_SEP = 1 << 4       # unicodedata.category() == "Zs"
CASE_IGNORABLE = 1 << 5  # what str.lower() skips when it decides on a final sigma
CASED = 1 << 6           # what counts as a cased letter there (only meaningful when not CASE_IGNORABLE)

SIGMA = "\u03a3"
FINAL_SIGMA = "\u03c2"


def properties(cp):
    c = chr(cp)
    bits = 0
    if regex.match(r"\p{L}", c):
        bits |= LETTER
    if regex.match(r"\p{N}", c):
        bits |= NUMBER
    if regex.match(r"\s", c):
        bits |= WHITE_SPACE
    cat = unicodedata.category(c)
    if cat.startswith("C"):
        bits |= OTHER_CAT
    if cat == "Zs":
        bits |= SPACE_SEP
    # CPython's Final_Sigma rule only asks two questions of a neighbour: is it case-ignorable, and if not, is it
    # cased. Both are read off str.lower() itself (probes: "A" c "Σ" and "AΣ" c):
    #   ignorable       -> both probes give a final sigma;
    #   not ignorable   -> exactly one does: the first when c is cased, the second when it is not.
    after_cased = ("A" + c + SIGMA).lower()[-1] == FINAL_SIGMA
    before_end = ("A" + SIGMA + c).lower()[1] == FINAL_SIGMA
    if after_cased and before_end:
        bits |= CASE_IGNORABLE
    elif after_cased:
        bits |= CASED
    return bits


def two_stage(values):
    blocks, index, stage1 = [], {}, []
    for start in range(0, MAX, BLOCK):
        block = tuple(values[start:start + BLOCK])
        if block not in index:
            index[block] = len(blocks)
            blocks.append(block)
        stage1.append(index[block])
    return stage1, blocks


def c_array(name, ctype, items, per_line=16):
    lines = [f"constexpr {ctype} {name}[] = {{"]
    for i in range(0, len(items), per_line):
        lines.append("    " + ", ".join(str(x) for x in items[i:i + per_line]) + ",")
    lines.append("};")
    return "\n".join(lines)


def mapping_table(name, pairs):
    """pairs: sorted (code point, replacement) -> kName[] of {cp, offset, length} over kNameChars[]."""
    chars, rows = [], []
    for cp, repl in pairs:
        rows.append(f"{{0x{cp:X}, {len(chars)}, {len(repl)}}}")
        chars.extend(f"0x{ord(ch):X}" for ch in repl)
    out = [c_array(f"{name}Chars", "char32_t", chars, 12)]
    out.append(f"constexpr Mapping {name}[] = {{")
    for i in range(0, len(rows), 6):
        out.append("    " + ", ".join(rows[i:i + 6]) + ",")
    out.append("};")
    return "\n".join(out)


def is_hangul_syllable(cp):
    return 0xAC00 <= cp < 0xAC00 + 11172


def write_tables(path):
    props = [properties(cp) for cp in range(MAX)]
    stage1, blocks = two_stage(props)
    ccc = [unicodedata.combining(chr(cp)) for cp in range(MAX)]
    ccc_stage1, ccc_blocks = two_stage(ccc)

    lower, upper, decomp, compose = [], [], [], []
    for cp in range(MAX):
        if 0xD800 <= cp <= 0xDFFF:
            continue   # never produced by the strict UTF-8 decoder
        c = chr(cp)
        if c.lower() != c:
            lower.append((cp, c.lower()))
        if c.upper() != c:
            upper.append((cp, c.upper()))
        if is_hangul_syllable(cp):
            continue   # decomposed and composed arithmetically
        nfd = unicodedata.normalize("NFD", c)
        if nfd != c:
            decomp.append((cp, nfd))
        parts = unicodedata.decomposition(c).split()
        # A primary composite: a canonical pair decomposition that NFC gives back (not excluded, not a singleton,
        # not a non-starter decomposition).
        if len(parts) == 2 and not parts[0].startswith("<") and unicodedata.normalize("NFC", c) == c:
            compose.append((int(parts[0], 16), int(parts[1], 16), cp))
    compose.sort()
    # ftfy's fix_character_width: NFKC of the halfwidth and fullwidth forms.
    width = [(cp, unicodedata.normalize("NFKC", chr(cp))) for cp in range(0xFF01, 0xFFF0)]
    width = [(cp, nfkc) for cp, nfkc in width if nfkc != chr(cp)]

    # The tokenizer's pattern runs with re.IGNORECASE; ClipTokenizer.cpp treats U+0345 as the one code point where
    # that changes a class. Fail loudly if a new `regex` changes that.
    for cp in range(MAX):
        c = chr(cp)
        plain = bool(regex.match(r"[^\s\p{L}\p{N}]", c))
        folded = bool(regex.match(r"[^\s\p{L}\p{N}]", c, regex.IGNORECASE))
        if plain != folded and cp != 0x345:
            sys.exit(f"U+{cp:04X} changes class under IGNORECASE: update ClipTokenizer.cpp's isOtherSymbol")

    out = [
        "// Generated by scripts/gen_unicode_tables.py from Python "
        f"{sys.version.split()[0]} (unicodedata {unicodedata.unidata_version}) and regex {regex.__version__}.",
        "// Do not edit; re-run the script. Included by core/text/Unicode.cpp only.",
        "// NOLINTBEGIN",
        f"constexpr int kBlockShift = {BLOCK.bit_length() - 1};",
        c_array("kPropStage1", "uint16_t", stage1, 24),
        c_array("kPropStage2", "uint8_t", [v for b in blocks for v in b], 32),
        c_array("kCccStage1", "uint16_t", ccc_stage1, 24),
        c_array("kCccStage2", "uint8_t", [v for b in ccc_blocks for v in b], 32),
        mapping_table("kLower", lower),
        mapping_table("kUpper", upper),
        mapping_table("kDecomposition", decomp),
        mapping_table("kWidthForm", width),
        "constexpr Composition kComposition[] = {",
    ]
    for i in range(0, len(compose), 4):
        out.append("    " + ", ".join(f"{{0x{a:X}, 0x{b:X}, 0x{c:X}}}" for a, b, c in compose[i:i + 4]) + ",")
    out += ["};", "// NOLINTEND", ""]
    with open(path, "w", encoding="ascii") as f:
        f.write("\n".join(out))
    print(f"{path}: {len(blocks)} property blocks, {len(ccc_blocks)} ccc blocks, {len(lower)} lower, "
          f"{len(upper)} upper, {len(decomp)} decompositions, {len(compose)} compositions")
    return lower, upper, decomp


def write_vectors(path, lower, upper, decomp):
    """Strings that exercise every table, with what Python gives for them: input, NFC, lower, upper."""
    rng = random.Random(20261125)
    composed = [chr(cp) for cp, _ in decomp]
    combining = [chr(cp) for cp in range(0x300, 0x370)] + ["\u0323", "\u031b", "\u05b0", "\u0f71", "\u1dce"]
    cased = [chr(cp) for cp, _ in lower] + [chr(cp) for cp, _ in upper]
    hangul = [chr(cp) for cp in (0x1100, 0x1112, 0x1161, 0x1175, 0x11A8, 0x11C2, 0xAC00, 0xD7A3, 0xAC01)]
    pools = [composed, combining, cased, hangul, list("AaΣσς .'-\u00ad\u200b\u0345\u0130\u0069\u0307")]
    strings = [chr(cp) for cp, _ in decomp[::7]] + [chr(cp) for cp, _ in lower[::5]] + [chr(cp) for cp, _ in upper[::5]]
    strings += [unicodedata.normalize("NFD", s) for s in composed[::3]]
    strings += ["ΣΑΣ", "ΑΣ ΑΣ.", "Α\u00adΣ", "Σ", "ΑΣΑ", "Α.Σ", "ΑΣ\u0345", "İstanbul", "ﬃ ß ŉ ǰ", "가각힣"]
    for _ in range(3000):
        n = rng.randint(1, 8)
        strings.append("".join(rng.choice(rng.choice(pools)) for _ in range(n)))

    def hexes(s):
        return " ".join(f"{ord(ch):X}" for ch in s)

    # Property probes: every block start and end, the characters above, and random code points.
    points = sorted({cp for cp in range(0, MAX, BLOCK)} | {cp + BLOCK - 1 for cp in range(0, MAX, BLOCK)} |
                    {ord(ch) for s in strings for ch in s} | {rng.randrange(MAX) for _ in range(4000)})
    points = [cp for cp in points if not 0xD800 <= cp <= 0xDFFF]

    with open(path, "w", encoding="ascii") as f:
        f.write("# made by scripts/gen_unicode_tables.py from the reference Python; code points in hex\n")
        f.write("# S <tab> input <tab> NFC <tab> lower <tab> upper\n")
        f.write("# P <tab> code point <tab> letter number white_space other_category space_separator (0/1 each)\n")
        for s in strings:
            f.write("S\t" + "\t".join(hexes(x) for x in
                                        (s, unicodedata.normalize("NFC", s), s.lower(), s.upper())) + "\n")
        for cp in points:
            bits = properties(cp)
            flags = [LETTER, NUMBER, WHITE_SPACE, OTHER_CAT, SPACE_SEP]
            f.write(f"P\t{cp:X}\t" + " ".join("1" if bits & b else "0" for b in flags) + "\n")
    print(f"{path}: {len(strings)} strings, {len(points)} code points")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("output", nargs="?", default="core/text/UnicodeTables.inc")
    ap.add_argument("--vectors", default="tests/data/unicode/python_vectors.tsv")
    ap.add_argument("--no-vectors", action="store_true")
    args = ap.parse_args()
    lower, upper, decomp = write_tables(args.output)
    if not args.no_vectors:
        write_vectors(args.vectors, lower, upper, decomp)


if __name__ == "__main__":
    main()
