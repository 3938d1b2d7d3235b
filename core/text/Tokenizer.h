// The text tokenizer interface of the engine and the value an encoding returns.
// Mirrors what the diffusers pipelines ask of a transformers tokenizer:
//   tokenizer(text, padding="max_length", max_length=model_max_length, truncation=True)   -> ids
//   tokenizer(text, padding="longest").input_ids                                            -> untruncatedIds
// (transformers `tokenization_utils_base.py`, `PreTrainedTokenizerBase.__call__`).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace i2v {

// One encoded prompt. Plain data so that it can travel to the UI and into output metadata.
struct TokenizedText {
    std::vector<int64_t> ids;             // exactly maxLength(): specials, truncated content, then padding
    std::vector<int64_t> attentionMask;   // 1 over the real tokens of `ids`, 0 over the padding
    std::vector<int64_t> untruncatedIds;  // specials around the whole content, no padding (padding='longest')
    int64_t count = 0;                    // untruncatedIds.size(): tokens the prompt needs, specials included
    bool truncated = false;               // count > maxLength(): the model will not see the end of the prompt
};

class Tokenizer {
public:
    virtual ~Tokenizer() = default;

    // Throws InputError when `text` is not valid UTF-8.
    virtual TokenizedText encode(const std::string& text) const = 0;

    // The token strings of `text` without the specials the encoding adds (for display and debugging).
    virtual std::vector<std::string> tokenize(const std::string& text) const = 0;

    virtual int64_t maxLength() const = 0;   // model_max_length (77 for CLIP)
    virtual int64_t padId() const = 0;
    virtual int64_t vocabSize() const = 0;

protected:
    // The padding/truncation both tokenizers share: `bos` (if >= 0) + content + `eos` (if >= 0), content cut
    // from the right so that the specials survive (transformers' truncation_side="right"), then `pad` up to
    // `maxLength`. Throws ModelError when maxLength cannot even hold the specials.
    static TokenizedText assemble(const std::vector<int64_t>& content, int64_t bos, int64_t eos, int64_t pad,
                                  int64_t maxLength);
};

} // namespace i2v
