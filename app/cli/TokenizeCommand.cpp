// `i2v tokenize [--model DIR|ORG/NAME] "text" [--json]`: the ids the pipeline would feed the text encoder for a prompt,
// how many tokens the prompt needs, and whether the model will see all of it (77 tokens for CLIP).
#include "Commands.h"
#include "ModelArgument.h"

#include "hub/HubSettings.h"
#include "hub/ModelCatalog.h"

#include "text/TokenizerFactory.h"
#include "util/Errors.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <iostream>
#include <memory>
#include <string>

namespace i2v::cli {

namespace {

struct TokenizeOptions {
    std::string model;
    std::string text;
    bool json = false;
};

int runTokenize(const TokenizeOptions& opt) {
    const std::filesystem::path modelDir =
        hub::resolveModelArgument(modelArgumentOrInstalled(opt.model), hub::HubSettings::defaultCacheDir());
    if (!std::filesystem::is_directory(modelDir))
        throw ModelError("model folder " + modelDir.string() + " does not exist: pass a diffusers model folder with --model");
    const std::unique_ptr<Tokenizer> tokenizer = loadTokenizer(modelDir / "tokenizer");
    const TokenizedText enc = tokenizer->encode(opt.text);
    if (opt.json) {
        // The contract tested from outside: one JSON object on one line.
        const nlohmann::json out = {{"ids", enc.ids}, {"count", enc.count}, {"truncated", enc.truncated}};
        std::cout << out.dump() << std::endl;
        return 0;
    }
    std::cout << "ids:";
    for (int64_t id : enc.ids)
        std::cout << ' ' << id;
    std::cout << "\ncount: " << enc.count << " of " << tokenizer->maxLength() << " tokens\n"
              << "truncated: " << (enc.truncated ? "yes" : "no") << "\n";
    if (enc.truncated)
        std::cerr << "i2v: the prompt needs " << enc.count << " tokens; the model only sees the first "
                  << tokenizer->maxLength() << " (shorten the prompt to keep its end)\n";
    return 0;
}

} // namespace

void addTokenizeCommand(CLI::App& app, Action& action) {
    auto opt = std::make_shared<TokenizeOptions>();
    CLI::App* cmd = app.add_subcommand("tokenize", "Show the token ids of a prompt, its token count and truncation");
    cmd->add_option("--model", opt->model, "Diffusers model folder (its tokenizer/ subfolder is used) or a model id in "
                                         "the Hugging Face cache; default: the installed I2VGen-XL, as for generate");
    cmd->add_option("text", opt->text, "The prompt")->required();
    cmd->add_flag("--json", opt->json, "Print one JSON object {\"ids\", \"count\", \"truncated\"}");
    cmd->callback([opt, &action] { action = [opt] { return runTokenize(*opt); }; });
}

} // namespace i2v::cli
