// Generating one suggestion: prompt → tokens → cached prefix reuse → sample token by
// token → stop rule, budgets and cancellation, streaming whole UTF-8 characters.
#pragma once

#include "engine/gpt2_session.h"
#include "engine/sampler.h"
#include "engine/stop_rule.h"
#include "engine/tokenizer.h"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace inkling {

struct GenerationRequest
{
    std::string prompt; // text before the cursor
    CompletionMode mode = CompletionMode::Sentence;
    SamplingParams sampling;
    int maxTokens = 32;
    int timeBudgetMs = 0; // 0: no time limit
};

enum class StopReason { Rule, EndOfText, TokenBudget, TimeBudget, ContextFull, Cancelled };

const char *stopReasonName(StopReason reason);

struct GenerationResult
{
    std::string text;        // the suggestion (what follows the prompt)
    std::vector<int> tokens; // generated ids, including one a stop rule cut into
    StopReason reason = StopReason::Rule;
    int promptTokens = 0;
    int reusedTokens = 0; // prompt tokens whose KV cache entries were reused
    double firstTokenMs = 0;
    double totalMs = 0;
};

struct GenerationCallbacks
{
    // Each newly final piece of the suggestion, in whole UTF-8 characters.
    std::function<void(std::string_view)> onText;
    // Polled between prompt chunks and between tokens.
    std::function<bool()> isCancelled;
};

// The prompt's tokens as they go to the model: the most recent that leave room for
// maxTokens in the window, cut in quarter-window steps; an empty prompt becomes
// <|endoftext|>, as in training.
std::vector<int> promptTokens(const Tokenizer &tokenizer, std::string_view prompt, int nCtx,
                              int maxTokens);

GenerationResult generate(Gpt2Session &session, const Tokenizer &tokenizer,
                          const GenerationRequest &request, const GenerationCallbacks &callbacks = {});

} // namespace inkling
