// Chooses the tokenizer for a diffusers `tokenizer/` folder by the files it holds, as transformers'
// AutoTokenizer would by tokenizer_class: vocab.json + merges.txt -> CLIP BPE, a .model file -> SentencePiece.
#pragma once
#include "text/Tokenizer.h"

#include <filesystem>
#include <memory>

namespace i2v {

// Throws ModelError naming `tokenizerDir` when it is missing or holds neither kind of tokenizer.
std::unique_ptr<Tokenizer> loadTokenizer(const std::filesystem::path& tokenizerDir);

} // namespace i2v
