// What `--model` names for the commands that read a model: the argument as given (a folder, or a repo id
// found offline in the Hugging Face cache), else the real model installed, as the desktop app picks it.
#pragma once
#include <string>

namespace i2v::cli {

// `given` when not empty; else ModelCatalog's installedModel (<app models>/i2vgen-xl, then
// ali-vilab/i2vgen-xl in the cache), as a repo id when it is the cache's so that a video's metadata names it
// as when a user names it. Throws ModelError saying how to get a model when there is none.
std::string modelArgumentOrInstalled(const std::string& given);

} // namespace i2v::cli
