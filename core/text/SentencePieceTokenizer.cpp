// SentencePiece-model tokenizer; see SentencePieceTokenizer.h.
#include "text/SentencePieceTokenizer.h"

#include "io/ModelFile.h"
#include "text/SentencePieceModel.h"
#include "text/Unicode.h"
#include "util/Errors.h"

#include <nlohmann/json.hpp>

namespace i2v {

namespace fs = std::filesystem;

namespace {

const std::string kRedownload = "re-download the model's tokenizer folder";

nlohmann::json readOptionalJson(const fs::path& file) {
    if (!fs::exists(file))
        return nlohmann::json::object();
    const std::string text = readModelFile(file, kMaxTokenizerFileBytes, kRedownload);
    try {
        nlohmann::json j = nlohmann::json::parse(text);
        if (!j.is_object())
            throw ModelError("tokenizer file " + file.string() + " must be a JSON object");
        return j;
    } catch (const nlohmann::json::parse_error& e) {
        throw ModelError("tokenizer file " + file.string() + " is not valid JSON (" + e.what() +
                         "): re-download the model's tokenizer folder");
    }
}

bool tokenField(const nlohmann::json& j, const char* key, std::string& out) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null())
        return false;
    if (it->is_string()) {
        out = it->get<std::string>();
        return true;
    }
    if (it->is_object() && it->contains("content") && (*it)["content"].is_string()) {
        out = (*it)["content"].get<std::string>();
        return true;
    }
    return false;
}

} // namespace

SentencePieceTokenizer::SentencePieceTokenizer(const fs::path& modelFile, int64_t fallbackMaxLength)
    : file_(modelFile), maxLength_(fallbackMaxLength) {
    checkModelFile(modelFile, kMaxTokenizerFileBytes, kRedownload);  // SentencePiece opens and reads it itself
    sp_ = std::make_unique<SentencePieceModel>(modelFile);

    const fs::path dir = modelFile.parent_path();
    nlohmann::json config = readOptionalJson(dir / "tokenizer_config.json");
    const nlohmann::json map = readOptionalJson(dir / "special_tokens_map.json");
    std::string eos, pad;
    tokenField(config, "eos_token", eos);
    tokenField(config, "pad_token", pad);
    tokenField(map, "eos_token", eos);
    tokenField(map, "pad_token", pad);

    auto pieceId = [&](const std::string& piece, const char* role) -> int64_t {
        const int id = sp_->pieceToId(piece);
        if (sp_->isUnknown(id) && piece != sp_->idToPiece(id))
            throw ModelError(std::string(role) + " token \"" + piece + "\" of " + (dir / "tokenizer_config.json").string() +
                             " is not a piece of " + modelFile.string() + ": the tokenizer folder is inconsistent");
        return id;
    };

    // T5 appends EOS and no BOS; Llama-style configs say otherwise explicitly.
    const std::string cls = config.value("tokenizer_class", std::string());
    const bool llama = cls.find("Llama") != std::string::npos;
    const bool addBos = config.value("add_bos_token", llama);
    const bool addEos = config.value("add_eos_token", !llama);
    if (addBos) {
        std::string bos;
        bosId_ = (tokenField(map, "bos_token", bos) || tokenField(config, "bos_token", bos)) ? pieceId(bos, "bos")
                                                                                            : sp_->bosId();
        if (bosId_ < 0)
            throw ModelError("SentencePiece model " + modelFile.string() + " has no BOS piece but the config asks for one");
    }
    if (addEos) {
        eosId_ = eos.empty() ? sp_->eosId() : pieceId(eos, "eos");
        if (eosId_ < 0)
            throw ModelError("SentencePiece model " + modelFile.string() + " has no EOS piece but the config asks for one");
    }
    if (!pad.empty())
        padId_ = pieceId(pad, "pad");
    else if (sp_->padId() >= 0)
        padId_ = sp_->padId();
    else if (sp_->eosId() >= 0)
        padId_ = sp_->eosId();
    else
        padId_ = 0;

    if (config.contains("model_max_length") && config["model_max_length"].is_number()) {
        const double m = config["model_max_length"].get<double>();
        if (m >= 1 && m < 1e6)   // transformers writes 1e30 for "no limit"
            maxLength_ = static_cast<int64_t>(m);
    }
}

SentencePieceTokenizer::~SentencePieceTokenizer() = default;

int64_t SentencePieceTokenizer::vocabSize() const { return sp_->pieceSize(); }

std::vector<std::string> SentencePieceTokenizer::tokenize(const std::string& text) const {
    unicode::decodeUtf8(text, "prompt");   // same InputError as the CLIP tokenizer for broken UTF-8
    std::vector<std::string> pieces;
    for (int id : sp_->encode(text))
        pieces.push_back(sp_->idToPiece(id));
    return pieces;
}

TokenizedText SentencePieceTokenizer::encode(const std::string& text) const {
    unicode::decodeUtf8(text, "prompt");
    const std::vector<int> ids = sp_->encode(text);
    return assemble(std::vector<int64_t>(ids.begin(), ids.end()), bosId_, eosId_, padId_, maxLength_);
}

} // namespace i2v
