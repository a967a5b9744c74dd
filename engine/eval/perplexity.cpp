// Sliding-window perplexity (the evaluation used for GPT-2 on long documents).
#include "engine/eval/perplexity.h"

#include <algorithm>
#include <cmath>

namespace inkling {

double negativeLogLikelihood(std::span<const float> logits, int target)
{
    const float maxLogit = *std::max_element(logits.begin(), logits.end());
    double sum = 0;
    for (float l : logits)
        sum += std::exp(double(l) - maxLogit);
    return std::log(sum) + maxLogit - logits[size_t(target)];
}

PerplexityResult perplexity(Gpt2Session &session, std::span<const int> tokens, int window,
                            int stride, const std::function<void(double)> &progress)
{
    const int nCtx = session.model().config().nCtx;
    window = window > 1 ? std::min(window, nCtx) : nCtx;
    stride = stride > 0 ? std::min(stride, window - 1) : std::max(1, window / 2);
    if (window < 2)
        stride = 1;
    const size_t n = tokens.size();

    PerplexityResult r;
    double total = 0;
    size_t scored = 1; // tokens[0] has nothing to be predicted from
    size_t begin = 0;
    while (scored < n) {
        const size_t end = std::min(begin + size_t(window), n);
        session.evaluateAll(tokens.subspan(begin, end - begin),
                            [&](int pos, std::span<const float> logits) {
                                const size_t target = begin + size_t(pos) + 1;
                                if (target >= scored && target < end) {
                                    total += negativeLogLikelihood(logits, tokens[target]);
                                    ++r.tokens;
                                }
                            });
        scored = end;
        if (progress)
            progress(double(scored) / double(n));
        if (end == n)
            break;
        begin = end - size_t(window - stride);
    }
    if (r.tokens > 0) {
        r.meanNll = total / double(r.tokens);
        r.perplexity = std::exp(r.meanNll);
    }
    return r;
}

PerplexityResult perplexity(Gpt2Session &session, const Tokenizer &tokenizer, std::string_view text,
                            int window, int stride, const std::function<void(double)> &progress)
{
    std::vector<int> tokens{tokenizer.documentStart()};
    const std::vector<int> body = tokenizer.encode(text);
    tokens.insert(tokens.end(), body.begin(), body.end());
    PerplexityResult r = perplexity(session, tokens, window, stride, progress);
    r.bytes = (long long)text.size();
    if (r.bytes > 0)
        r.bitsPerByte = r.meanNll * double(r.tokens) / std::log(2.0) / double(r.bytes);
    return r;
}

} // namespace inkling
