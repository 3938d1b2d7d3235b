// Padding and truncation shared by every tokenizer (transformers `PreTrainedTokenizerBase.prepare_for_model`
// with truncation=True, padding="max_length", padding_side="right", truncation_side="right").
#include "text/Tokenizer.h"

#include "util/Errors.h"

#include <algorithm>

namespace i2v {

TokenizedText Tokenizer::assemble(const std::vector<int64_t>& content, int64_t bos, int64_t eos, int64_t pad,
                                  int64_t maxLength) {
    const int64_t specials = (bos >= 0 ? 1 : 0) + (eos >= 0 ? 1 : 0);
    if (maxLength < specials)
        throw ModelError("tokenizer model_max_length " + std::to_string(maxLength) +
                         " cannot hold its special tokens: fix model_max_length in tokenizer_config.json");
    TokenizedText out;
    out.untruncatedIds.reserve(content.size() + specials);
    if (bos >= 0)
        out.untruncatedIds.push_back(bos);
    out.untruncatedIds.insert(out.untruncatedIds.end(), content.begin(), content.end());
    if (eos >= 0)
        out.untruncatedIds.push_back(eos);
    out.count = static_cast<int64_t>(out.untruncatedIds.size());
    out.truncated = out.count > maxLength;

    const auto kept = static_cast<size_t>(std::min<int64_t>(static_cast<int64_t>(content.size()), maxLength - specials));
    out.ids.reserve(static_cast<size_t>(maxLength));
    if (bos >= 0)
        out.ids.push_back(bos);
    out.ids.insert(out.ids.end(), content.begin(), content.begin() + static_cast<std::ptrdiff_t>(kept));
    if (eos >= 0)
        out.ids.push_back(eos);
    out.attentionMask.assign(out.ids.size(), 1);
    out.ids.resize(static_cast<size_t>(maxLength), pad);
    out.attentionMask.resize(static_cast<size_t>(maxLength), 0);
    return out;
}

} // namespace i2v
