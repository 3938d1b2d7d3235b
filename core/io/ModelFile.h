// ModelFile: checks and reads the small files of a model folder that are parsed whole (configs, a tokenizer's
// vocabulary, merges and SentencePiece model). A broken or hostile folder can hold something else under those
// names: a pipe (opening it waits for a writer for ever), a link to /dev/zero (reading it never ends) or a file
// of gigabytes. Each is refused with a ModelError naming the file and `advice` (what the user can do), before
// it is opened or read whole.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>

namespace i2v {

// Real configs are a few kilobytes (a scheduler's trained_betas list some hundred); CLIP's vocab.json is 1.6 MB
// and T5's spiece.model 0.8 MB. The bounds leave room for any real one and keep a hostile file's gigabytes
// from sizing a parse.
constexpr std::uintmax_t kMaxConfigFileBytes = 16u << 20;
constexpr std::uintmax_t kMaxTokenizerFileBytes = 64u << 20;

// Throws unless `path` is a regular file (links followed) of at most `maxBytes`.
void checkModelFile(const std::filesystem::path& path, std::uintmax_t maxBytes, const std::string& advice);

// checkModelFile, then the whole file (as large as it was checked, should it grow meanwhile).
std::string readModelFile(const std::filesystem::path& path, std::uintmax_t maxBytes, const std::string& advice);

} // namespace i2v
