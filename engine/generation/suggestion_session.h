// One suggestion's life: asked for at a position, streamed in, kept while the writer
// types what it suggests, accepted in pieces, cycled through alternatives, withheld or
// dismissed. The editor's SuggestionController (the Qt adapter: events, timers, ghost
// painting) and `inkling-cli eval keystrokes` (KeystrokeReplay) drive this same class,
// so the evaluator measures the app's rules by construction.
//
// Plain C++ over UTF-8, like the rest of the engine. Positions are in the caller's units
// (UTF-16 code units in the editor, bytes in the evaluator): the caller says how long
// what it typed is in its units.
#pragma once

#include "engine/generation/suggestion_policy.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace inkling {

class SuggestionSession
{
public:
    static constexpr int kMaxAlternatives = 3;

    enum class State {
        Idle,      // no suggestion
        Streaming, // a request runs, and its replies are wanted (its text may show already)
        Shown,     // the request ended; what it suggested (possibly nothing yet typed) stays
    };

    void setPolicy(const SuggestionPolicy &policy) { m_policy = policy; }
    const SuggestionPolicy &policy() const { return m_policy; }
    // The document's mode (a request may use another, e.g. code inside a Markdown fence).
    void setMode(CompletionMode mode) { m_mode = mode; }
    CompletionMode mode() const { return m_mode; }

    State state() const { return m_state; }
    bool isStreaming() const { return m_state == State::Streaming; }
    // There is something to dismiss: a suggestion, or a request for one.
    bool isActive() const { return m_state != State::Idle; }
    // The rest of the suggestion still to show (empty when none).
    std::string_view text() const;
    // All of the suggestion shown, including what was typed or accepted of it.
    std::string_view whole() const
    {
        const std::string_view rest = text();
        return rest.empty() && m_consumed == 0
                   ? rest
                   : std::string_view(m_alternatives[size_t(m_alternative)]);
    }
    // Where that rest continues: the request's position plus what was typed since.
    long position() const { return m_anchor + m_consumedUnits; }
    int alternative() const { return m_alternative; }
    // Of the first word of the suggestion shown (1 until the engine reports it).
    double confidence() const { return m_confidence; }

    // The trigger rule: whether typing (or accepting a whole suggestion: `accepted`) that
    // leaves the cursor between `before` and `after` asks for a suggestion.
    bool shouldRequest(std::string_view before, std::string_view after, bool accepted = false) const
    {
        return m_policy.shouldRequest(before, after, accepted);
    }

    // Starts asking for alternative n at `position` (n = 0: a new suggestion, replacing
    // any), as request `id`, and returns what to ask the engine (without its prompt; with
    // the confidence gate, so that the engine withholds an unlikely suggestion itself).
    // `asked`: the writer asked for it with a key, so the confidence gate does not apply
    // (alternatives are always asked for). `after`: the text after the position; a
    // suggestion not asked for that would only repeat it is not shown (it is held back
    // while it streams, and dropped if it ends so).
    GenerationRequest start(long position, int alternative, bool asked, std::uint64_t id,
                            CompletionMode mode, std::string_view after = {});

    // Shows a suggestion known without asking the engine (SuggestionCache): at
    // `position`, as if request and reply had already happened.
    void showKnown(long position, std::string text, double confidence);

    // Whether replies to request `id` are wanted (any other request's are stale).
    bool wants(std::uint64_t id) const { return isStreaming() && id == m_requestId; }
    // Replies to request `id`; a reply to any other request is stale and ignored (false).
    // confidence(): the first word's probability, before any text. False also when it is
    // below the gate: the suggestion is withheld, and the session is idle again (the
    // engine got the same threshold with the request, and stopped by itself).
    bool confidence(std::uint64_t id, double firstWordConfidence);
    bool append(std::uint64_t id, std::string_view text);
    bool finish(std::uint64_t id);

    // The writer typed `typed` (`units` long) at `position`. True when it is what the
    // suggestion continues with: it is consumed (and, once all of it is typed and no
    // more is coming, the session is idle). False when it was not: the suggestion is
    // gone (the caller cancels a request that was streaming).
    bool typed(long position, std::string_view typed, long units);

    // What each accept key would insert (empty: nothing); inserting it is typing it.
    std::string_view acceptAll() const { return text(); }
    std::string_view acceptWord() const { return text().substr(0, nextWordLength(text())); }
    std::string_view acceptLine() const { return text().substr(0, nextLineLength(text())); }

    // Cycling: steps to the next (or previous) alternative, if none of the suggestion was
    // typed yet. stoppedRequest: a streaming request was given up (the caller cancels
    // it). request: the alternative is not known yet; the caller asks for it with start().
    struct Step
    {
        bool moved = false;
        bool stoppedRequest = false;
        std::optional<int> request;
    };
    Step nextAlternative();
    Step previousAlternative();

    // Drops the suggestion and stops wanting replies (Idle).
    void clear();

private:
    void stopStreaming();
    // The suggestion so far only repeats the text after the cursor.
    bool repeatsAfter() const;

    SuggestionPolicy m_policy;
    CompletionMode m_mode = CompletionMode::Sentence;
    State m_state = State::Idle;
    std::uint64_t m_requestId = 0; // the request whose replies are wanted while Streaming
    bool m_asked = false;          // by a key: never withheld
    double m_confidence = 1.0;
    long m_anchor = -1;                      // position the suggestion was made for
    long m_consumedUnits = 0;                // caller units of it typed or accepted since
    size_t m_consumed = 0;                   // the same, in bytes of the suggestion
    std::vector<std::string> m_alternatives; // full texts, index = alternative
    int m_alternative = 0;
    std::string m_after; // the start of the text after the position, for repeatsAfter()
};

} // namespace inkling
