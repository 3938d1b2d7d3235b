// The part of ftfy 6.2 `fix_text` (python-ftfy `ftfy/__init__.py`, `ftfy/fixes.py`, `ftfy/chardata.py`) that
// CLIPTokenizer's ftfy branch needs for ordinary prompts: per-line segments, HTML entity decoding (skipped once a
// line holds '<'), C1 controls read as Windows-1252, Latin ligatures, full/half-width forms, curly quotes, line
// breaks, terminal escapes, control characters, NFC, repeated until nothing changes.
//
// Not implemented, so text that needs them comes out differently from ftfy:
//  - fix_encoding (mojibake repair: "cafÃ©" -> "café"), restore_byte_a0, replace_lossy_sequences,
//    decode_inconsistent_utf8;
//  - named HTML entities other than those in kNamedEntities (FtfyText.cpp), and numeric references to
//    NUL, surrogates, C1 controls or past U+10FFFF (html.unescape maps those through its HTML5 tables).
#pragma once
#include <string>

namespace i2v::ftfy {

std::u32string fixText(const std::u32string& text);

} // namespace i2v::ftfy
