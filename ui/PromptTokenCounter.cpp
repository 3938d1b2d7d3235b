#include "ui/PromptTokenCounter.h"

#include "text/Tokenizer.h"
#include "text/TokenizerFactory.h"

#include <QDir>

#include <exception>

namespace i2v::ui {

PromptTokenCounter::PromptTokenCounter() = default;
PromptTokenCounter::~PromptTokenCounter() = default;

bool PromptTokenCounter::load(const QString& modelDir) {
    tokenizer_.reset();
    try {
        tokenizer_ = loadTokenizer(QDir(modelDir).filesystemAbsolutePath() / "tokenizer");
    } catch (const std::exception&) {
        tokenizer_.reset();
    }
    return tokenizer_ != nullptr;
}

PromptTokenCounter::Count PromptTokenCounter::count(const QString& text) const {
    Count c;
    if (!tokenizer_)
        return c;
    try {
        const TokenizedText t = tokenizer_->encode(text.toStdString());
        c.tokens = int(t.count);
        c.maxTokens = int(tokenizer_->maxLength());
        c.truncated = t.truncated;
        c.valid = true;
    } catch (const std::exception&) {
    }
    return c;
}

} // namespace i2v::ui
