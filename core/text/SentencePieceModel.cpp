#include "text/SentencePieceModel.h"

#include "text/sentencepiece_bridge/SentencePieceBridgeApi.h"
#include "util/Errors.h"

#include <dlfcn.h>
#include <unistd.h>

#include <climits>
#include <cstdlib>
#include <mutex>

namespace i2v {

// The loaded module and its entry points; one per process, shared by every model (dlopen refcounts).
class SentencePieceBridge {
public:
    static std::shared_ptr<const SentencePieceBridge> get() {
        static std::mutex mutex;
        static std::weak_ptr<const SentencePieceBridge> cached;
        std::lock_guard<std::mutex> lock(mutex);
        if (auto existing = cached.lock())
            return existing;
        auto bridge = std::shared_ptr<const SentencePieceBridge>(new SentencePieceBridge());
        cached = bridge;
        return bridge;
    }
    ~SentencePieceBridge() {
        if (handle_)
            ::dlclose(handle_);
    }

    decltype(&i2v_spm_load) load = nullptr;
    decltype(&i2v_spm_free) free = nullptr;
    decltype(&i2v_spm_piece_size) pieceSize = nullptr;
    decltype(&i2v_spm_piece_to_id) pieceToId = nullptr;
    decltype(&i2v_spm_is_unknown) isUnknown = nullptr;
    decltype(&i2v_spm_id_to_piece) idToPiece = nullptr;
    decltype(&i2v_spm_special_id) specialId = nullptr;
    decltype(&i2v_spm_encode) encode = nullptr;
    decltype(&i2v_spm_train) train = nullptr;

private:
    SentencePieceBridge() {
        std::vector<std::string> candidates;
        if (const char* env = std::getenv("I2V_SENTENCEPIECE_BRIDGE"); env && *env)
            candidates.push_back(env);
        char exe[PATH_MAX];
        const ssize_t n = ::readlink("/proc/self/exe", exe, sizeof exe - 1);
        if (n > 0) {
            const std::filesystem::path dir = std::filesystem::path(std::string(exe, size_t(n))).parent_path();
            candidates.push_back((dir / "libi2v_sentencepiece.so").string());
            candidates.push_back((dir.parent_path() / "lib" / "i2v-studio" / "libi2v_sentencepiece.so").string());
        }
#ifdef I2V_SPM_BRIDGE_BUILD_PATH
        candidates.push_back(I2V_SPM_BRIDGE_BUILD_PATH);
#endif
        std::string errors;
        for (const auto& path : candidates) {
            // DEEPBIND: the module and libsentencepiece resolve their own (protobuf) symbols first.
            handle_ = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND);
            if (handle_)
                break;
            errors += std::string("\n  ") + ::dlerror();
        }
        if (!handle_)
            throw ModelError("SentencePiece tokenizers need libi2v_sentencepiece.so, which was not found:" + errors +
                             "\nReinstall I2V Studio or set I2V_SENTENCEPIECE_BRIDGE to the module's path");
        auto bind = [&](auto& fn, const char* name) {
            fn = reinterpret_cast<std::remove_reference_t<decltype(fn)>>(::dlsym(handle_, name));
            if (!fn)
                throw ModelError(std::string("libi2v_sentencepiece.so lacks ") + name + ": reinstall I2V Studio");
        };
        bind(load, "i2v_spm_load");
        bind(free, "i2v_spm_free");
        bind(pieceSize, "i2v_spm_piece_size");
        bind(pieceToId, "i2v_spm_piece_to_id");
        bind(isUnknown, "i2v_spm_is_unknown");
        bind(idToPiece, "i2v_spm_id_to_piece");
        bind(specialId, "i2v_spm_special_id");
        bind(encode, "i2v_spm_encode");
        bind(train, "i2v_spm_train");
    }
    void* handle_ = nullptr;
};

SentencePieceModel::SentencePieceModel(const std::filesystem::path& file) : bridge_(SentencePieceBridge::get()) {
    char err[512] = {0};
    model_ = bridge_->load(file.c_str(), err, sizeof err);
    if (!model_)
        throw ModelError("cannot load SentencePiece model " + file.string() + " (" + err +
                         "): re-download the model's tokenizer folder");
}

SentencePieceModel::~SentencePieceModel() {
    if (model_)
        bridge_->free(static_cast<i2v_spm*>(model_));
}

static const i2v_spm* cast(void* m) { return static_cast<const i2v_spm*>(m); }

std::vector<int> SentencePieceModel::encode(const std::string& text) const {
    std::vector<int> ids(text.size() + 16);
    char err[512] = {0};
    int n = bridge_->encode(cast(model_), text.data(), text.size(), ids.data(), int(ids.size()), err, sizeof err);
    if (n > int(ids.size())) {
        ids.resize(size_t(n));
        n = bridge_->encode(cast(model_), text.data(), text.size(), ids.data(), int(ids.size()), err, sizeof err);
    }
    if (n < 0)
        throw InputError(std::string("SentencePiece could not encode the prompt (") + err + ")");
    ids.resize(size_t(n));
    return ids;
}

std::string SentencePieceModel::idToPiece(int id) const {
    std::string piece(64, '\0');
    size_t n = bridge_->idToPiece(cast(model_), id, piece.data(), piece.size());
    if (n >= piece.size()) {
        piece.assign(n + 1, '\0');
        n = bridge_->idToPiece(cast(model_), id, piece.data(), piece.size());
    }
    piece.resize(n);
    return piece;
}

int SentencePieceModel::pieceToId(const std::string& piece) const { return bridge_->pieceToId(cast(model_), piece.c_str()); }
bool SentencePieceModel::isUnknown(int id) const { return bridge_->isUnknown(cast(model_), id) != 0; }
int SentencePieceModel::pieceSize() const { return bridge_->pieceSize(cast(model_)); }
int SentencePieceModel::bosId() const { return bridge_->specialId(cast(model_), 0); }
int SentencePieceModel::eosId() const { return bridge_->specialId(cast(model_), 1); }
int SentencePieceModel::padId() const { return bridge_->specialId(cast(model_), 2); }

void trainSentencePieceModel(const std::string& args) {
    const auto bridge = SentencePieceBridge::get();
    char err[1024] = {0};
    if (bridge->train(args.c_str(), err, sizeof err) != 0)
        throw ModelError(std::string("SentencePiece training failed: ") + err);
}

} // namespace i2v
