// What every video the engine writes embeds about how it was made: the request's parameters
// (GenerationRequest::describe), the scheduler that ran, the model and its fingerprint, and the app's
// version. The command line and the desktop app both write it through this one function.
#pragma once
#include "export/ExportMetadata.h"
#include "pipeline/GenerationRequest.h"

#include <string>

namespace i2v {

// `schedulerName`: the one that ran (GenerationResult::schedulerName); `modelName`: what the user knows the
// model as (a folder name or a repo id); `modelHash`: DiffusersFolder::fingerprint().
ExportMetadata resultMetadata(const GenerationRequest& request, const std::string& schedulerName,
                              const std::string& modelName, const std::string& modelHash);

} // namespace i2v
