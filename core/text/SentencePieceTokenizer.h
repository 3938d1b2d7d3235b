// Tokenizer for model folders that ship a SentencePiece model (spiece.model / tokenizer.model), as transformers'
// slow `T5Tokenizer` / `LlamaTokenizer` encode for a pipeline (`models/t5/tokenization_t5.py`,
// `models/llama/tokenization_llama.py`): the pieces of sentencepiece's own Encode, then EOS (T5) and/or BOS
// (Llama) as tokenizer_config.json's add_bos_token / add_eos_token say, then right truncation and padding.
// Literal special-token strings in the text are encoded as text (transformers would cut them out first).
// Only compiled when sentencepiece is found (I2V_HAVE_SENTENCEPIECE); sentencepiece itself runs in the
// libi2v_sentencepiece module (text/SentencePieceModel.h), never linked into a program with libtorch.
#pragma once
#include "text/Tokenizer.h"

#include <filesystem>
#include <memory>

namespace i2v {

class SentencePieceModel;

class SentencePieceTokenizer : public Tokenizer {
public:
    // `modelFile` is the .model file; tokenizer_config.json / special_tokens_map.json beside it are read when
    // present. `fallbackMaxLength` is used when the config has no model_max_length. Throws ModelError.
    explicit SentencePieceTokenizer(const std::filesystem::path& modelFile, int64_t fallbackMaxLength = 77);
    ~SentencePieceTokenizer() override;

    TokenizedText encode(const std::string& text) const override;
    std::vector<std::string> tokenize(const std::string& text) const override;
    int64_t maxLength() const override { return maxLength_; }
    int64_t padId() const override { return padId_; }
    int64_t vocabSize() const override;

    int64_t bosId() const { return bosId_; }   // -1 when the encoding adds no BOS
    int64_t eosId() const { return eosId_; }   // -1 when the encoding adds no EOS

private:
    std::filesystem::path file_;
    std::unique_ptr<SentencePieceModel> sp_;  // through the isolating module
    int64_t maxLength_ = 77;
    int64_t bosId_ = -1, eosId_ = -1, padId_ = 0;
};

} // namespace i2v
