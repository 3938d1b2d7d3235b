// CLIP byte-level BPE tokenizer; see ClipTokenizer.h. Step by step as transformers' slow tokenizer:
// PreTrainedTokenizer.tokenize (split out added tokens) -> CLIPTokenizer._tokenize (clean-up, regex, bytes, bpe)
// -> convert_tokens_to_ids -> prepare_for_model (BOS/EOS, truncation, padding).
#include "text/ClipTokenizer.h"

#include "io/ModelFile.h"
#include "text/ClipTextCleaning.h"
#include "text/Unicode.h"
#include "util/Errors.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string_view>

namespace i2v {

namespace fs = std::filesystem;

namespace {

// CLIPTokenizer keeps these two as literal tokens even when they come out of the regex (its `self.cache`).
const std::string kStartOfText = "<|startoftext|>";
const std::string kEndOfText = "<|endoftext|>";

std::string readFile(const fs::path& file) {
    return readModelFile(file, kMaxTokenizerFileBytes, "re-download the model's tokenizer folder");
}

nlohmann::json readJson(const fs::path& file) {
    try {
        return nlohmann::json::parse(readFile(file));
    } catch (const nlohmann::json::parse_error& e) {
        // e.what() carries "at line L, column C".
        throw ModelError("tokenizer file " + file.string() + " is not valid JSON (" + e.what() +
                         "): re-download the model's tokenizer folder");
    }
}

bool isAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

// Splits `line` on ASCII whitespace into at most two fields; returns how many it has (3 meaning "more").
int splitAsciiFields(std::string_view line, std::string_view (&fields)[2]) {
    int count = 0;
    size_t i = 0;
    while (true) {
        while (i < line.size() && isAsciiSpace(line[i]))
            ++i;
        if (i == line.size())
            return count;
        if (count == 2)
            return 3;
        const size_t start = i;
        while (i < line.size() && !isAsciiSpace(line[i]))
            ++i;
        fields[count++] = line.substr(start, i - start);
    }
}

// Reads vocab.json's {"token": id, ...} straight into the vocabulary from the parser's events. Building the
// JSON document of 49,408 entries first and copying it took three quarters of the tokenizer's load, which
// every job pays (bench/RESULTS.md, small jobs).
class VocabReader {
public:
    VocabReader(const fs::path& file, std::unordered_map<std::string, int64_t>& vocab) : file_(file), vocab_(vocab) {}

    bool start_object(std::size_t) {
        if (inObject_)
            badId("an object");
        inObject_ = true;
        return true;
    }
    bool key(std::string& key) {
        key_ = std::move(key);
        return true;
    }
    bool number_integer(std::int64_t id) {
        if (!inObject_ || id < 0)
            badId(std::to_string(id));
        vocab_.insert_or_assign(std::move(key_), id);
        return true;
    }
    bool number_unsigned(std::uint64_t id) {
        if (!inObject_ || id > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
            badId(std::to_string(id));
        vocab_.insert_or_assign(std::move(key_), static_cast<std::int64_t>(id));
        return true;
    }
    bool end_object() { return true; }
    bool number_float(double, const std::string& text) { badId(text); }
    bool string(std::string& text) { badId('"' + text + '"'); }
    bool null() { badId("null"); }
    bool boolean(bool value) { badId(value ? "true" : "false"); }
    bool binary(nlohmann::json::binary_t&) { badId("binary"); }
    bool start_array(std::size_t) { badId("an array"); }
    bool end_array() { return true; }
    bool parse_error(std::size_t, const std::string&, const nlohmann::json::exception& e) {
        // e.what() carries "at line L, column C".
        throw ModelError("tokenizer file " + file_.string() + " is not valid JSON (" + e.what() +
                         "): re-download the model's tokenizer folder");
    }

private:
    [[noreturn]] void badId(const std::string& shown) const {
        if (!inObject_)
            throw ModelError("tokenizer file " + file_.string() + " must be a JSON object {\"token\": id, ...}");
        throw ModelError("tokenizer file " + file_.string() + ": token \"" + key_ + "\" has no non-negative integer id (" +
                         shown + "): re-download the model's tokenizer folder");
    }

    const fs::path& file_;
    std::unordered_map<std::string, int64_t>& vocab_;
    bool inObject_ = false;
    std::string key_;
};

// A special token in a tokenizer config is either "text" or {"content": "text", "lstrip": ..., ...}.
bool readTokenField(const nlohmann::json& config, const char* key, std::string& content) {
    auto it = config.find(key);
    if (it == config.end() || it->is_null())
        return false;
    if (it->is_string()) {
        content = it->get<std::string>();
        return true;
    }
    if (it->is_object() && it->contains("content") && (*it)["content"].is_string()) {
        content = (*it)["content"].get<std::string>();
        return true;
    }
    return false;
}

} // namespace

ClipTokenizer::ClipTokenizer(const fs::path& dir, TextCleaning cleaning) : dir_(dir), cleaning_(cleaning) {
    if (!fs::is_directory(dir))
        throw ModelError("tokenizer folder " + dir.string() + " does not exist: point to a diffusers model folder "
                         "that has tokenizer/vocab.json and tokenizer/merges.txt");
    // bytes_to_unicode(): printable Latin-1 bytes stand for themselves, the other 68 bytes get U+0100.. in order.
    int next = 0;
    for (int b = 0; b < 256; ++b) {
        const bool printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
        byteSymbols_[b] = unicode::encodeUtf8(printable ? static_cast<char32_t>(b) : static_cast<char32_t>(256 + next++));
    }
    loadVocab(dir / "vocab.json");
    loadMerges(dir / "merges.txt");
    loadConfig(dir);
}

void ClipTokenizer::loadVocab(const fs::path& file) {
    const std::string data = readFile(file);
    // CLIP's vocab.json takes ~22 bytes an entry: room for them up front saves the table's rehashes, an eighth of
    // the tokenizer's load (which a small job's process pays).
    vocab_.reserve(data.size() / 20);
    VocabReader reader{file, vocab_};
    nlohmann::json::sax_parse(data, &reader);
    if (vocab_.empty())
        throw ModelError("tokenizer file " + file.string() + " must be a JSON object {\"token\": id, ...}");
}

void ClipTokenizer::loadMerges(const fs::path& file) {
    // merges_handle.read().strip().split("\n")[1 : 49152 - 256 - 2 + 1], each line split on whitespace.
    const std::string data = readFile(file);
    mergeRanks_.reserve(std::min<size_t>(kMaxMerges, size_t(std::count(data.begin(), data.end(), '\n'))));
    size_t begin = 0, end = data.size();
    while (begin < end && isAsciiSpace(data[begin]))
        ++begin;
    while (end > begin && isAsciiSpace(data[end - 1]))
        --end;
    size_t lineNo = 0;   // 1-based line of the stripped file; line 1 is the "#version" header
    size_t pos = begin;
    while (pos <= end) {
        size_t nl = data.find('\n', pos);
        if (nl == std::string::npos || nl > end)
            nl = end;
        const std::string_view line(data.data() + pos, nl - pos);
        ++lineNo;
        pos = nl + 1;
        if (lineNo > kMaxMerges + 1)
            break;
        if (lineNo > 1) {
            std::string_view pair[2];
            if (splitAsciiFields(line, pair) != 2)
                throw ModelError("tokenizer file " + file.string() + " line " + std::to_string(lineNo) +
                                 ": expected two symbols separated by a space, got \"" + std::string(line) +
                                 "\": re-download the model's tokenizer folder");
            std::string key;
            key.reserve(pair[0].size() + 1 + pair[1].size());
            key.append(pair[0]).append(1, ' ').append(pair[1]);
            // dict(zip(merges, range(...))): a repeated pair keeps its last rank.
            mergeRanks_.insert_or_assign(std::move(key), static_cast<int>(lineNo - 2));
        }
        if (nl == end)
            break;
    }
    if (lineNo < 2)
        throw ModelError("tokenizer file " + file.string() + " holds no merges: re-download the model's tokenizer folder");
}

void ClipTokenizer::loadConfig(const fs::path& dir) {
    std::string bos = kStartOfText, eos = kEndOfText, pad = kEndOfText, unk = kEndOfText;
    nlohmann::json config = nlohmann::json::object();
    if (fs::exists(dir / "tokenizer_config.json"))
        config = readJson(dir / "tokenizer_config.json");
    for (const char* name : {"tokenizer_config.json", "special_tokens_map.json"}) {
        if (!fs::exists(dir / name))
            continue;
        const nlohmann::json j = std::string(name) == "tokenizer_config.json" ? config : readJson(dir / name);
        if (!j.is_object())
            throw ModelError("tokenizer file " + (dir / name).string() + " must be a JSON object");
        readTokenField(j, "bos_token", bos);
        readTokenField(j, "eos_token", eos);
        readTokenField(j, "pad_token", pad);
        readTokenField(j, "unk_token", unk);
    }
    // transformers leaves model_max_length at 1e30 when the config lacks it; CLIP text encoders have 77 positions.
    if (config.contains("model_max_length") && config["model_max_length"].is_number()) {
        const double m = config["model_max_length"].get<double>();
        if (m >= 2 && m < 1e6)
            maxLength_ = static_cast<int64_t>(m);
    }

    auto addToken = [&](const std::string& content, int64_t id, bool lstrip, bool rstrip) {
        if (content.empty() || addedIds_.count(content))
            return;
        addedIds_[content] = id;
        addedTokens_.push_back({content, lstrip, rstrip});
    };
    if (config.contains("added_tokens_decoder") && config["added_tokens_decoder"].is_object()) {
        for (auto& [key, value] : config["added_tokens_decoder"].items()) {
            int64_t id = -1;
            try {
                id = std::stoll(key);
            } catch (const std::exception&) {
                throw ModelError("tokenizer file " + (dir / "tokenizer_config.json").string() +
                                 ": added_tokens_decoder key \"" + key + "\" is not a token id");
            }
            if (!value.is_object() || !value.contains("content") || !value["content"].is_string())
                throw ModelError("tokenizer file " + (dir / "tokenizer_config.json").string() +
                                 ": added token " + key + " has no \"content\" string");
            addToken(value["content"].get<std::string>(), id, value.value("lstrip", false), value.value("rstrip", false));
        }
    }
    auto specialId = [&](const std::string& token, const char* role) -> int64_t {
        if (auto it = addedIds_.find(token); it != addedIds_.end())
            return it->second;
        auto it = vocab_.find(token);
        if (it == vocab_.end())
            throw ModelError(std::string("tokenizer ") + role + " token \"" + token + "\" is not in " +
                             (dir / "vocab.json").string() + ": the tokenizer folder is inconsistent, re-download it");
        addToken(token, it->second, false, false);
        return it->second;
    };
    unkId_ = specialId(unk, "unk");
    bosId_ = specialId(bos, "bos");
    eosId_ = specialId(eos, "eos");
    padId_ = specialId(pad, "pad");
}

int64_t ClipTokenizer::tokenToId(const std::string& token) const {
    if (auto it = addedIds_.find(token); it != addedIds_.end())
        return it->second;
    auto it = vocab_.find(token);
    return it == vocab_.end() ? unkId_ : it->second;
}

std::vector<std::string> ClipTokenizer::bpe(const std::string& token) const {
    // One symbol per byte (each bytes_to_unicode symbol is one code point), the last one marked as word end.
    std::vector<std::string> word;
    for (size_t i = 0; i < token.size();) {
        const auto lead = static_cast<unsigned char>(token[i]);
        const size_t len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        word.push_back(token.substr(i, len));
        i += len;
    }
    if (word.empty())
        return {};
    word.back() += "</w>";
    if (word.size() == 1)
        return word;
    std::string key;
    while (word.size() > 1) {
        // The adjacent pair of lowest rank (ranks are unique per pair, so Python's min() over the set agrees).
        int best = -1;
        size_t bestAt = 0;
        for (size_t i = 0; i + 1 < word.size(); ++i) {
            key.assign(word[i]).append(1, ' ').append(word[i + 1]);
            auto it = mergeRanks_.find(key);
            if (it != mergeRanks_.end() && (best < 0 || it->second < best)) {
                best = it->second;
                bestAt = i;
            }
        }
        if (best < 0)
            break;
        const std::string first = word[bestAt], second = word[bestAt + 1];
        std::vector<std::string> merged;
        merged.reserve(word.size());
        for (size_t i = 0; i < word.size();) {   // every non-overlapping occurrence, left to right
            if (i + 1 < word.size() && word[i] == first && word[i + 1] == second) {
                merged.push_back(first + second);
                i += 2;
            } else {
                merged.push_back(word[i]);
                ++i;
            }
        }
        word.swap(merged);
    }
    return word;
}

void ClipTokenizer::appendBpe(const std::string& token, std::vector<std::string>& out) const {
    if (token == kStartOfText || token == kEndOfText) {
        out.push_back(token);
        return;
    }
    {
        std::lock_guard<std::mutex> lock(cacheMutex_);
        if (auto it = cache_.find(token); it != cache_.end()) {
            out.insert(out.end(), it->second.begin(), it->second.end());
            return;
        }
    }
    std::vector<std::string> pieces = bpe(token);
    out.insert(out.end(), pieces.begin(), pieces.end());
    std::lock_guard<std::mutex> lock(cacheMutex_);
    if (cache_.size() >= kCacheLimit)
        cache_.clear();
    cache_.emplace(token, std::move(pieces));
}

void ClipTokenizer::tokenizePiece(const std::u32string& piece, std::vector<std::string>& out) const {
    const std::u32string text = cleaning_ == TextCleaning::Ftfy ? clip::ftfyClean(piece) : clip::basicTokenizerClean(piece);
    for (const std::u32string& pre : clip::preTokenize(text)) {
        std::string symbols;
        for (unsigned char b : unicode::encodeUtf8(pre))
            symbols += byteSymbols_[b];
        appendBpe(symbols, out);
    }
}

std::vector<std::string> ClipTokenizer::tokenize(const std::string& text) const {
    const std::u32string input = unicode::decodeUtf8(text, "prompt");
    // PreTrainedTokenizer.tokenize: added tokens are cut out of the raw text first (leftmost, then longest
    // match, case-sensitive) and never cleaned; lstrip/rstrip eat the whitespace beside them.
    struct Segment {
        std::u32string text;
        const AddedToken* added = nullptr;
    };
    std::vector<std::u32string> literals;
    for (const AddedToken& t : addedTokens_)
        literals.push_back(unicode::decodeUtf8(t.content));
    std::vector<Segment> segments;
    size_t start = 0;
    for (size_t i = 0; i < input.size();) {
        size_t bestLen = 0;
        const AddedToken* best = nullptr;
        for (size_t k = 0; k < literals.size(); ++k) {
            const std::u32string& lit = literals[k];
            if (lit.size() > bestLen && input.compare(i, lit.size(), lit) == 0) {
                bestLen = lit.size();
                best = &addedTokens_[k];
            }
        }
        if (!best) {
            ++i;
            continue;
        }
        if (i > start)
            segments.push_back({input.substr(start, i - start), nullptr});
        segments.push_back({literals[static_cast<size_t>(best - addedTokens_.data())], best});
        i += bestLen;
        start = i;
    }
    if (start < input.size())
        segments.push_back({input.substr(start), nullptr});
    for (size_t k = 0; k < segments.size(); ++k) {
        if (!segments[k].added)
            continue;
        if (segments[k].added->rstrip && k + 1 < segments.size() && !segments[k + 1].added)
            segments[k + 1].text = clip::stripLeft(segments[k + 1].text);
        if (segments[k].added->lstrip && k > 0 && !segments[k - 1].added)
            segments[k - 1].text = clip::stripRight(segments[k - 1].text);
    }

    std::vector<std::string> tokens;
    for (const Segment& s : segments) {
        if (s.added)
            tokens.push_back(s.added->content);
        else if (!s.text.empty())
            tokenizePiece(s.text, tokens);
    }
    return tokens;
}

TokenizedText ClipTokenizer::encode(const std::string& text) const {
    const std::vector<std::string> tokens = tokenize(text);
    std::vector<int64_t> ids;
    ids.reserve(tokens.size());
    for (const std::string& t : tokens)
        ids.push_back(tokenToId(t));
    return assemble(ids, bosId_, eosId_, padId_, maxLength_);
}

} // namespace i2v
