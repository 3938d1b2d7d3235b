#include "pipeline/ResultMetadata.h"

namespace i2v {

ExportMetadata resultMetadata(const GenerationRequest& request, const std::string& schedulerName,
                              const std::string& modelName, const std::string& modelHash) {
    ExportMetadata meta;
    for (const auto& [key, value] : request.describe())
        meta.set(key, value);
    meta.set("scheduler", schedulerName);
    meta.set("model", modelName);
    meta.set("model_hash", modelHash);
    meta.set("app", "I2V Studio " I2V_VERSION);
    return meta;
}

} // namespace i2v
