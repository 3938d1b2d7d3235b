#include "models/AttentionKernel.h"

#include "models/ParallelMatmul.h"

#include <ATen/ATen.h>
#include <torch/version.h>

#include <algorithm>
#include <cmath>

namespace i2v {

at::Tensor scaledDotProductAttention(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v,
                                     const at::Tensor& mask, double scale, const AttentionSettings& settings,
                                     bool upcastSoftmax) {
#if TORCH_VERSION_MAJOR >= 2
    if (settings.useFusedKernel) {
        // The fused kernel scales by 1/sqrt(D) (a `scale` argument only exists from 2.1): fold the rest into q.
        const double defaultScale = 1.0 / std::sqrt(static_cast<double>(q.size(-1)));
        const at::Tensor qs = std::abs(scale - defaultScale) < 1e-12 ? q : q * (scale / defaultScale);
        return at::scaled_dot_product_attention(qs, k, v, mask.defined() ? c10::optional<at::Tensor>(mask) : c10::nullopt);
    }
#endif
    const int64_t lq = q.size(-2), lk = k.size(-2);
    const int64_t batchHeads = q.numel() / std::max<int64_t>(1, q.size(-2) * q.size(-1));
    const int64_t scoreBytesPerRow = batchHeads * lk * static_cast<int64_t>(sizeof(float));
    int64_t rows = lq;
    if (settings.maxScoreBytes > 0)
        rows = std::clamp<int64_t>(settings.maxScoreBytes / std::max<int64_t>(1, scoreBytesPerRow), 1, lq);

    const at::Tensor kt = k.transpose(-1, -2);
    auto attend = [&](const at::Tensor& qc, int64_t start, int64_t len) {
        at::Tensor scores = parallelMatmul(qc, kt);
        scores.mul_(scale);
        if (mask.defined()) {
            const at::Tensor m = mask.size(-2) == 1 ? mask : mask.narrow(-2, start, len);
            scores.add_(m);
        }
        at::Tensor probs = (upcastSoftmax && scores.scalar_type() != at::kFloat)
                               ? scores.to(at::kFloat).softmax(-1).to(q.scalar_type())
                               : scores.softmax(-1);
        scores.reset();
        return parallelMatmul(probs, v);
    };
    if (rows >= lq)
        return attend(q, 0, lq);
    at::Tensor out = at::empty(q.sizes(), q.options());
    for (int64_t start = 0; start < lq; start += rows) {
        const int64_t len = std::min(rows, lq - start);
        out.narrow(-2, start, len).copy_(attend(q.narrow(-2, start, len), start, len));
    }
    return out;
}

} // namespace i2v
