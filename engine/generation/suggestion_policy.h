// The decisions about suggestions that are not about widgets: when to ask, what to ask
// the engine for, whether a suggestion is confident enough to show, and how far
// "accept word" and "accept line" reach. The editor's SuggestionController and
// `inkling-cli eval keystrokes` both use this, so the evaluator measures the app's rules.
//
// Plain C++ over UTF-8 (std::string_view), like the rest of the engine: the CLI stays
// free of Qt, and the controller converts the few lengths it needs to UTF-16.
#pragma once

#include "engine/generation/generator.h"

#include <cstddef>
#include <optional>
#include <string_view>

namespace inkling {

// When typing asks for a suggestion (after the debounce pause).
enum class TriggerRule {
    EveryKeystroke, // after any edit that leaves the cursor at a place worth completing
    InsideWord,     // only once a word has been started (not right after a space or a
                    // punctuation mark, where the model's guess of a whole word is weakest)
};

const char *triggerRuleName(TriggerRule rule);
std::optional<TriggerRule> triggerRuleFromName(std::string_view name);

struct SuggestionPolicy
{
    // The mode of documents that are not source code (those are written in code mode).
    CompletionMode proseMode = CompletionMode::Sentence;
    // Token budgets per mode; raw (the CLI's "no stop rule") uses the paragraph budget.
    int maxTokensWord = 8;
    int maxTokensSentence = 40;
    int maxTokensParagraph = 120;
    int maxTokensCode = 80;
    int timeBudgetMs = 4000;
    // The defaults below are tuned on the development set (README, "Suggestion quality":
    // `inkling-cli eval keystrokes`): greedy saves more keystrokes than sampling (which
    // alternatives still use); waiting for a word's first letter costs almost no savings
    // and shows fewer wrong suggestions; a first-word confidence of 0.3 keeps the
    // wrong-shown rate under half at a cost of about 2 points of savings.
    SamplingParams sampling{.greedy = true};
    bool tokenHealing = true; // the cursor is usually inside a word while typing
    // A suggestion never repeats a 4-token phrase of itself or of the text just before
    // the cursor (greedy decoding of a small model otherwise loops: "and who had been in
    // the house, and who had been in the house, …").
    int noRepeatNgram = 4;
    TriggerRule trigger = TriggerRule::InsideWord;
    // "Prefer silence to a wrong suggestion": a suggestion whose first word the model
    // gives less than this probability is not shown (0 shows everything).
    double minConfidence = 0.3;
    // Typing asks for no suggestion where more than this many characters follow the
    // cursor on its line (trailing blanks not counted; llama.vim's max_line_suffix): a
    // continuation there would have to end exactly where that text begins.
    int maxLineSuffix = 8;
    // Once a whole suggestion is accepted with a key, the next one is asked for wherever
    // the text after the cursor allows, whatever the trigger rule says: the writer is
    // reading on, not typing a word (after a sentence's "." the rule would wait), and the
    // suggestion computed ahead is shown at once (llama.vim does the same).
    bool askAfterAccept = true;
    // Mix the document's own words into the model's choices (DocumentCache): names and
    // phrases from anywhere in the document, also outside the model's window.
    bool documentCache = true;
    // Idle time after typing before a suggestion is requested (the editor waits; the
    // keystroke evaluator, which replays no time, does not).
    int debounceMs = 200;

    int maxTokens(CompletionMode mode) const;

    // Whether to ask for a suggestion with the cursor between `before` and `after`
    // (the document's text on either side; only their ends matter). `accepted`: a whole
    // suggestion has just been accepted there (see askAfterAccept).
    bool shouldRequest(std::string_view before, std::string_view after,
                       bool accepted = false) const;

    // The engine request for a suggestion at the end of `prompt` (the text before the
    // cursor). Alternative n > 0 is sampled with seed + n, so that alternatives differ.
    GenerationRequest request(std::string prompt, CompletionMode mode, int alternative = 0) const;

    bool isConfident(double firstWordConfidence) const
    {
        return inkling::isConfident(firstWordConfidence, minConfidence);
    }
};

// Whether `suggestion` would only repeat what already follows the cursor (a ")" before
// the ")" that is there): such a suggestion is not shown unless asked for. Trailing
// blanks of the suggestion do not count; an empty one repeats nothing.
bool repeatsTextAfter(std::string_view suggestion, std::string_view after);

// Bytes of `suggestion` that "accept word" (Ctrl+Right) takes: leading blanks, then a
// word (letters, digits, '_', apostrophes) or one other character; a line break ends it.
// This is also the "first word" whose probability is the suggestion's confidence.
size_t nextWordLength(std::string_view suggestion);

// Bytes that "accept line" (Alt+Right) takes: up to and including the next line break
// or sentence end ('.', '!' or '?' before a space or the end), whichever comes first.
size_t nextLineLength(std::string_view suggestion);

// The tail of the text before the cursor (UTF-8) that goes to the engine: from
// PromptWindow::textStart, never inside a UTF-8 character. (The completion service cuts
// the editor's UTF-16 text at the same place with contextTail.)
std::string_view promptTail(std::string_view textBefore, int nCtx);

} // namespace inkling
