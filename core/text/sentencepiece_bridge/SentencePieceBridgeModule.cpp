// libi2v_sentencepiece: sentencepiece behind a C ABI (see SentencePieceBridgeApi.h for why it is a module).
#include "SentencePieceBridgeApi.h"

#include <sentencepiece_processor.h>
#include <sentencepiece_trainer.h>

#include <cstring>
#include <string>

struct i2v_spm {
    sentencepiece::SentencePieceProcessor processor;
};

namespace {

void setError(char* err, size_t cap, const std::string& text) {
    if (!err || cap == 0)
        return;
    const size_t n = std::min(cap - 1, text.size());
    std::memcpy(err, text.data(), n);
    err[n] = '\0';
}

} // namespace

extern "C" {

__attribute__((visibility("default"))) i2v_spm* i2v_spm_load(const char* path, char* err, size_t errCap) {
    try {
        auto* m = new i2v_spm;
        const auto status = m->processor.Load(path);
        if (!status.ok()) {
            setError(err, errCap, status.ToString());
            delete m;
            return nullptr;
        }
        return m;
    } catch (const std::exception& e) {
        setError(err, errCap, e.what());
        return nullptr;
    }
}

__attribute__((visibility("default"))) void i2v_spm_free(i2v_spm* model) { delete model; }

__attribute__((visibility("default"))) int i2v_spm_piece_size(const i2v_spm* m) { return m->processor.GetPieceSize(); }

__attribute__((visibility("default"))) int i2v_spm_piece_to_id(const i2v_spm* m, const char* piece) {
    return m->processor.PieceToId(piece);
}

__attribute__((visibility("default"))) int i2v_spm_is_unknown(const i2v_spm* m, int id) {
    return m->processor.IsUnknown(id) ? 1 : 0;
}

__attribute__((visibility("default"))) size_t i2v_spm_id_to_piece(const i2v_spm* m, int id, char* buf, size_t cap) {
    const std::string& piece = m->processor.IdToPiece(id);
    if (buf && cap > piece.size()) {
        std::memcpy(buf, piece.data(), piece.size());
        buf[piece.size()] = '\0';
    }
    return piece.size();
}

__attribute__((visibility("default"))) int i2v_spm_special_id(const i2v_spm* m, int which) {
    switch (which) {
    case 0: return m->processor.bos_id();
    case 1: return m->processor.eos_id();
    case 2: return m->processor.pad_id();
    case 3: return m->processor.unk_id();
    }
    return -1;
}

__attribute__((visibility("default"))) int i2v_spm_encode(const i2v_spm* m, const char* text, size_t len, int* ids,
                                                          int cap, char* err, size_t errCap) {
    std::vector<int> out;
    const auto status = m->processor.Encode(std::string(text, len), &out);
    if (!status.ok()) {
        setError(err, errCap, status.ToString());
        return -1;
    }
    for (int i = 0; i < cap && i < static_cast<int>(out.size()); ++i)
        ids[i] = out[i];
    return static_cast<int>(out.size());
}

__attribute__((visibility("default"))) int i2v_spm_train(const char* args, char* err, size_t errCap) {
    const auto status = sentencepiece::SentencePieceTrainer::Train(args);
    if (!status.ok()) {
        setError(err, errCap, status.ToString());
        return 1;
    }
    return 0;
}

} // extern "C"
