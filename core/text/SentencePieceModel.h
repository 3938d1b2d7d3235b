// A SentencePiece model used through libi2v_sentencepiece, the module that isolates sentencepiece (and its
// bundled protobuf) from libtorch's protobuf; see text/sentencepiece_bridge/SentencePieceBridgeApi.h.
// The module is found next to the executable, in ../lib/i2v-studio, at $I2V_SENTENCEPIECE_BRIDGE, or in
// the build tree. Only compiled when sentencepiece is found.
#pragma once
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace i2v {

class SentencePieceBridge;

class SentencePieceModel {
public:
    // Throws ModelError naming the file (or the missing module).
    explicit SentencePieceModel(const std::filesystem::path& file);
    ~SentencePieceModel();
    SentencePieceModel(const SentencePieceModel&) = delete;
    SentencePieceModel& operator=(const SentencePieceModel&) = delete;

    std::vector<int> encode(const std::string& text) const;  // the processor's Encode ids; InputError on failure
    std::string idToPiece(int id) const;
    int pieceToId(const std::string& piece) const;
    bool isUnknown(int id) const;
    int pieceSize() const;
    int bosId() const;
    int eosId() const;
    int padId() const;

private:
    std::shared_ptr<const SentencePieceBridge> bridge_;
    void* model_ = nullptr;
};

// sentencepiece's SentencePieceTrainer::Train(args) through the module; ModelError with its message.
void trainSentencePieceModel(const std::string& args);

} // namespace i2v
