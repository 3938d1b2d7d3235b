// Which files of a Hub repository make the diffusers pipeline, chosen as DiffusionPipeline.download does:
// model_index.json, and in each component folder it names the configs, tokenizer and scheduler files plus
// that component's weights in the chosen variant (falling back to the other variant where a component has
// only that one). Never the repository's other files (I2VGen-XL also holds ~20 GB of original checkpoints
// under models/), never pickle/ONNX/Flax weights: the engine loads only .safetensors.
#pragma once
#include "hub/HubApi.h"

#include <string>
#include <vector>

namespace i2v::hub {

enum class DownloadVariant { Fp16, Fp32 };

const char* variantName(DownloadVariant v);                   // "fp16" / "fp32"
DownloadVariant parseDownloadVariant(const std::string& s);   // InputError for anything else

struct ModelFileSelection {
    std::vector<RepoFile> files;          // model_index.json first
    std::vector<std::string> notes;       // e.g. "text_encoder: no fp16 weights, the fp32 file is used"
    uint64_t totalBytes() const;
};

// `modelIndexJson` is the text of the repository's model_index.json. Throws HubError when it is not a
// diffusers pipeline or a component has no .safetensors weights at all.
ModelFileSelection selectPipelineFiles(const std::string& modelIndexJson, const RepoInfo& repo, DownloadVariant variant);

// The component folders model_index.json names (keys not starting with '_' whose value is a [library, class]
// pair that is not null). Throws HubError naming the problem.
std::vector<std::string> pipelineComponents(const std::string& modelIndexJson);

} // namespace i2v::hub
