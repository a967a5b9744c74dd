// The generation loop. The next token's logits are computed only when the loop
// continues, so a stop costs no extra model evaluation.
#include "engine/generation/generator.h"

#include "engine/generation/suggestion_policy.h"
#include "engine/text/unicode_class.h"
#include "engine/text/utf8_stream.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <limits>
#include <optional>

namespace inkling {

namespace {
using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// softmax(logits)[id] over the tokens `allowed` accepts (all when it is empty).
float tokenProbability(std::span<const float> logits, int id,
                       const std::function<bool(int)> &allowed)
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
    case StopReason::Rule:
        return "stop rule";
    case StopReason::EndOfText:
        return "end of text";
    case StopReason::TokenBudget:
        return "token budget";
    case StopReason::TimeBudget:
        return "time budget";
    case StopReason::ContextFull:
        return "context full";
    case StopReason::Cancelled:
        return "cancelled";
    case StopReason::Withheld:
        return "withheld";
    }
    return "?";
}

HealingSplit splitForHealing(std::string_view prompt)
{
    // Right after a space: GPT-2 writes the space with the word that follows (" window"),
    // so a prompt ending in a lone space token is one it has hardly ever seen. Heal it
    // like a typed start: the first token must begin with the space. Not after another
    // blank (indentation, a blank line), where the spaces are text of their own.
    if (prompt.size() >= 2 && prompt.back() == ' ' &&
        !std::isspace(static_cast<unsigned char>(prompt[prompt.size() - 2])))
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

size_t PromptWindow::textStart(size_t length, int nCtx)
{
    const size_t maxUnits = size_t(nCtx > 0 ? nCtx : 1024) * kUnitsPerToken;
    if (length <= maxUnits)
        return 0;
    // Rounded up: the part stays at most maxUnits long.
    return (length - maxUnits + kTextGrid - 1) / kTextGrid * kTextGrid;
}

size_t PromptWindow::tokensToDrop(size_t count, int nCtx, int maxTokens)
{
    const size_t room = size_t(std::max(1, nCtx - std::max(0, maxTokens)));
    if (count <= room)
        return 0;
    const size_t step = size_t(std::max(1, nCtx / 4));
    return std::min(count - 1, (count - room + step - 1) / step * step);
}

std::vector<int> promptTokens(const Tokenizer &tokenizer, std::string_view prompt, int nCtx,
                              int maxTokens, std::string_view notes, size_t *notesTokens)
{
    // Notes first, their own tokens (a blank line ends them), at most half the window.
    std::vector<int> ids;
    if (!notes.empty()) {
        ids = tokenizer.encode(std::string(notes) + "\n\n");
        ids.resize(std::min(ids.size(), size_t(std::max(1, (nCtx > 0 ? nCtx : 1024) / 2))));
    }
    std::vector<int> text = tokenizer.encode(prompt);
    if (text.empty() && ids.empty())
        text.push_back(tokenizer.documentStart());
    // The document's text gets the rest of the window, cut from the front in whole
    // quarter windows as without notes (so the cut moves rarely and the cache is reused).
    if (notesTokens)
        *notesTokens = ids.size();
    const int room = (nCtx > 0 ? nCtx : 1024) - int(ids.size());
    text.erase(text.begin(),
               text.begin() + ptrdiff_t(PromptWindow::tokensToDrop(text.size(), room, maxTokens)));
    ids.insert(ids.end(), text.begin(), text.end());
    return ids;
}

namespace {

// Phase 1: the prompt, healed and cut to the window, in the session's KV cache.
struct PreparedPrompt
{
    HealingSplit split;
    std::vector<int> tokens;
    size_t notesTokens = 0; // the first tokens are the notes'
    int reused = 0;         // tokens whose KV cache entries were kept
    bool cancelled = false; // stopped while evaluating it
};

PreparedPrompt preparePrompt(Gpt2Session &session, const Tokenizer &tokenizer,
                             const GenerationRequest &request, const GenerationCallbacks &callbacks)
{
    PreparedPrompt p;
    p.split =
        request.tokenHealing ? splitForHealing(request.prompt) : HealingSplit{request.prompt, {}};
    p.tokens = promptTokens(tokenizer, p.split.context, session.model().config().nCtx,
                            request.maxTokens, request.notes, &p.notesTokens);
    const Gpt2Session::SyncResult sync = session.setContext(p.tokens, callbacks.isCancelled);
    p.reused = sync.reused;
    p.cancelled = sync.cancelled;
    return p;
}

// The suggestion as tokens arrive: the bytes after the healed prefix, judged by the stop
// rule. Nothing is handed on before the first word's confidence is known (so a listener
// can withhold an unlikely suggestion before any of it shows), and then only whole UTF-8
// characters that the stop rule can no longer take back.
class SuggestionStream
{
public:
    SuggestionStream(const GenerationRequest &request, std::string_view prefix,
                     const GenerationCallbacks &callbacks)
        : m_rule(request.mode, StopRule::indentOfLastLine(request.prompt), request.sentences)
        , m_minConfidence(request.minConfidence)
        , m_prefix(prefix)
        , m_emitted(prefix.size())
        , m_callbacks(callbacks)
    {}

    // What of the healed prefix the next token must still spell.
    std::string_view toSpell() const
    {
        return m_prefix.substr(std::min(m_raw.size(), m_prefix.size()));
    }

    // Adds a generated token's bytes and probability; true when the suggestion ends with
    // it (the stop rule, or its first word withheld).
    bool add(const std::string &bytes, float probability)
    {
        m_raw += bytes;
        m_tokenEnds.push_back(m_raw.size());
        m_probabilities.push_back(probability);
        if (!toSpell().empty())
            return false;
        // The rules judge what follows the typed characters: after a completed word the
        // word mode then suggests the next word, inside one the rest of it.
        const std::string_view after = std::string_view(m_raw).substr(m_prefix.size());
        if (!m_confidenceKnown) {
            // Complete once something follows it; " window" may still become " windows".
            const size_t word = nextWordLength(after);
            if (word < after.size())
                reportConfidence(m_prefix.size() + word);
            if (m_withheld)
                return true;
        }
        if ((m_cut = m_rule.stopAt(after))) {
            *m_cut += m_prefix.size();
            return true;
        }
        emitUpTo(m_prefix.size() + m_rule.stableLength(after));
        return false;
    }

    // The suggestion once generation stopped; unless it was cancelled, the rest of it is
    // handed on (and its confidence, if no word was complete before).
    std::string finish(bool cancelled)
    {
        const size_t prefixLength = m_prefix.size();
        size_t end = prefixLength; // stopped before the prefix was spelled: nothing to suggest
        if (!m_withheld && m_raw.size() >= prefixLength &&
            m_raw.compare(0, prefixLength, m_prefix) == 0)
            end = std::max(m_cut ? *m_cut
                                 : prefixLength + m_rule.finalLength(
                                                      std::string_view(m_raw).substr(prefixLength)),
                           m_emitted);
        const std::string_view text =
            m_raw.size() >= end ? std::string_view(m_raw).substr(prefixLength, end - prefixLength)
                                : std::string_view();
        if (!cancelled) {
            if (!m_confidenceKnown)
                reportConfidence(prefixLength + nextWordLength(text));
            if (m_withheld)
                return {};
            emitUpTo(end);
            const std::string tail = m_utf8.flush();
            if (!tail.empty() && m_callbacks.onText)
                m_callbacks.onText(tail);
        }
        return std::string(text);
    }

    const std::vector<float> &tokenProbabilities() const { return m_probabilities; }
    double firstWordConfidence() const { return m_firstWordConfidence; }
    bool withheld() const { return m_withheld; }

private:
    // The first word ends at byte wordEnd of m_raw: its confidence is the product of the
    // probabilities of the tokens that spell part of it after the typed prefix.
    void reportConfidence(size_t wordEnd)
    {
        const size_t prefixLength = m_prefix.size();
        double p = 1;
        for (size_t t = 0; t < m_tokenEnds.size(); ++t) {
            const size_t begin = t ? m_tokenEnds[t - 1] : 0;
            if (m_tokenEnds[t] > prefixLength && begin < wordEnd)
                p *= m_probabilities[t];
        }
        m_firstWordConfidence = wordEnd > prefixLength ? p : 0.0;
        m_confidenceKnown = true;
        m_withheld = !isConfident(m_firstWordConfidence, m_minConfidence);
        if (m_callbacks.onConfidence)
            m_callbacks.onConfidence(m_firstWordConfidence);
    }

    void emitUpTo(size_t end)
    {
        if (!m_confidenceKnown || m_withheld || end <= m_emitted)
            return; // nothing is shown before the first word's confidence is known
        const std::string text =
            m_utf8.push(std::string_view(m_raw).substr(m_emitted, end - m_emitted));
        m_emitted = end;
        if (!text.empty() && m_callbacks.onText)
            m_callbacks.onText(text);
    }

    const StopRule m_rule;
    const double m_minConfidence;
    const std::string_view m_prefix; // the healed prefix: typed, never suggested
    std::string m_raw;               // bytes of the generated tokens, starting with the prefix
    std::vector<size_t> m_tokenEnds; // byte end in m_raw of each generated token
    std::vector<float> m_probabilities;
    size_t m_emitted;            // bytes of m_raw handed to m_utf8 (the prefix never is)
    std::optional<size_t> m_cut; // where the stop rule cut m_raw
    bool m_confidenceKnown = false;
    bool m_withheld = false; // its first word was too unlikely: nothing is suggested
    double m_firstWordConfidence = 0;
    Utf8Stream m_utf8;
    const GenerationCallbacks &m_callbacks;
};

// Phase 2, one step: the next token, sampled among those allowed, with its probability.
class NextToken
{
public:
    // The repeat rule looks at the prompt's last tokens, never into the notes before the
    // document's text (a name the notes hold is to be copied, not avoided).
    NextToken(const Gpt2Session &session, const Tokenizer &tokenizer,
              const GenerationRequest &request, size_t promptTokens, size_t notesTokens)
        : m_session(session)
        , m_tokenizer(tokenizer)
        , m_sampler(request.sampling)
        , m_documentCache(request.documentCache)
        , m_noRepeatNgram(size_t(std::max(0, request.noRepeatNgram)))
        , m_repeatFrom(std::max(
              notesTokens, promptTokens > size_t(GenerationSettings::kRepeatContextTokens)
                               ? promptTokens - size_t(GenerationSettings::kRepeatContextTokens)
                               : 0))
    {}

    struct Choice
    {
        int id = -1; // < 0: none
        float probability = 0;
    };

    // toSpell: what of a healed prefix the token must continue spelling.
    Choice sample(std::string_view toSpell)
    {
        const std::vector<int> banned =
            toSpell.empty() ? repeatedContinuations() : std::vector<int>();
        const auto spells = [&](int id) {
            const std::string &b = m_tokenizer.tokenBytes(id);
            if (b.empty())
                return false;
            return b.size() >= toSpell.size() ? b.compare(0, toSpell.size(), toSpell) == 0
                                              : toSpell.compare(0, b.size(), b) == 0;
        };
        const auto notBanned = [&](int t) {
            return std::find(banned.begin(), banned.end(), t) == banned.end();
        };
        const std::function<bool(int)> allowed = !toSpell.empty() ? std::function<bool(int)>(spells)
                                                 : banned.empty()
                                                     ? std::function<bool(int)>()
                                                     : std::function<bool(int)>(notBanned);
        const std::span<const float> logits = mixedLogits();
        Choice c;
        c.id = m_sampler.sample(logits, m_session.tokens(), allowed);
        if (c.id >= 0 && c.id != m_tokenizer.endOfText())
            c.probability = tokenProbability(logits, c.id, allowed);
        return c;
    }

private:
    // Only ids that are tokens: a padded vocab_size (50304 in nanoGPT exports) has
    // logits for ids the tokenizer does not know, which must never be sampled.
    std::span<const float> tokenLogits() const
    {
        const std::span<const float> all = m_session.logits();
        return all.first(std::min(all.size(), size_t(m_tokenizer.vocabSize())));
    }

    // The model's logits with the document's vote mixed in (DocumentCache::mix), where
    // the document has continued the last tokens before; else the model's own.
    std::span<const float> mixedLogits()
    {
        const std::span<const float> model = tokenLogits();
        if (!m_documentCache)
            return model;
        const DocumentCache::Prediction prediction = m_documentCache->predict(m_session.tokens());
        if (prediction.order == 0)
            return model;
        m_mixed.assign(model.begin(), model.end());
        DocumentCache::mix(m_mixed, prediction);
        return m_mixed;
    }

    // The tokens that would repeat an n-gram near the cursor if they came next: those
    // that followed an earlier occurrence of the last n-1 tokens (see noRepeatNgram).
    std::vector<int> repeatedContinuations() const
    {
        std::vector<int> banned;
        const size_t n = m_noRepeatNgram;
        const std::span<const int> all = m_session.tokens();
        if (n == 0 || all.size() < m_repeatFrom + n)
            return banned;
        // history: [repeatFrom, end); the (n-1)-gram to match ends at the end.
        const std::span<const int> history = all.subspan(m_repeatFrom);
        const std::span<const int> last = history.last(n - 1);
        for (size_t i = 0; i + n <= history.size(); ++i) {
            if (std::equal(last.begin(), last.end(), history.begin() + ptrdiff_t(i)))
                banned.push_back(history[i + n - 1]);
        }
        return banned;
    }

    const Gpt2Session &m_session;
    const Tokenizer &m_tokenizer;
    Sampler m_sampler;
    const DocumentCache *m_documentCache;
    std::vector<float> m_mixed; // [V]: the logits with the document's vote
    const size_t m_noRepeatNgram;
    const size_t m_repeatFrom;
};

} // namespace

GenerationResult generate(Gpt2Session &session, const Tokenizer &tokenizer,
                          const GenerationRequest &request, const GenerationCallbacks &callbacks)
{
    const auto start = Clock::now();
    GenerationResult result;
    const PreparedPrompt prompt = preparePrompt(session, tokenizer, request, callbacks);
    result.healedPrefix = std::string(prompt.split.prefix);
    result.promptTokens = int(prompt.tokens.size());
    result.reusedTokens = prompt.reused;
    if (prompt.cancelled) {
        result.reason = StopReason::Cancelled;
        result.totalMs = msSince(start);
        return result;
    }

    // Phase 2: token by token until a budget, the end of text or the stop rule.
    SuggestionStream suggestion(request, prompt.split.prefix, callbacks);
    NextToken next(session, tokenizer, request, prompt.tokens.size(), prompt.notesTokens);
    const int nCtx = session.model().config().nCtx;
    result.reason = StopReason::TokenBudget;
    for (int i = 0; i < request.maxTokens; ++i) {
        if (callbacks.isCancelled && callbacks.isCancelled()) {
            result.reason = StopReason::Cancelled;
            break;
        }
        if (request.timeBudgetMs > 0 && i > 0 && msSince(start) > request.timeBudgetMs) {
            result.reason = StopReason::TimeBudget;
            break;
        }
        const NextToken::Choice token = next.sample(suggestion.toSpell());
        if (i == 0)
            result.firstTokenMs = msSince(start);
        if (token.id < 0 || token.id == tokenizer.endOfText()) {
            result.reason = StopReason::EndOfText;
            break;
        }
        result.tokens.push_back(token.id);
        if (suggestion.add(tokenizer.tokenBytes(token.id), token.probability)) {
            result.reason = suggestion.withheld() ? StopReason::Withheld : StopReason::Rule;
            break;
        }
        if (i + 1 == request.maxTokens)
            break;
        if (int(session.tokens().size()) >= nCtx) {
            result.reason = StopReason::ContextFull;
            break;
        }
        session.append(token.id);
    }

    // Phase 3: the rest of the suggestion and the figures.
    result.text = suggestion.finish(result.reason == StopReason::Cancelled);
    if (suggestion.withheld())
        result.reason = StopReason::Withheld;
    result.tokenProbabilities = suggestion.tokenProbabilities();
    result.firstWordConfidence = suggestion.firstWordConfidence();
    result.totalMs = msSince(start);
    return result;
}

} // namespace inkling
