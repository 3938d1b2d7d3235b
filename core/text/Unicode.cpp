// Python's Unicode semantics for the tokenizers, from tables generated off the reference Python itself
// (scripts/gen_unicode_tables.py): no ICU, and no drift when a system library knows another Unicode version.
#include "text/Unicode.h"

#include "util/Errors.h"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <utility>

namespace i2v::unicode {

namespace {

struct Mapping {          // code point -> chars[offset, offset + length) of the table's *Chars array
    char32_t cp;
    uint32_t offset;
    uint32_t length;
};

struct Composition {      // first + second -> composite (canonical, primary composites only)
    char32_t first;
    char32_t second;
    char32_t composite;
};

#include "text/UnicodeTables.inc"

// Bits of kPropStage2, as scripts/gen_unicode_tables.py defines them.
enum : uint8_t {
    kLetter = 1 << 0, kNumber = 1 << 1, kWhiteSpace = 1 << 2, kOtherCategory = 1 << 3,
    kSpaceSeparator = 1 << 4, kCaseIgnorable = 1 << 5, kCased = 1 << 6,
};

constexpr char32_t kCodeSpaceEnd = 0x110000;
constexpr uint32_t kBlockMask = (1u << kBlockShift) - 1;

uint8_t properties(char32_t c) {
    if (c >= kCodeSpaceEnd)
        return kOtherCategory;
    return kPropStage2[(uint32_t{kPropStage1[c >> kBlockShift]} << kBlockShift) | (c & kBlockMask)];
}

uint8_t combiningClass(char32_t c) {
    if (c >= kCodeSpaceEnd)
        return 0;
    return kCccStage2[(uint32_t{kCccStage1[c >> kBlockShift]} << kBlockShift) | (c & kBlockMask)];
}

template <size_t N, size_t M>
bool appendMapping(const Mapping (&table)[N], const char32_t (&chars)[M], char32_t c, std::u32string& out) {
    const Mapping* end = table + N;
    const Mapping* it = std::lower_bound(table, end, c, [](const Mapping& m, char32_t v) { return m.cp < v; });
    if (it == end || it->cp != c)
        return false;
    out.append(chars + it->offset, it->length);
    return true;
}

// Hangul syllables decompose and compose by arithmetic (Unicode 3.12), not by table.
constexpr char32_t kSBase = 0xAC00, kLBase = 0x1100, kVBase = 0x1161, kTBase = 0x11A7;
constexpr char32_t kLCount = 19, kVCount = 21, kTCount = 28, kNCount = kVCount * kTCount, kSCount = kLCount * kNCount;

char32_t composePair(char32_t a, char32_t b) {
    if (a >= kLBase && a < kLBase + kLCount && b >= kVBase && b < kVBase + kVCount)
        return kSBase + ((a - kLBase) * kVCount + (b - kVBase)) * kTCount;
    if (a >= kSBase && a < kSBase + kSCount && (a - kSBase) % kTCount == 0 && b > kTBase && b < kTBase + kTCount)
        return a + (b - kTBase);
    const Composition* end = kComposition + std::size(kComposition);
    const Composition* it = std::lower_bound(kComposition, end, std::make_pair(a, b),
        [](const Composition& c, const std::pair<char32_t, char32_t>& v) {
            return c.first < v.first || (c.first == v.first && c.second < v.second);
        });
    return it != end && it->first == a && it->second == b ? it->composite : 0;
}

// The canonical decomposition of `text` in canonical order (NFD).
std::u32string decompose(const std::u32string& text) {
    std::u32string out;
    out.reserve(text.size() + 8);
    for (char32_t c : text) {
        if (c >= kSBase && c < kSBase + kSCount) {
            const char32_t s = c - kSBase;
            out.push_back(kLBase + s / kNCount);
            out.push_back(kVBase + (s % kNCount) / kTCount);
            if (s % kTCount != 0)
                out.push_back(kTBase + s % kTCount);
        } else if (!appendMapping(kDecomposition, kDecompositionChars, c, out)) {
            out.push_back(c);
        }
    }
    // Canonical ordering: a stable sort of every run of non-starters by combining class.
    for (size_t i = 1; i < out.size(); ++i) {
        const uint8_t cc = combiningClass(out[i]);
        if (cc == 0)
            continue;
        for (size_t j = i; j > 0; --j) {
            const uint8_t prev = combiningClass(out[j - 1]);
            if (prev == 0 || prev <= cc)
                break;
            std::swap(out[j - 1], out[j]);
        }
    }
    return out;
}

// Canonical composition of an NFD string: each character joins the last starter unless blocked (UAX #15).
std::u32string compose(const std::u32string& nfd) {
    std::u32string out;
    out.reserve(nfd.size());
    size_t starter = std::u32string::npos;
    for (char32_t c : nfd) {
        const uint8_t cc = combiningClass(c);
        if (starter != std::u32string::npos) {
            const bool adjacent = starter + 1 == out.size();
            const uint8_t prev = adjacent ? 0 : combiningClass(out.back());
            if (adjacent || (prev != 0 && prev < cc)) {
                if (const char32_t composite = composePair(out[starter], c)) {
                    out[starter] = composite;
                    continue;
                }
            }
        }
        if (cc == 0)
            starter = out.size();
        out.push_back(c);
    }
    return out;
}

// CPython's handle_capital_sigma: U+03A3 lowers to final sigma when a cased letter precedes it and none
// follows, case-ignorable characters in between not counting.
char32_t lowerSigma(const std::u32string& text, size_t i) {
    size_t j = i;
    while (j > 0 && (properties(text[j - 1]) & kCaseIgnorable))
        --j;
    bool final = j > 0 && (properties(text[j - 1]) & kCased);
    if (final) {
        size_t k = i + 1;
        while (k < text.size() && (properties(text[k]) & kCaseIgnorable))
            ++k;
        final = k == text.size() || !(properties(text[k]) & kCased);
    }
    return final ? 0x3C2 : 0x3C3;
}

} // namespace

std::u32string decodeUtf8(const std::string& bytes, const std::string& what) {
    std::u32string out;
    out.reserve(bytes.size());
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    const size_t n = bytes.size();
    for (size_t i = 0; i < n;) {
        const unsigned char b = p[i];
        char32_t cp = 0;
        size_t len = 0;
        char32_t min = 0;
        if (b < 0x80) { cp = b; len = 1; }
        else if ((b & 0xE0) == 0xC0) { cp = b & 0x1F; len = 2; min = 0x80; }
        else if ((b & 0xF0) == 0xE0) { cp = b & 0x0F; len = 3; min = 0x800; }
        else if ((b & 0xF8) == 0xF0) { cp = b & 0x07; len = 4; min = 0x10000; }
        bool ok = len != 0 && i + len <= n;
        for (size_t k = 1; ok && k < len; ++k) {
            if ((p[i + k] & 0xC0) != 0x80)
                ok = false;
            else
                cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        // Overlong forms, surrogates and values past U+10FFFF are not UTF-8 (Python's decoder refuses them too).
        if (ok && (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)))
            ok = false;
        if (!ok)
            throw InputError(what + " is not valid UTF-8 (bad byte sequence at byte " + std::to_string(i) +
                             "): re-save or re-type it as UTF-8");
        out.push_back(cp);
        i += len;
    }
    return out;
}

std::string encodeUtf8(char32_t c) {
    std::string out;
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
    return out;
}

std::string encodeUtf8(const std::u32string& text) {
    std::string out;
    out.reserve(text.size());
    for (char32_t c : text)
        out += encodeUtf8(c);
    return out;
}

std::u32string nfc(const std::u32string& text) {
    // Nothing below U+0300 composes with anything or changes under NFC: plain Latin-1 prompts skip the tables.
    if (std::all_of(text.begin(), text.end(), [](char32_t c) { return c < 0x300; }))
        return text;
    return compose(decompose(text));
}

std::u32string lower(const std::u32string& text) {
    std::u32string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        const char32_t c = text[i];
        if (c < 0x80)
            out.push_back(c >= U'A' && c <= U'Z' ? c + 32 : c);
        else if (c == 0x3A3)
            out.push_back(lowerSigma(text, i));
        else if (!appendMapping(kLower, kLowerChars, c, out))
            out.push_back(c);
    }
    return out;
}

std::u32string upper(const std::u32string& text) {
    std::u32string out;
    out.reserve(text.size());
    for (char32_t c : text)
        if (!appendMapping(kUpper, kUpperChars, c, out))
            out.push_back(c);
    return out;
}

std::u32string widthForm(char32_t c) {
    std::u32string out;
    if (!appendMapping(kWidthForm, kWidthFormChars, c, out))
        out.push_back(c);
    return out;
}

bool isPythonSpace(char32_t c) {
    // CPython's _PyUnicode_IsWhitespace: bidirectional class WS, B or S, or category Zs.
    switch (c) {
    case 0x09: case 0x0A: case 0x0B: case 0x0C: case 0x0D:
    case 0x1C: case 0x1D: case 0x1E: case 0x1F: case 0x20:
    case 0x85: case 0xA0: case 0x1680:
    case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000:
        return true;
    default:
        return c >= 0x2000 && c <= 0x200A;
    }
}

bool isWhiteSpace(char32_t c) { return properties(c) & kWhiteSpace; }
bool isLetter(char32_t c) { return properties(c) & kLetter; }
bool isNumber(char32_t c) { return properties(c) & kNumber; }
bool isOtherCategory(char32_t c) { return properties(c) & kOtherCategory; }
bool isSpaceSeparator(char32_t c) { return properties(c) & kSpaceSeparator; }

} // namespace i2v::unicode
