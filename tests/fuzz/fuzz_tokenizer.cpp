// libFuzzer target: the CLIP tokenizer (both text clean-ups) on arbitrary bytes as the prompt. Invalid
// UTF-8 must be an InputError; every encoding must have exactly maxLength ids, all inside the vocabulary.
#include "text/ClipTokenizer.h"
#include "util/Errors.h"

#include <memory>

namespace {

const i2v::ClipTokenizer& tokenizer(bool ftfy) {
    static const i2v::ClipTokenizer basic(I2V_FUZZ_TOKENIZER_DIR, i2v::ClipTokenizer::TextCleaning::BasicTokenizer);
    static const i2v::ClipTokenizer withFtfy(I2V_FUZZ_TOKENIZER_DIR, i2v::ClipTokenizer::TextCleaning::Ftfy);
    return ftfy ? withFtfy : basic;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0)
        return 0;
    const bool ftfy = data[0] & 1;  // the first byte picks the clean-up, the rest is the prompt
    const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
    const i2v::ClipTokenizer& t = tokenizer(ftfy);
    try {
        const i2v::TokenizedText encoded = t.encode(text);
        if (int64_t(encoded.ids.size()) != t.maxLength() || encoded.attentionMask.size() != encoded.ids.size() ||
            encoded.count != int64_t(encoded.untruncatedIds.size()) || encoded.truncated != (encoded.count > t.maxLength()))
            __builtin_trap();
        for (int64_t id : encoded.untruncatedIds)
            if (id < 0 || id >= t.vocabSize())
                __builtin_trap();
        (void)t.tokenize(text);
    } catch (const i2v::InputError&) {
    }
    return 0;
}
