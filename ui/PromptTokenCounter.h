// PromptTokenCounter: the "23 / 77" count under a prompt, from the model's own tokenizer (loaded in the
// UI thread: tokenizing is string work, not a tensor op). Knows when the model will cut the prompt.
#pragma once
#include <QString>

#include <memory>

namespace i2v {
class Tokenizer;
}

namespace i2v::ui {

class PromptTokenCounter {
public:
    PromptTokenCounter();
    ~PromptTokenCounter();

    // Loads <modelDir>/tokenizer; returns false (and counts nothing) when it cannot be read.
    bool load(const QString& modelDir);
    bool isLoaded() const { return tokenizer_ != nullptr; }

    struct Count {
        int tokens = 0;      // with the start/end specials, as the model counts them
        int maxTokens = 0;   // 77 for CLIP
        bool truncated = false;
        bool valid = false;
    };
    Count count(const QString& text) const;

private:
    std::unique_ptr<Tokenizer> tokenizer_;
};

} // namespace i2v::ui
