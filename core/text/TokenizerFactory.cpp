// loadTokenizer: see TokenizerFactory.h.
#include "text/TokenizerFactory.h"

#include "text/ClipTokenizer.h"
#include "util/Errors.h"
#ifdef I2V_HAVE_SENTENCEPIECE
#include "text/SentencePieceTokenizer.h"
#endif

namespace i2v {

namespace fs = std::filesystem;

std::unique_ptr<Tokenizer> loadTokenizer(const fs::path& tokenizerDir) {
    if (!fs::is_directory(tokenizerDir))
        throw ModelError("tokenizer folder " + tokenizerDir.string() +
                         " does not exist: is the model folder a complete diffusers checkpoint?");
    if (fs::exists(tokenizerDir / "vocab.json") || fs::exists(tokenizerDir / "merges.txt"))
        return std::make_unique<ClipTokenizer>(tokenizerDir);   // names whichever of the two is missing
    for (const char* name : {"spiece.model", "tokenizer.model", "sentencepiece.bpe.model"}) {
        if (!fs::exists(tokenizerDir / name))
            continue;
#ifdef I2V_HAVE_SENTENCEPIECE
        return std::make_unique<SentencePieceTokenizer>(tokenizerDir / name);
#else
        throw ModelError("tokenizer folder " + tokenizerDir.string() + " holds a SentencePiece model (" + name +
                         ") but this build has no sentencepiece support: rebuild with libsentencepiece-dev");
#endif
    }
    throw ModelError("tokenizer folder " + tokenizerDir.string() +
                     " holds no tokenizer: expected vocab.json + merges.txt (CLIP) or spiece.model / "
                     "tokenizer.model (SentencePiece); re-download the model");
}

} // namespace i2v
