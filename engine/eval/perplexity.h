// How well a model predicts a text: mean negative log-likelihood per token, perplexity
// and bits per byte, over a sliding window for texts longer than the context.
#pragma once

#include "engine/model/gpt2_session.h"
#include "engine/text/tokenizer.h"

#include <functional>
#include <string_view>

namespace inkling {

struct PerplexityResult
{
    long long tokens = 0; // tokens scored (every token of the text)
    long long bytes = 0;
    double meanNll = 0; // nats per token
    double perplexity = 0;
    double bitsPerByte = 0;
};

// Scores every token of text, each predicted from up to `window` previous tokens
// (default: the model's context); consecutive windows overlap by window - stride tokens
// so every token after the first window still sees at least that much context. The text
// is preceded by <|endoftext|>, as documents were in training, so its first token counts.
PerplexityResult perplexity(Gpt2Session &session, const Tokenizer &tokenizer, std::string_view text,
                            int window = 0, int stride = 0,
                            const std::function<void(double fraction)> &progress = {});

// The same over a token sequence: scores tokens[1..] (tokens[0] is only context);
// bytes is left 0.
PerplexityResult perplexity(Gpt2Session &session, std::span<const int> tokens, int window = 0,
                            int stride = 0,
                            const std::function<void(double fraction)> &progress = {});

// -log softmax(logits)[target], computed stably.
double negativeLogLikelihood(std::span<const float> logits, int target);

} // namespace inkling
