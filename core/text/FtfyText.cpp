// Subset of ftfy.fix_text used by ClipTokenizer's ftfy mode; see FtfyText.h for what is left out.
#include "text/FtfyText.h"

#include "text/Unicode.h"

#include <map>

namespace i2v::ftfy {

namespace {

// name (between '&' and ';') -> replacement: a small, common part of html.entities.html5. ftfy also decodes the
// all-caps form of a lower-case name (to the upper-cased character), added here the same way.
const std::map<std::u32string, std::u32string>& namedEntities() {
    static const std::map<std::u32string, std::u32string> table = [] {
        std::map<std::u32string, std::u32string> t = {
            {U"amp", U"&"}, {U"lt", U"<"}, {U"gt", U">"}, {U"quot", U"\""}, {U"apos", U"'"},
            {U"nbsp", U"\u00A0"}, {U"copy", U"\u00A9"}, {U"reg", U"\u00AE"}, {U"trade", U"\u2122"},
            {U"hellip", U"\u2026"}, {U"mdash", U"\u2014"}, {U"ndash", U"\u2013"}, {U"lsquo", U"\u2018"},
            {U"rsquo", U"\u2019"}, {U"ldquo", U"\u201C"}, {U"rdquo", U"\u201D"}, {U"deg", U"\u00B0"},
            {U"times", U"\u00D7"}, {U"eacute", U"\u00E9"}, {U"egrave", U"\u00E8"}, {U"agrave", U"\u00E0"},
            {U"ccedil", U"\u00E7"}, {U"uuml", U"\u00FC"}, {U"ouml", U"\u00F6"}, {U"auml", U"\u00E4"},
            {U"ntilde", U"\u00F1"}, {U"szlig", U"\u00DF"}, {U"euro", U"\u20AC"}, {U"pound", U"\u00A3"},
        };
        std::map<std::u32string, std::u32string> upper;
        for (const auto& [name, value] : t) {
            std::u32string n = name;
            for (char32_t& c : n)
                c = c - 32;   // the names above are ASCII lower case
            upper[n] = unicode::upper(value);   // str.upper(): "\u00DF" -> "SS" as in Python
        }
        upper.insert(t.begin(), t.end());
        return upper;
    }();
    return table;
}

bool isAsciiAlnum(char32_t c) {
    return (c >= U'0' && c <= U'9') || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
}

// HTML_ENTITY_RE = r"&#?[0-9A-Za-z]{1,24};" replaced through _unescape_fixup.
std::u32string unescapeHtml(const std::u32string& s) {
    std::u32string out;
    size_t i = 0;
    while (i < s.size()) {
        if (s[i] == U'&') {
            size_t j = i + 1;
            const bool numeric = j < s.size() && s[j] == U'#';
            if (numeric)
                ++j;
            size_t k = j;
            while (k < s.size() && k - j < 24 && isAsciiAlnum(s[k]))
                ++k;
            if (k > j && k < s.size() && s[k] == U';') {
                const std::u32string name = s.substr(j, k - j);
                bool replaced = false;
                if (!numeric) {
                    auto it = namedEntities().find(name);
                    if (it != namedEntities().end()) {
                        out += it->second;
                        replaced = true;
                    }
                } else {
                    // &#123; or &#x7B;: only plain scalar values; the rest stays as written (see header).
                    const bool hex = name[0] == U'x' || name[0] == U'X';
                    unsigned long long v = 0;
                    bool ok = name.size() > (hex ? 1u : 0u);
                    for (size_t p = hex ? 1 : 0; ok && p < name.size(); ++p) {
                        const char32_t c = name[p];
                        int d = -1;
                        if (c >= U'0' && c <= U'9') d = static_cast<int>(c - U'0');
                        else if (hex && c >= U'a' && c <= U'f') d = static_cast<int>(c - U'a' + 10);
                        else if (hex && c >= U'A' && c <= U'F') d = static_cast<int>(c - U'A' + 10);
                        ok = d >= 0;
                        v = v * (hex ? 16 : 10) + static_cast<unsigned>(d < 0 ? 0 : d);
                        ok = ok && v <= 0x10FFFF;
                    }
                    if (ok && v != 0 && !(v >= 0x80 && v <= 0x9F) && !(v >= 0xD800 && v <= 0xDFFF)) {
                        out.push_back(static_cast<char32_t>(v));
                        replaced = true;
                    }
                }
                if (replaced) {
                    i = k + 1;
                    continue;
                }
            }
        }
        out.push_back(s[i]);
        ++i;
    }
    return out;
}

// fix_c1_controls: U+0080..U+009F decoded as the Windows-1252 byte they stand for ("sloppy": the five
// undefined bytes stay as they are).
char32_t windows1252(char32_t c) {
    static const char32_t table[32] = {
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152,
        0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122,
        0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178};
    return table[c - 0x80];
}

const std::u32string* ligature(char32_t c) {
    static const std::map<char32_t, std::u32string> table = {
        {0x0132, U"IJ"}, {0x0133, U"ij"}, {0x0149, U"\u02BCn"}, {0x01F1, U"DZ"}, {0x01F2, U"Dz"},
        {0x01F3, U"dz"}, {0x01C4, U"D\u017D"}, {0x01C5, U"D\u017E"}, {0x01C6, U"d\u017E"}, {0x01C7, U"LJ"},
        {0x01C8, U"Lj"}, {0x01C9, U"lj"}, {0x01CA, U"NJ"}, {0x01CB, U"Nj"}, {0x01CC, U"nj"}, {0xFB00, U"ff"},
        {0xFB01, U"fi"}, {0xFB02, U"fl"}, {0xFB03, U"ffi"}, {0xFB04, U"ffl"}, {0xFB05, U"\u017Ft"},
        {0xFB06, U"st"}};
    auto it = table.find(c);
    return it == table.end() ? nullptr : &it->second;
}

bool isRemovedControl(char32_t c) {
    return c <= 0x08 || c == 0x0B || (c >= 0x0E && c <= 0x1F) || c == 0x7F || (c >= 0x206A && c <= 0x206F) ||
           c == 0xFEFF || (c >= 0xFFF9 && c <= 0xFFFC);
}

// One pass of fix_and_explain's fixers after unescape_html (fix_encoding left out, see header).
std::u32string fixOnce(const std::u32string& in, bool unescape) {
    const std::u32string text = unescape ? unescapeHtml(in) : in;
    std::u32string a;   // fix_c1_controls, fix_latin_ligatures, fix_character_width, uncurl_quotes
    a.reserve(text.size());
    for (char32_t c : text) {
        if (c >= 0x80 && c <= 0x9F)
            c = windows1252(c);
        if (const std::u32string* lig = ligature(c)) {
            a += *lig;
            continue;
        }
        if (c == 0x3000) {   // fix_character_width: the ideographic space and the width forms' NFKC
            a += U' ';
            continue;
        }
        if (c >= 0xFF01 && c <= 0xFFEF) {
            a += unicode::widthForm(c);
            continue;
        }
        if (c == 0x02BC || (c >= 0x2018 && c <= 0x201B))
            c = U'\'';
        else if (c >= 0x201C && c <= 0x201F)
            c = U'"';
        a.push_back(c);
    }
    std::u32string b;   // fix_line_breaks
    b.reserve(a.size());
    for (size_t i = 0; i < a.size(); ++i) {
        const char32_t c = a[i];
        if (c == U'\r' && i + 1 < a.size() && a[i + 1] == U'\n')
            continue;   // "\r\n" -> "\n": the '\n' follows
        b.push_back(c == U'\r' || c == 0x2028 || c == 0x2029 || c == 0x85 ? U'\n' : c);
    }
    std::u32string c2;   // remove_terminal_escapes: ESC '[' (digit|';')* letter
    c2.reserve(b.size());
    for (size_t i = 0; i < b.size(); ++i) {
        if (b[i] == 0x1B && i + 1 < b.size() && b[i + 1] == U'[') {
            size_t j = i + 2;
            while (j < b.size() && ((b[j] >= U'0' && b[j] <= U'9') || b[j] == U';'))
                ++j;
            if (j < b.size() && ((b[j] >= U'a' && b[j] <= U'z') || (b[j] >= U'A' && b[j] <= U'Z'))) {
                i = j;
                continue;
            }
        }
        c2.push_back(b[i]);
    }
    std::u32string d;   // remove_control_chars
    d.reserve(c2.size());
    for (char32_t c : c2)
        if (!isRemovedControl(c))
            d.push_back(c);
    return unicode::nfc(d);
}

} // namespace

std::u32string fixText(const std::u32string& text) {
    std::u32string out;
    bool unescape = true;   // unescape_html="auto": off from the first line that contains '<' on
    size_t pos = 0;
    while (pos < text.size()) {
        size_t end = text.find(U'\n', pos);
        end = end == std::u32string::npos ? text.size() : end + 1;
        std::u32string segment = text.substr(pos, end - pos);
        if (segment.find(U'<') != std::u32string::npos)
            unescape = false;
        for (;;) {
            std::u32string fixed = fixOnce(segment, unescape);
            if (fixed == segment)
                break;
            segment.swap(fixed);
        }
        out += segment;
        pos = end;
    }
    return out;
}

} // namespace i2v::ftfy
