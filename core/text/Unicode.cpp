// ICU-backed implementation of the Python Unicode semantics the tokenizers rely on.
#include "text/Unicode.h"

#include "util/Errors.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/locid.h>

namespace i2v::unicode {

namespace {

icu::UnicodeString toIcu(const std::u32string& text) {
    return icu::UnicodeString::fromUTF32(reinterpret_cast<const UChar32*>(text.data()),
                                         static_cast<int32_t>(text.size()));
}

std::u32string fromIcu(const icu::UnicodeString& s) {
    std::u32string out(static_cast<size_t>(s.countChar32()), U'\0');
    UErrorCode status = U_ZERO_ERROR;
    s.toUTF32(reinterpret_cast<UChar32*>(out.data()), static_cast<int32_t>(out.size()), status);
    return out;
}

int8_t category(char32_t c) { return u_charType(static_cast<UChar32>(c)); }

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
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* norm = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status))
        throw ModelError(std::string("ICU NFC normalizer unavailable: ") + u_errorName(status) +
                         " (check the libicu installation)");
    const icu::UnicodeString src = toIcu(text);
    if (norm->isNormalized(src, status) && U_SUCCESS(status))
        return text;
    status = U_ZERO_ERROR;
    const icu::UnicodeString dst = norm->normalize(src, status);
    if (U_FAILURE(status))
        throw InputError(std::string("NFC normalization failed: ") + u_errorName(status));
    return fromIcu(dst);
}

std::u32string lower(const std::u32string& text) {
    bool ascii = true;
    for (char32_t c : text)
        ascii = ascii && c < 0x80;
    if (ascii) {
        std::u32string out = text;
        for (char32_t& c : out)
            if (c >= U'A' && c <= U'Z')
                c += 32;
        return out;
    }
    // The root locale gives the language-independent full mapping Python uses (incl. Final_Sigma and
    // U+0130 -> "i\u0307"), never Turkish/Lithuanian rules.
    icu::UnicodeString s = toIcu(text);
    s.toLower(icu::Locale::getRoot());
    return fromIcu(s);
}

std::u32string upper(const std::u32string& text) {
    icu::UnicodeString s = toIcu(text);
    s.toUpper(icu::Locale::getRoot());
    return fromIcu(s);
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

bool isWhiteSpace(char32_t c) { return u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_WHITE_SPACE); }

bool isLetter(char32_t c) {
    switch (category(c)) {
    case U_UPPERCASE_LETTER: case U_LOWERCASE_LETTER: case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER: case U_OTHER_LETTER:
        return true;
    default:
        return false;
    }
}

bool isNumber(char32_t c) {
    switch (category(c)) {
    case U_DECIMAL_DIGIT_NUMBER: case U_LETTER_NUMBER: case U_OTHER_NUMBER:
        return true;
    default:
        return false;
    }
}

bool isOtherCategory(char32_t c) {
    switch (category(c)) {
    case U_UNASSIGNED: case U_CONTROL_CHAR: case U_FORMAT_CHAR: case U_PRIVATE_USE_CHAR: case U_SURROGATE:
        return true;
    default:
        return false;
    }
}

bool isPunctuationCategory(char32_t c) {
    switch (category(c)) {
    case U_DASH_PUNCTUATION: case U_START_PUNCTUATION: case U_END_PUNCTUATION: case U_CONNECTOR_PUNCTUATION:
    case U_OTHER_PUNCTUATION: case U_INITIAL_PUNCTUATION: case U_FINAL_PUNCTUATION:
        return true;
    default:
        return false;
    }
}

bool isSpaceSeparator(char32_t c) { return category(c) == U_SPACE_SEPARATOR; }

} // namespace i2v::unicode
