// How attention and feed-forward layers bound their memory: plain values, without libtorch, so that
// settings types (PipelineOptions, the desktop app's preferences) can hold them. AttentionKernel.h uses them.
#pragma once
#include <cstdint>

namespace i2v {

struct AttentionSettings {
    // Upper bound for one chunk of attention scores in the fallback path; 0 = no chunking. The same bound
    // chunks the feed-forward layers' intermediate activations (FeedForward.h), even with the fused kernel.
    int64_t maxScoreBytes = int64_t(256) << 20;
    // Allow at::scaled_dot_product_attention when libtorch has it.
    bool useFusedKernel = true;

    bool operator==(const AttentionSettings& o) const {
        return maxScoreBytes == o.maxScoreBytes && useFusedKernel == o.useFusedKernel;
    }
    bool operator!=(const AttentionSettings& o) const { return !(*this == o); }
};

} // namespace i2v
