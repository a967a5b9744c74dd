// Replaying a text as a writer types it, with the app's suggestion rules, to measure how
// many keystrokes suggestions save and how often they show something wrong
// (`inkling-cli eval keystrokes`).
#pragma once

#include "engine/generation/document_cache.h"
#include "engine/generation/suggestion_policy.h"
#include "engine/model/gpt2_session.h"
#include "engine/text/tokenizer.h"

#include <map>
#include <string>
#include <vector>

namespace inkling {

struct KeystrokeStats
{
    long long characters = 0; // Unicode characters in the text: keystrokes without help
    long long keystrokes = 0; // characters typed + accept keys pressed
    long long typed = 0;      // characters typed by hand
    long long requests = 0;   // suggestions asked for (or found remembered)
    long long remembered = 0; // ... found in the suggestion cache, no model call
    long long suppressed = 0; // ... not shown: first word below the confidence threshold
    long long shown = 0;      // ... shown (not empty, confident enough)
    long long wrongShown = 0; // shown ones whose first word was not what came next
    long long repeating = 0;  // shown ones that repeat a word 4-gram of their own (a loop;
                              // complete only with --full-suggestions)
    long long accepted = 0;   // shown ones of which at least one piece was accepted
    long long acceptKeys = 0; // Tab, Ctrl+Right and Alt+Right presses
    long long acceptedCharacters = 0;
    std::vector<double> latencyMs; // per shown suggestion: request → first character

    long long saved() const { return characters - keystrokes; }
    double savingsPercent() const
    {
        return characters ? 100.0 * double(saved()) / double(characters) : 0;
    }
    double wrongShownPercent() const
    {
        return shown ? 100.0 * double(wrongShown) / double(shown) : 0;
    }
    // What a shown suggestion is worth on average, as assistants report acceptance:
    // the characters accepted from it (a wrong one counts 0).
    double acceptedCharactersPerShown() const
    {
        return shown ? double(acceptedCharacters) / double(shown) : 0;
    }
    void add(const KeystrokeStats &other);
};

// Whether text holds the same n words twice (words: runs of letters, digits, '_' and
// apostrophes, compared without regard to ASCII case).
bool repeatsWordNgram(std::string_view text, int n);

// One way to accept part of a suggestion: how many bytes of it, with how many keys.
struct AcceptPlan
{
    size_t bytes = 0;
    int keys = 0;
    int characters = 0;
};

// What a writer who knows the text (`wanted`, what comes next) does with a suggestion:
// Tab when all of it matches, else Alt+Right per matching line or sentence and
// Ctrl+Right per matching word, stopping where that saves most; an empty plan when
// accepting saves nothing (typing a one-character word costs the same key).
AcceptPlan planAccept(std::string_view suggestion, std::string_view wanted);

// Replays texts with one model, completion mode and generation settings. Suggestions are
// kept per text position, so replaying the same text again with another confidence
// threshold or trigger rule costs no model time (the suggestion shown at a position does
// not depend on either).
class KeystrokeReplay
{
public:
    // stopAtMismatch: stop generating once the streamed suggestion contradicts the text.
    // Exact: the writer never uses a suggestion past its first wrong character.
    KeystrokeReplay(Gpt2Session &session, const Tokenizer &tokenizer, CompletionMode mode,
                    const SuggestionPolicy &generation, bool stopAtMismatch = true);

    // Types `text` (UTF-8) with the trigger rule and confidence threshold of `policy`,
    // from byte `from` on (a character boundary): what comes before is the document
    // already written, as when a writer goes on with a long text.
    KeystrokeStats run(const std::string &text, const SuggestionPolicy &policy, size_t from = 0);

    // Whether shown greedy suggestions are remembered and shown again where the text
    // before the cursor leads back to them, as the app's SuggestionCache does (on, as in
    // the app; off measures what the cache changes).
    void setRemembering(bool remember) { m_remember = remember; }

private:
    struct Suggestion
    {
        std::string text; // as streamed (possibly cut after its first wrong character)
        double confidence = 0;
        double latencyMs = 0;
    };
    const Suggestion &suggestionAt(const std::string &text, size_t position);

    Gpt2Session &m_session;
    const Tokenizer &m_tokenizer;
    CompletionMode m_mode;
    SuggestionPolicy m_generation;
    bool m_stopAtMismatch;
    bool m_remember = true;
    std::string m_cachedCopy; // the text m_cache belongs to
    std::map<size_t, Suggestion> m_cache;
    DocumentCache m_documentCache; // the text before the position asked at last
};

} // namespace inkling
