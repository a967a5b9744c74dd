// The generation loop. The next token's logits are computed only when the loop
// continues, so a stop costs no extra model evaluation.
#include "engine/generator.h"

#include "engine/suggestion_policy.h"
#include "engine/unicode_class.h"
#include "engine/utf8_stream.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <limits>

namespace inkling {

namespace {
using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// softmax(logits)[id] over the tokens `allowed` accepts (all when it is empty).
float tokenProbability(std::span<const float> logits, int id, const std::function<bool(int)> &allowed)
{
    float maxLogit = -std::numeric_limits<float>::infinity();
    for (size_t i = 0; i < logits.size(); ++i) {
        if (logits[i] > maxLogit && (!allowed || allowed(int(i))))
            maxLogit = logits[i];
    }
    double sum = 0;
    for (size_t i = 0; i < logits.size(); ++i) {
        if (!allowed || allowed(int(i)))
            sum += std::exp(double(logits[i]) - maxLogit);
    }
    return sum > 0 ? float(std::exp(double(logits[size_t(id)]) - maxLogit) / sum) : 0.0f;
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

HealingSplit splitForHealing(std::string_view prompt)
{
    // Right after a space: GPT-2 writes the space with the word that follows (" window"),
    // so a prompt ending in a lone space token is one it has hardly ever seen. Heal it
    // like a typed start: the first token must begin with the space. Not after another
    // blank (indentation, a blank line), where the spaces are text of their own.
    if (prompt.size() >= 2 && prompt.back() == ' ' && !std::isspace(static_cast<unsigned char>(prompt[prompt.size() - 2])))
        return {prompt.substr(0, prompt.size() - 1), prompt.substr(prompt.size() - 1)};
    // A word in GPT-2's pre-tokenisation: a run of letters or of digits, with at most
    // one space before it. Walk back over whole UTF-8 characters of one class.
    constexpr size_t kMaxPrefixBytes = 48;
    size_t start = prompt.size();
    int wordClass = 0; // 1 letters, 2 digits
    while (start > 0 && prompt.size() - start <= kMaxPrefixBytes) {
        size_t lead = start - 1;
        while (lead > 0 && (static_cast<unsigned char>(prompt[lead]) & 0xC0) == 0x80)
            --lead;
        const Utf8Char c = decodeUtf8(prompt, lead);
        if (c.status != Utf8Char::Status::Complete || lead + c.length != start)
            break;
        const int cls = isLetter(c.codePoint) ? 1 : isNumber(c.codePoint) ? 2 : 0;
        if (cls == 0 || (wordClass != 0 && cls != wordClass))
            break;
        wordClass = cls;
        start = lead;
    }
    if (wordClass == 0 || prompt.size() - start > kMaxPrefixBytes)
        return {prompt, {}};
    if (start > 0 && prompt[start - 1] == ' ')
        --start;
    return {prompt.substr(0, start), prompt.substr(start)};
}

std::vector<int> promptTokens(const Tokenizer &tokenizer, std::string_view prompt, int nCtx,
                              int maxTokens)
{
    std::vector<int> ids = tokenizer.encode(prompt);
    if (ids.empty())
        ids.push_back(tokenizer.documentStart());
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

    const HealingSplit split = request.tokenHealing ? splitForHealing(request.prompt)
                                                    : HealingSplit{request.prompt, {}};
    const std::vector<int> prompt = promptTokens(tokenizer, split.context, nCtx, request.maxTokens);
    result.healedPrefix = std::string(split.prefix);
    result.promptTokens = int(prompt.size());
    const auto sync = session.setContext(prompt, callbacks.isCancelled);
    result.reusedTokens = sync.reused;
    if (sync.cancelled) {
        result.reason = StopReason::Cancelled;
        result.totalMs = msSince(start);
        return result;
    }

    // Only ids that are tokens: a padded vocab_size (50304 in nanoGPT exports) has
    // logits for ids the tokenizer does not know, which must never be sampled.
    const auto tokenLogits = [&] {
        const std::span<const float> all = session.logits();
        return all.first(std::min(all.size(), size_t(tokenizer.vocabSize())));
    };
    const StopRule rule(request.mode, StopRule::indentOfLastLine(request.prompt), request.sentences);
    Sampler sampler(request.sampling);
    Utf8Stream stream;
    std::string raw;    // bytes of the generated tokens, starting with the healed prefix
    const size_t prefixLength = split.prefix.size();
    size_t emitted = prefixLength; // bytes of raw handed to the stream (the prefix never is)
    std::string_view toSpell = split.prefix; // what the next token must continue spelling
    const auto spells = [&](int id) {
        const std::string &b = tokenizer.tokenBytes(id);
        if (b.empty())
            return false;
        return b.size() >= toSpell.size() ? b.compare(0, toSpell.size(), toSpell) == 0
                                          : toSpell.compare(0, b.size(), b) == 0;
    };
    std::vector<size_t> tokenEnds; // byte end in raw of each generated token
    bool confidenceKnown = false;
    // The first word ends at byte wordEnd of raw: its confidence is the product of the
    // probabilities of the tokens that spell part of it after the typed prefix.
    const auto reportConfidence = [&](size_t wordEnd) {
        double p = 1;
        for (size_t t = 0; t < tokenEnds.size(); ++t) {
            const size_t begin = t ? tokenEnds[t - 1] : 0;
            if (tokenEnds[t] > prefixLength && begin < wordEnd)
                p *= result.tokenProbabilities[t];
        }
        result.firstWordConfidence = wordEnd > prefixLength ? p : 0.0;
        confidenceKnown = true;
        if (callbacks.onConfidence)
            callbacks.onConfidence(result.firstWordConfidence);
    };
    const auto emitUpTo = [&](size_t end) {
        if (!confidenceKnown || end <= emitted)
            return; // nothing is shown before the first word's confidence is known
        const std::string text = stream.push(std::string_view(raw).substr(emitted, end - emitted));
        emitted = end;
        if (!text.empty() && callbacks.onText)
            callbacks.onText(text);
    };

    // The tokens that would repeat an n-gram near the cursor if they came next: those
    // that followed an earlier occurrence of the last n-1 tokens (see noRepeatNgram).
    const size_t repeatFrom = prompt.size() > size_t(GenerationSettings::kRepeatContextTokens)
                                  ? prompt.size() - size_t(GenerationSettings::kRepeatContextTokens)
                                  : 0;
    const auto repeatedContinuations = [&] {
        std::vector<int> banned;
        const size_t n = size_t(std::max(0, request.noRepeatNgram));
        const std::span<const int> all = session.tokens();
        if (n == 0 || all.size() < repeatFrom + n)
            return banned;
        // history: [repeatFrom, end); the (n-1)-gram to match ends at the end.
        const std::span<const int> history = all.subspan(repeatFrom);
        const std::span<const int> last = history.last(n - 1);
        for (size_t i = 0; i + n <= history.size(); ++i) {
            if (std::equal(last.begin(), last.end(), history.begin() + ptrdiff_t(i)))
                banned.push_back(history[i + n - 1]);
        }
        return banned;
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
        const std::vector<int> banned = toSpell.empty() ? repeatedContinuations() : std::vector<int>();
        const auto notBanned = [&](int t) { return std::find(banned.begin(), banned.end(), t) == banned.end(); };
        const std::function<bool(int)> allowed =
            !toSpell.empty() ? std::function<bool(int)>(spells)
            : banned.empty() ? std::function<bool(int)>()
                             : std::function<bool(int)>(notBanned);
        const int id = sampler.sample(tokenLogits(), session.tokens(), allowed);
        if (i == 0)
            result.firstTokenMs = msSince(start);
        if (id < 0 || id == tokenizer.endOfText()) {
            result.reason = StopReason::EndOfText;
            break;
        }
        result.tokens.push_back(id);
        result.tokenProbabilities.push_back(
            tokenProbability(tokenLogits(), id, allowed));
        const std::string &bytes = tokenizer.tokenBytes(id);
        raw += bytes;
        tokenEnds.push_back(raw.size());
        toSpell.remove_prefix(std::min(toSpell.size(), bytes.size()));
        if (toSpell.empty()) {
            // The rules judge what follows the typed characters: after a completed word
            // the word mode then suggests the next word, inside one the rest of it.
            const std::string_view after = std::string_view(raw).substr(prefixLength);
            if (!confidenceKnown) {
                // Complete once something follows it; " window" may still become " windows".
                const size_t word = nextWordLength(after);
                if (word < after.size())
                    reportConfidence(prefixLength + word);
            }
            if ((cut = rule.stopAt(after))) {
                *cut += prefixLength;
                result.reason = StopReason::Rule;
                break;
            }
            emitUpTo(prefixLength + rule.stableLength(after));
        }
        if (i + 1 == request.maxTokens)
            break;
        if (int(session.tokens().size()) >= nCtx) {
            result.reason = StopReason::ContextFull;
            break;
        }
        session.append(id);
    }

    size_t end = emitted;
    if (raw.size() < prefixLength || raw.compare(0, prefixLength, split.prefix) != 0)
        end = prefixLength; // stopped before the prefix was spelled: nothing to suggest
    else
        end = std::max(cut ? *cut : prefixLength + rule.finalLength(std::string_view(raw).substr(prefixLength)), emitted);
    if (result.reason != StopReason::Cancelled) {
        if (!confidenceKnown) {
            const std::string_view text = raw.size() >= end
                                              ? std::string_view(raw).substr(prefixLength, end - prefixLength)
                                              : std::string_view();
            reportConfidence(prefixLength + nextWordLength(text));
        }
        emitUpTo(end);
        const std::string tail = stream.flush();
        if (!tail.empty() && callbacks.onText)
            callbacks.onText(tail);
    }
    result.text = raw.size() >= end ? raw.substr(prefixLength, end - prefixLength) : std::string();
    result.totalMs = msSince(start);
    return result;
}

} // namespace inkling
