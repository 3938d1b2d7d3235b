// The Unicode operations the tokenizers need, with Python's semantics (what transformers' tokenizers call):
// UTF-8 <-> code points, unicodedata.normalize("NFC"), str.lower(), str.isspace(), unicodedata.category().
// The data comes from the reference Python itself (core/text/UnicodeTables.inc, scripts/gen_unicode_tables.py),
// so every code point behaves as it does there; tests/unit/tst_unicode checks it against Python's own output.
#pragma once
#include <string>

namespace i2v::unicode {

// Strict UTF-8 decoding; throws InputError naming `what` and the byte offset of the first bad sequence.
std::u32string decodeUtf8(const std::string& bytes, const std::string& what = "text");
std::string encodeUtf8(const std::u32string& text);
std::string encodeUtf8(char32_t c);

std::u32string nfc(const std::u32string& text);     // unicodedata.normalize("NFC", text)
std::u32string lower(const std::u32string& text);   // str.lower(): full case mapping, Final_Sigma, no locale
std::u32string upper(const std::u32string& text);   // str.upper(): full case mapping, no locale
// unicodedata.normalize("NFKC", c) for the halfwidth and fullwidth forms U+FF01..U+FFEF (ftfy's width fixer);
// any other c comes back unchanged.
std::u32string widthForm(char32_t c);

bool isPythonSpace(char32_t c);      // str.isspace() (what str.split()/str.strip() cut on)
bool isWhiteSpace(char32_t c);       // the White_Space property: `\s` of the `regex` module
bool isLetter(char32_t c);           // category L*  (`\p{L}`)
bool isNumber(char32_t c);           // category N*  (`\p{N}`)
bool isOtherCategory(char32_t c);    // category C*  (Cc, Cf, Cs, Co, Cn)
bool isSpaceSeparator(char32_t c);   // category Zs

} // namespace i2v::unicode
