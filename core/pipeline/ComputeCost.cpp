#include "pipeline/ComputeCost.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <functional>
#include <numeric>

namespace i2v {

FlopCount& FlopCount::operator+=(const FlopCount& o) {
    convolution += o.convolution;
    linear += o.linear;
    attention += o.attention;
    return *this;
}

FlopCount FlopCount::operator*(double f) const { return {convolution * f, linear * f, attention * f}; }

namespace {

bool startsWith(const std::string& s, const std::string& prefix) { return s.compare(0, prefix.size(), prefix) == 0; }
bool endsWith(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}
bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// N in "<prefix>N.…"; -1 when the name does not start that way.
int indexAfter(const std::string& name, const std::string& prefix) {
    if (!startsWith(name, prefix) || name.size() == prefix.size() || !std::isdigit(static_cast<unsigned char>(name[prefix.size()])))
        return -1;
    return std::atoi(name.c_str() + prefix.size());
}

int blockCount(const std::vector<WeightShape>& weights, const std::string& prefix) {
    int n = 0;
    for (const auto& w : weights)
        n = std::max(n, indexAfter(w.name, prefix) + 1);
    return n;
}

double numel(const std::vector<int64_t>& shape) {
    return std::accumulate(shape.begin(), shape.end(), 1.0, std::multiplies<>());
}

// Convolution and linear weights (biases and norms are 1-D and cost no multiply-accumulates worth counting).
bool isMatrixWeight(const WeightShape& w) { return w.shape.size() >= 2 && endsWith(w.name, ".weight"); }

} // namespace

UNetCost::UNetCost(const std::vector<WeightShape>& weights, int64_t contextTokens) : contextTokens_(contextTokens) {
    const int levels = std::max(1, blockCount(weights, "down_blocks."));
    for (const auto& w : weights) {
        const std::string& name = w.name;
        // The conditioning branch runs once per job (UNetI2VGenXL::encodeConditioning).
        if (!isMatrixWeight(w) || startsWith(name, "image_latents_") || startsWith(name, "context_embedding.") ||
            startsWith(name, "fps_embedding."))
            continue;
        int level = 0;
        if (int i = indexAfter(name, "down_blocks."); i >= 0)
            level = contains(name, ".downsamplers.") ? i + 1 : i;
        else if (startsWith(name, "mid_block."))
            level = levels - 1;
        else if (int i = indexAfter(name, "up_blocks."); i >= 0)
            level = contains(name, ".upsamplers.") ? levels - 2 - i : levels - 1 - i;
        level = std::clamp(level, 0, levels - 1);

        const bool conv = w.shape.size() > 2;
        const bool spatial = contains(name, ".attentions.");
        const bool temporal = contains(name, ".temp_attentions.") || startsWith(name, "transformer_in.");
        Term::Kind kind = Term::Rows;
        if (startsWith(name, "time_embedding."))
            kind = Term::BatchRows;
        else if (endsWith(name, ".time_emb_proj.weight"))
            kind = Term::FrameRows;
        else if (spatial && contains(name, ".attn2.") && (endsWith(name, ".to_k.weight") || endsWith(name, ".to_v.weight")))
            kind = Term::ContextRows;  // keys and values of the text/image tokens
        terms_.push_back({kind, level, numel(w.shape), conv});
        if (endsWith(name, ".to_q.weight") && (spatial || temporal)) {
            const Term::Kind products = temporal                   ? Term::TemporalAttention
                                        : contains(name, ".attn2.") ? Term::CrossAttention
                                                                    : Term::SpatialSelfAttention;
            terms_.push_back({products, level, double(w.shape[0]), false});
        }
    }
}

FlopCount UNetCost::forward(int64_t batch, int64_t frames, int64_t h, int64_t w) const {
    int maxLevel = 0;
    for (const Term& t : terms_)
        maxLevel = std::max(maxLevel, t.level);
    std::vector<double> positions;  // per frame, per level
    for (int l = 0; l <= maxLevel; ++l) {
        positions.push_back(double(h) * double(w));
        h = (h + 1) / 2;
        w = (w + 1) / 2;
    }
    const double bf = double(batch) * double(frames), f = double(frames), tokens = double(contextTokens_);
    FlopCount macs;
    for (const Term& t : terms_) {
        const double l = positions[t.level];
        double m = 0;
        switch (t.kind) {
        case Term::Rows: m = t.value * bf * l; break;
        case Term::ContextRows: m = t.value * bf * tokens; break;
        case Term::FrameRows: m = t.value * bf; break;
        case Term::BatchRows: m = t.value * double(batch); break;
        case Term::SpatialSelfAttention: m = 2 * l * l * t.value * bf; break;
        case Term::CrossAttention: m = 2 * l * tokens * t.value * bf; break;
        case Term::TemporalAttention: m = 2 * f * f * t.value * double(batch) * l; break;
        }
        if (t.kind >= Term::SpatialSelfAttention)
            macs.attention += m;
        else if (t.convolution)
            macs.convolution += m;
        else
            macs.linear += m;
    }
    return macs * 2.0;
}

VaeCost::VaeCost(const std::vector<WeightShape>& weights)
    : decoderUpBlocks_(std::max(1, blockCount(weights, "decoder.up_blocks."))),
      encoderDownBlocks_(std::max(1, blockCount(weights, "encoder.down_blocks."))) {
    for (const auto& w : weights) {
        const std::string& name = w.name;
        if (!isMatrixWeight(w))
            continue;
        const bool conv = w.shape.size() > 2;
        const bool query = endsWith(name, ".to_q.weight");
        if (startsWith(name, "decoder.") || startsWith(name, "post_quant_conv.")) {
            int level = 0;  // post_quant_conv, conv_in and the mid block work at the latent's size
            if (int i = indexAfter(name, "decoder.up_blocks."); i >= 0)
                level = contains(name, ".upsamplers.") ? i + 1 : i;
            else if (startsWith(name, "decoder.conv_out.") || startsWith(name, "decoder.conv_norm_out."))
                level = decoderUpBlocks_ - 1;
            decoder_.push_back({false, level, numel(w.shape), conv});
            if (query)
                decoder_.push_back({true, level, double(w.shape[0]), false});
        } else if (startsWith(name, "encoder.") || startsWith(name, "quant_conv.")) {
            int level = encoderDownBlocks_ - 1;  // mid block, conv_out and quant_conv at the latent's size
            if (int i = indexAfter(name, "encoder.down_blocks."); i >= 0)
                level = contains(name, ".downsamplers.") ? i + 1 : i;
            else if (startsWith(name, "encoder.conv_in."))
                level = 0;
            encoder_.push_back({false, level, numel(w.shape), conv});
            if (query)
                encoder_.push_back({true, level, double(w.shape[0]), false});
        }
    }
}

namespace {

FlopCount sumTerms(const std::vector<VaeCost::Term>& terms, const std::function<double(int)>& positionsAt) {
    FlopCount macs;
    for (const auto& t : terms) {
        const double l = positionsAt(t.level);
        if (t.attention)
            macs.attention += 2 * l * l * t.value;
        else if (t.convolution)
            macs.convolution += t.value * l;
        else
            macs.linear += t.value * l;
    }
    return macs * 2.0;
}

} // namespace

FlopCount VaeCost::decodeFrame(int64_t h, int64_t w) const {
    return sumTerms(decoder_, [&](int level) { return double(h << level) * double(w << level); });
}

FlopCount VaeCost::encodeImage(int64_t height, int64_t width) const {
    return sumTerms(encoder_, [&](int level) { return double(height >> level) * double(width >> level); });
}

FlopCount transformerEncoderFlops(int64_t parameters, int64_t tokens) {
    FlopCount f;
    f.linear = 2.0 * double(parameters) * double(tokens);
    return f;
}

} // namespace i2v
