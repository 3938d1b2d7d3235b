// CLIP's byte-level BPE tokenizer, bit-exact to transformers' slow `CLIPTokenizer`
// (transformers `models/clip/tokenization_clip.py` + `tokenization_utils.py` at 11ef35e8), read from a
// diffusers `tokenizer/` folder: vocab.json, merges.txt, tokenizer_config.json / special_tokens_map.json.
//
// Two text clean-ups, as CLIPTokenizer chooses at construction:
//  - BasicTokenizer (default; what the pipeline runs when ftfy is not importable, the pip-install default):
//    BERT's BasicTokenizer(strip_accents=False, do_split_on_punc=False), i.e. drop controls, space out CJK,
//    NFC, whitespace split, lower.
//  - Ftfy: ftfy.fix_text + whitespace_clean + lower, with the subset of fix_text in FtfyText.h
//    (no mojibake repair; see there).
// Then the CLIP pre-tokenizer regex, UTF-8 bytes -> bytes_to_unicode symbols, BPE with `</w>` word ends.
#pragma once
#include "text/Tokenizer.h"

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace i2v {

class ClipTokenizer : public Tokenizer {
public:
    enum class TextCleaning { BasicTokenizer, Ftfy };

    // Throws ModelError naming the file (and line) when a file is missing or malformed.
    explicit ClipTokenizer(const std::filesystem::path& dir, TextCleaning cleaning = TextCleaning::BasicTokenizer);

    TokenizedText encode(const std::string& text) const override;
    std::vector<std::string> tokenize(const std::string& text) const override;
    int64_t maxLength() const override { return maxLength_; }
    int64_t padId() const override { return padId_; }
    int64_t vocabSize() const override { return static_cast<int64_t>(vocab_.size()); }

    int64_t bosId() const { return bosId_; }
    int64_t eosId() const { return eosId_; }
    int64_t tokenToId(const std::string& token) const;   // unknown -> the unk id, as _convert_token_to_id

    // The merges CLIPTokenizer reads: merges.txt lines 1 .. 49152-256-2 (the rest of a longer file is ignored).
    static constexpr size_t kMaxMerges = 49152 - 256 - 2;
    // BPE results kept per pre-token; the cache is dropped when it grows past this (prompts reuse few words).
    static constexpr size_t kCacheLimit = 20000;

private:
    struct AddedToken {
        std::string content;
        bool lstrip = false;
        bool rstrip = false;
    };

    void loadVocab(const std::filesystem::path& file);
    void loadMerges(const std::filesystem::path& file);
    void loadConfig(const std::filesystem::path& dir);
    std::u32string clean(const std::u32string& text) const;
    void tokenizePiece(const std::u32string& piece, std::vector<std::string>& out) const;
    void appendBpe(const std::string& token, std::vector<std::string>& out) const;   // cached
    std::vector<std::string> bpe(const std::string& token) const;

    std::filesystem::path dir_;
    TextCleaning cleaning_;
    std::unordered_map<std::string, int64_t> vocab_;
    std::unordered_map<std::string, int> mergeRanks_;   // key: first + ' ' + second
    std::vector<AddedToken> addedTokens_;               // split out of the text before any clean-up
    std::unordered_map<std::string, int64_t> addedIds_;
    std::string byteSymbols_[256];                      // bytes_to_unicode(), UTF-8 encoded
    int64_t maxLength_ = 77;
    int64_t bosId_ = -1, eosId_ = -1, padId_ = -1, unkId_ = -1;

    mutable std::mutex cacheMutex_;
    mutable std::unordered_map<std::string, std::vector<std::string>> cache_;
};

} // namespace i2v
