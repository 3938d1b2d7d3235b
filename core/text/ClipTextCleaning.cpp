// CLIPTokenizer's text clean-ups and pre-tokenizer; see ClipTextCleaning.h.
#include "text/ClipTextCleaning.h"

#include "text/FtfyText.h"
#include "text/Unicode.h"

#include <string>

namespace i2v::clip {

using unicode::isPythonSpace;

namespace {

// str.split(): runs of Python whitespace separate, no empty pieces.
std::vector<std::u32string> splitWhitespace(const std::u32string& s) {
    std::vector<std::u32string> out;
    size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && isPythonSpace(s[i]))
            ++i;
        size_t j = i;
        while (j < s.size() && !isPythonSpace(s[j]))
            ++j;
        if (j > i)
            out.push_back(s.substr(i, j - i));
        i = j;
    }
    return out;
}

// BasicTokenizer._is_chinese_char: the CJK Unified Ideograph blocks (not Japanese kana or Hangul).
bool isChineseChar(char32_t c) {
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2A6DF) ||
           (c >= 0x2A700 && c <= 0x2B73F) || (c >= 0x2B740 && c <= 0x2B81F) || (c >= 0x2B820 && c <= 0x2CEAF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
}

// The pattern's `'s` etc. and its literal special tokens compare under re.IGNORECASE with simple case folding;
// on lower-cased text the only non-ASCII code point folding onto these letters is U+017F (long s).
bool foldsTo(char32_t c, char ascii) {
    return c == static_cast<char32_t>(ascii) || (ascii == 's' && c == 0x17F);
}

bool matchesAt(const std::u32string& text, size_t pos, const char* literal) {
    size_t i = pos;
    for (const char* p = literal; *p; ++p, ++i)
        if (i >= text.size() || !foldsTo(text[i], *p))
            return false;
    return true;
}

// Under IGNORECASE the `regex` module tests a negated class against every case variant of a character:
// U+0345 (combining ypogegrammeni, Mn) folds to the letter iota, so it fails [^\s\p{L}\p{N}] while not being
// \p{L} itself. It is the only such code point: the pattern skips it like whitespace.
bool isOtherSymbol(char32_t c) {
    return !unicode::isWhiteSpace(c) && !unicode::isLetter(c) && !unicode::isNumber(c) && c != 0x345;
}

} // namespace

std::u32string stripLeft(const std::u32string& s) {
    size_t b = 0;
    while (b < s.size() && isPythonSpace(s[b]))
        ++b;
    return s.substr(b);
}

std::u32string stripRight(const std::u32string& s) {
    size_t e = s.size();
    while (e > 0 && isPythonSpace(s[e - 1]))
        --e;
    return s.substr(0, e);
}

std::u32string basicTokenizerClean(const std::u32string& text) {
    std::u32string cleaned;
    cleaned.reserve(text.size());
    for (char32_t c : text) {
        const bool whitespace = c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || unicode::isSpaceSeparator(c);
        // _clean_text: NUL, U+FFFD and category C* go, except \t \n \r which count as whitespace.
        if (c == 0 || c == 0xFFFD || (!whitespace && unicode::isOtherCategory(c)))
            continue;
        if (whitespace) {
            cleaned.push_back(U' ');
        } else if (isChineseChar(c)) {   // _tokenize_chinese_chars
            cleaned.push_back(U' ');
            cleaned.push_back(c);
            cleaned.push_back(U' ');
        } else {
            cleaned.push_back(c);
        }
    }
    const std::u32string normalized = unicode::nfc(cleaned);
    std::u32string out;
    for (const std::u32string& token : splitWhitespace(normalized)) {
        // Lower-casing per whitespace token (context-dependent mappings such as final sigma see only the token).
        for (const std::u32string& piece : splitWhitespace(unicode::lower(token))) {
            if (!out.empty())
                out.push_back(U' ');
            out += piece;
        }
    }
    return out;
}

std::u32string ftfyClean(const std::u32string& text) {
    const std::u32string fixed = ftfy::fixText(text);
    std::u32string collapsed;   // re.sub(r"\s+", " ", ...) with the `regex` module's \s (White_Space)
    for (char32_t c : fixed) {
        if (unicode::isWhiteSpace(c)) {
            if (collapsed.empty() || collapsed.back() != U' ')
                collapsed.push_back(U' ');
        } else {
            collapsed.push_back(c);
        }
    }
    return unicode::lower(stripRight(stripLeft(collapsed)));
}

std::vector<std::u32string> preTokenize(const std::u32string& text) {
    static const char* const kLiterals[] = {"<|startoftext|>", "<|endoftext|>", "'s", "'t", "'re", "'ve",
                                            "'m", "'ll", "'d"};
    std::vector<std::u32string> out;
    size_t i = 0;
    while (i < text.size()) {
        size_t len = 0;
        for (const char* lit : kLiterals) {
            if (matchesAt(text, i, lit)) {
                len = std::char_traits<char>::length(lit);
                break;
            }
        }
        if (len == 0 && unicode::isLetter(text[i])) {
            while (i + len < text.size() && unicode::isLetter(text[i + len]))
                ++len;
        } else if (len == 0 && unicode::isNumber(text[i])) {
            len = 1;
        } else if (len == 0 && isOtherSymbol(text[i])) {
            while (i + len < text.size() && isOtherSymbol(text[i + len]))
                ++len;
        }
        if (len == 0) {   // whitespace (or U+0345): no match starts here
            ++i;
            continue;
        }
        out.push_back(text.substr(i, len));
        i += len;
    }
    return out;
}

} // namespace i2v::clip
