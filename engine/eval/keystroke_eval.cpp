// The simulated writer. It types one character at a time at the end of the text into a
// SuggestionSession, the editor's own (which keeps a suggestion that the typed character
// continues, else drops it; a new one is asked for where the trigger rule allows), and it
// accepts a suggestion's pieces whenever they are what comes next.
#include "engine/eval/keystroke_eval.h"
#include "engine/generation/suggestion_cache.h"
#include "engine/generation/suggestion_session.h"
#include "engine/text/unicode_class.h"
#include "engine/text/utf8_stream.h"

#include <optional>
#include <set>

#include <cctype>

#include "engine/text/utf8_stream.h"

#include <chrono>

namespace inkling {

namespace {

using Clock = std::chrono::steady_clock;

size_t charLength(std::string_view s, size_t pos)
{
    return decodeUtf8(s, pos).length;
}

int countChars(std::string_view s)
{
    int n = 0;
    for (size_t i = 0; i < s.size(); i += charLength(s, i))
        ++n;
    return n;
}

bool startsWith(std::string_view s, std::string_view prefix)
{
    return s.substr(0, prefix.size()) == prefix;
}

} // namespace

void KeystrokeStats::add(const KeystrokeStats &o)
{
    characters += o.characters;
    keystrokes += o.keystrokes;
    typed += o.typed;
    requests += o.requests;
    remembered += o.remembered;
    suppressed += o.suppressed;
    shown += o.shown;
    wrongShown += o.wrongShown;
    repeating += o.repeating;
    accepted += o.accepted;
    acceptKeys += o.acceptKeys;
    acceptedCharacters += o.acceptedCharacters;
    latencyMs.insert(latencyMs.end(), o.latencyMs.begin(), o.latencyMs.end());
}

bool repeatsWordNgram(std::string_view text, int n)
{
    std::vector<std::string> words;
    std::string word;
    for (size_t i = 0; i <= text.size();) {
        const Utf8Char c = i < text.size() ? decodeUtf8(text, i) : Utf8Char{};
        const size_t length = i < text.size() ? std::max<size_t>(1, c.length) : 1;
        if (i < text.size() && c.status == Utf8Char::Status::Complete && isWordChar(c.codePoint)) {
            for (size_t b = i; b < i + length; ++b)
                word += char(std::tolower(static_cast<unsigned char>(text[b])));
        } else if (!word.empty()) {
            words.push_back(std::move(word));
            word.clear();
        }
        i += length;
    }
    std::set<std::vector<std::string>> seen;
    for (size_t i = 0; n > 0 && i + size_t(n) <= words.size(); ++i) {
        if (!seen.emplace(words.begin() + ptrdiff_t(i), words.begin() + ptrdiff_t(i) + n).second)
            return true;
    }
    return false;
}

AcceptPlan planAccept(std::string_view suggestion, std::string_view wanted)
{
    AcceptPlan best;
    const auto consider = [&](size_t bytes, int keys) {
        const int chars = countChars(suggestion.substr(0, bytes));
        if (chars - keys > best.characters - best.keys)
            best = {bytes, keys, chars};
    };
    if (!suggestion.empty() && startsWith(wanted, suggestion))
        consider(suggestion.size(), 1); // Tab
    size_t at = 0;
    int keys = 0;
    while (at < suggestion.size()) {
        const std::string_view rest = suggestion.substr(at);
        const std::string_view want = wanted.substr(at);
        const size_t line = nextLineLength(rest);
        const size_t word = nextWordLength(rest);
        if (line > 0 && startsWith(want, rest.substr(0, line)))
            at += line; // Alt+Right
        else if (word > 0 && startsWith(want, rest.substr(0, word)))
            at += word; // Ctrl+Right
        else
            break;
        consider(at, ++keys);
    }
    return best;
}

KeystrokeReplay::KeystrokeReplay(Gpt2Session &session, const Tokenizer &tokenizer,
                                 CompletionMode mode, const SuggestionPolicy &generation,
                                 bool stopAtMismatch)
    : m_session(session)
    , m_tokenizer(tokenizer)
    , m_mode(mode)
    , m_generation(generation)
    , m_stopAtMismatch(stopAtMismatch)
{}

const KeystrokeReplay::Suggestion &KeystrokeReplay::suggestionAt(const std::string &text,
                                                                 size_t position)
{
    if (auto it = m_cache.find(position); it != m_cache.end())
        return it->second;
    const std::string_view before = std::string_view(text).substr(0, position);
    const std::string_view wanted = std::string_view(text).substr(position);
    GenerationRequest request = m_generation.request(
        std::string(promptTail(before, m_session.model().config().nCtx)), m_mode);
    if (m_generation.documentCache) {
        // The document as written so far, never what comes after (that is the answer),
        // without the line being written (see DocumentCache).
        m_documentCache.update(m_tokenizer, before.substr(0, before.rfind('\n') + 1));
        request.documentCache = &m_documentCache;
    }
    Suggestion s;
    const auto start = Clock::now();
    GenerationCallbacks callbacks;
    callbacks.onConfidence = [&](double p) {
        s.confidence = p;
        s.latencyMs = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    };
    callbacks.onText = [&](std::string_view piece) {
        s.text += piece;
    };
    if (m_stopAtMismatch)
        callbacks.isCancelled = [&] {
            return !startsWith(wanted, s.text);
        };
    generate(m_session, m_tokenizer, request, callbacks);
    return m_cache.emplace(position, std::move(s)).first->second;
}

KeystrokeStats KeystrokeReplay::run(const std::string &text, const SuggestionPolicy &policy,
                                    size_t from)
{
    if (text != m_cachedCopy) {
        m_cache.clear();
        m_cachedCopy = text;
    }
    KeystrokeStats st;
    const std::string_view all(text);
    from = std::min(from, all.size());
    st.characters = countChars(all.substr(from));
    SuggestionSession session; // positions in bytes of text
    session.setPolicy(policy);
    session.setMode(m_mode);
    // The app remembers the greedy suggestions it showed (SuggestionController).
    SuggestionCache remembered;
    const bool remember = m_remember && m_generation.sampling.greedy;
    std::uint64_t id = 0;
    bool usedShown = false; // a piece of the suggestion shown was accepted
    bool accepted = false;  // the last keys accepted all that was left of one
    size_t pos = from;
    const auto countShown = [&](std::string_view shown, double latencyMs) {
        ++st.shown;
        st.latencyMs.push_back(latencyMs);
        if (!startsWith(all.substr(pos), shown.substr(0, nextWordLength(shown))))
            ++st.wrongShown;
        if (repeatsWordNgram(shown, 4))
            ++st.repeating;
        usedShown = false;
    };
    while (pos < all.size()) {
        if (session.text().empty() && pos > 0 &&
            session.shouldRequest(all.substr(0, pos), {}, accepted)) {
            const std::string_view before = all.substr(0, pos);
            const std::string_view context = before.substr(
                before.size() - std::min(before.size(), SuggestionCache::kLookupBytes));
            ++st.requests;
            std::optional<SuggestionCache::Hit> hit;
            if (remember)
                hit = remembered.find(context, m_mode);
            if (hit) {
                ++st.remembered;
                session.showKnown(long(pos), hit->text, hit->confidence);
                countShown(hit->text, 0);
            } else {
                // The request the session makes is m_generation's (see suggestionAt), with
                // the gate applied here rather than by the engine, so that the suggestion
                // kept for this position serves every threshold.
                session.start(long(pos), 0, false, ++id, m_mode);
                const Suggestion &s = suggestionAt(text, pos);
                if (!session.confidence(id, s.confidence)) {
                    ++st.suppressed;
                } else {
                    session.append(id, s.text);
                    session.finish(id);
                    if (!s.text.empty()) {
                        countShown(s.text, s.latencyMs);
                        if (remember)
                            remembered.remember(context, m_mode, s.text, s.confidence);
                    }
                }
            }
        }
        if (!session.text().empty()) {
            const AcceptPlan plan = planAccept(session.text(), all.substr(pos));
            if (plan.keys > 0) {
                st.keystrokes += plan.keys;
                st.acceptKeys += plan.keys;
                st.acceptedCharacters += plan.characters;
                if (!usedShown)
                    ++st.accepted;
                usedShown = true;
                session.typed(long(pos), all.substr(pos, plan.bytes), long(plan.bytes));
                pos += plan.bytes;
                accepted = session.text().empty();
                continue; // what is left of it may be accepted further after typing on
            }
        }
        // Type one character; a suggestion it continues stays, minus that character.
        const size_t n = charLength(all, pos);
        ++st.keystrokes;
        ++st.typed;
        accepted = false;
        session.typed(long(pos), all.substr(pos, n), long(n));
        pos += n;
    }
    return st;
}

} // namespace inkling
