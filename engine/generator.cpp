// The generation loop. The next token's logits are computed only when the loop
// continues, so a stop costs no extra model evaluation.
#include "engine/generator.h"

#include "engine/utf8_stream.h"

#include <algorithm>
#include <chrono>

namespace inkling {

namespace {
using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}
} // namespace

const char *stopReasonName(StopReason reason)
{
    switch (reason) {
    case StopReason::Rule: return "stop rule";
    case StopReason::EndOfText: return "end of text";
    case StopReason::TokenBudget: return "token budget";
    case StopReason::TimeBudget: return "time budget";
    case StopReason::ContextFull: return "context full";
    case StopReason::Cancelled: return "cancelled";
    }
    return "?";
}

std::vector<int> promptTokens(const Tokenizer &tokenizer, std::string_view prompt, int nCtx,
                              int maxTokens)
{
    std::vector<int> ids = tokenizer.encode(prompt);
    if (ids.empty())
        ids.push_back(Tokenizer::kEndOfText);
    const size_t room = size_t(std::max(1, nCtx - std::max(0, maxTokens)));
    if (ids.size() > room) {
        // Drop whole steps of a quarter window from the front, so the first kept token
        // stays the same while the user types on and the KV cache prefix stays valid.
        const size_t step = size_t(std::max(1, nCtx / 4));
        const size_t drop = std::min(ids.size() - 1, (ids.size() - room + step - 1) / step * step);
        ids.erase(ids.begin(), ids.begin() + ptrdiff_t(drop));
    }
    return ids;
}

GenerationResult generate(Gpt2Session &session, const Tokenizer &tokenizer,
                          const GenerationRequest &request, const GenerationCallbacks &callbacks)
{
    const auto start = Clock::now();
    const auto cancelled = [&] { return callbacks.isCancelled && callbacks.isCancelled(); };
    const int nCtx = session.model().config().nCtx;
    GenerationResult result;

    const std::vector<int> prompt = promptTokens(tokenizer, request.prompt, nCtx, request.maxTokens);
    result.promptTokens = int(prompt.size());
    const auto sync = session.setContext(prompt, callbacks.isCancelled);
    result.reusedTokens = sync.reused;
    if (sync.cancelled) {
        result.reason = StopReason::Cancelled;
        result.totalMs = msSince(start);
        return result;
    }

    const StopRule rule(request.mode, StopRule::indentOfLastLine(request.prompt));
    Sampler sampler(request.sampling);
    Utf8Stream stream;
    std::string raw;    // bytes of the generated tokens
    size_t emitted = 0; // bytes of raw handed to the stream
    const auto emitUpTo = [&](size_t end) {
        if (end <= emitted)
            return;
        const std::string text = stream.push(std::string_view(raw).substr(emitted, end - emitted));
        emitted = end;
        if (!text.empty() && callbacks.onText)
            callbacks.onText(text);
    };

    result.reason = StopReason::TokenBudget;
    std::optional<size_t> cut;
    for (int i = 0; i < request.maxTokens; ++i) {
        if (cancelled()) {
            result.reason = StopReason::Cancelled;
            break;
        }
        if (request.timeBudgetMs > 0 && i > 0 && msSince(start) > request.timeBudgetMs) {
            result.reason = StopReason::TimeBudget;
            break;
        }
        const int id = sampler.sample(session.logits(), session.tokens());
        if (i == 0)
            result.firstTokenMs = msSince(start);
        if (id < 0 || id == Tokenizer::kEndOfText) {
            result.reason = StopReason::EndOfText;
            break;
        }
        result.tokens.push_back(id);
        raw += tokenizer.tokenBytes(id);
        if ((cut = rule.stopAt(raw))) {
            result.reason = StopReason::Rule;
            break;
        }
        emitUpTo(rule.stableLength(raw));
        if (i + 1 == request.maxTokens)
            break;
        if (int(session.tokens().size()) >= nCtx) {
            result.reason = StopReason::ContextFull;
            break;
        }
        session.append(id);
    }

    const size_t end = cut ? *cut : rule.finalLength(raw);
    if (result.reason != StopReason::Cancelled) {
        emitUpTo(std::max(end, emitted));
        const std::string tail = stream.flush();
        if (!tail.empty() && callbacks.onText)
            callbacks.onText(tail);
    }
    result.text = raw.substr(0, std::max(end, emitted));
    result.totalMs = msSince(start);
    return result;
}

} // namespace inkling
