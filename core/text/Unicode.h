// The Unicode operations the tokenizers need, with Python's semantics (what transformers' tokenizers call):
// UTF-8 <-> code points, unicodedata.normalize("NFC"), str.lower(), str.isspace(), unicodedata.category().
// Backed by ICU (icu-uc). ICU 72 knows Unicode 15.0 while the reference Python 3.11 knows 14.0: only characters
// assigned in 15.0 (none in common prompts) can be classified differently.
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

bool isPythonSpace(char32_t c);      // str.isspace() (what str.split()/str.strip() cut on)
bool isWhiteSpace(char32_t c);       // the White_Space property: `\s` of the `regex` module
bool isLetter(char32_t c);           // category L*  (`\p{L}`)
bool isNumber(char32_t c);           // category N*  (`\p{N}`)
bool isOtherCategory(char32_t c);    // category C*  (Cc, Cf, Cs, Co, Cn)
bool isPunctuationCategory(char32_t c);  // category P*
bool isSpaceSeparator(char32_t c);   // category Zs

} // namespace i2v::unicode
