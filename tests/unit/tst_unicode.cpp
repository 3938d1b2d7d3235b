// core/text/Unicode against what the reference Python itself gives (tests/data/unicode/python_vectors.tsv, made by
// scripts/gen_unicode_tables.py with the harness's python3): NFC, str.lower() with its final-sigma rule,
// str.upper(), and the character classes the CLIP tokenizer's pattern and _clean_text use. Exact equality: these
// are discrete functions, a single differing code point changes the token ids.
#include "support/TestData.h"
#include "text/Unicode.h"
#include "util/Errors.h"

#include <QtTest>
#include <fstream>
#include <sstream>

namespace {

std::u32string parseCodePoints(const std::string& field) {
    std::u32string out;
    std::istringstream in(field);
    std::string hex;
    while (in >> hex)
        out.push_back(static_cast<char32_t>(std::stoul(hex, nullptr, 16)));
    return out;
}

std::string show(const std::u32string& s) {
    std::ostringstream out;
    for (char32_t c : s)
        out << "U+" << std::hex << std::uppercase << static_cast<uint32_t>(c) << ' ';
    return out.str();
}

std::vector<std::vector<std::string>> vectorLines(char kind) {
    std::ifstream in(i2v::test::dataDir() / "unicode" / "python_vectors.tsv");
    std::vector<std::vector<std::string>> rows;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] != kind)
            continue;
        std::vector<std::string> fields;
        std::istringstream fs(line);
        std::string f;
        while (std::getline(fs, f, '\t'))
            fields.push_back(f);
        rows.push_back(fields);
    }
    return rows;
}

} // namespace

class TestUnicode : public QObject {
    Q_OBJECT

private slots:
    void stringsMatchPython() {
        const auto rows = vectorLines('S');
        QVERIFY2(rows.size() > 4000, "tests/data/unicode/python_vectors.tsv is missing or short");
        int failures = 0;
        for (const auto& r : rows) {
            QCOMPARE(r.size(), size_t{5});
            const std::u32string in = parseCodePoints(r[1]);
            const std::pair<const char*, std::u32string> checks[] = {
                {"NFC", i2v::unicode::nfc(in)}, {"lower", i2v::unicode::lower(in)}, {"upper", i2v::unicode::upper(in)}};
            for (size_t k = 0; k < 3; ++k) {
                const std::u32string want = parseCodePoints(r[2 + k]);
                if (checks[k].second != want && ++failures <= 10)
                    qWarning("%s(%s) = %s, Python gives %s", checks[k].first, show(in).c_str(),
                             show(checks[k].second).c_str(), show(want).c_str());
            }
        }
        QCOMPARE(failures, 0);
    }

    void propertiesMatchPython() {
        const auto rows = vectorLines('P');
        QVERIFY(rows.size() > 10000);
        int failures = 0;
        for (const auto& r : rows) {
            const char32_t c = static_cast<char32_t>(std::stoul(r[1], nullptr, 16));
            const std::string got = std::string(i2v::unicode::isLetter(c) ? "1" : "0") + " " +
                                    (i2v::unicode::isNumber(c) ? "1" : "0") + " " +
                                    (i2v::unicode::isWhiteSpace(c) ? "1" : "0") + " " +
                                    (i2v::unicode::isOtherCategory(c) ? "1" : "0") + " " +
                                    (i2v::unicode::isSpaceSeparator(c) ? "1" : "0");
            if (got != r[2] && ++failures <= 10)
                qWarning("U+%X: letter number space other Zs = %s, Python gives %s", static_cast<unsigned>(c),
                         got.c_str(), r[2].c_str());
        }
        QCOMPARE(failures, 0);
    }

    // Cases worth naming on their own (also in the vectors): Python's context-dependent and multi-char mappings.
    void namedCases() {
        using i2v::unicode::lower;
        QVERIFY(lower(U"\u0391\u03A3") == U"\u03B1\u03C2");               // final sigma
        QVERIFY(lower(U"\u0391\u03A3\u0391") == U"\u03B1\u03C3\u03B1");   // medial sigma
        QVERIFY(lower(U"\u03A3") == U"\u03C3");                           // alone: not final
        QVERIFY(lower(U"\u0391\u00AD\u03A3.") == U"\u03B1\u00AD\u03C2.");  // soft hyphen is case-ignorable
        QVERIFY(lower(U"\u0130") == U"i\u0307");                          // no Turkish locale
        QVERIFY(i2v::unicode::upper(U"\u00DF\uFB03") == U"SSFFI");
        QVERIFY(i2v::unicode::nfc(U"e\u0301") == U"\u00E9");
        QVERIFY(i2v::unicode::nfc(U"\u1100\u1161\u11A8") == U"\uAC01");   // Hangul L V T
        QVERIFY(i2v::unicode::nfc(U"a\u0323\u0302") == U"\u1EAD");        // reordered marks compose
        QVERIFY(i2v::unicode::nfc(U"\u212B") == U"\u00C5");               // singleton decomposition
        QVERIFY(i2v::unicode::widthForm(U'\uFF21') == U"A");
        QVERIFY(i2v::unicode::widthForm(U'x') == U"x");
    }

    void utf8RoundTripAndRefusal() {
        const std::string text = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80";
        QVERIFY(i2v::unicode::decodeUtf8(text) == U"a\u00E9\u20AC\U0001F600");
        QCOMPARE(i2v::unicode::encodeUtf8(i2v::unicode::decodeUtf8(text)), text);
        for (const char* bad : {"\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE2\x82", "\x80"})
            QVERIFY_THROWS_EXCEPTION(i2v::InputError, i2v::unicode::decodeUtf8(bad));
    }
};

QTEST_APPLESS_MAIN(TestUnicode)
#include "tst_unicode.moc"
