// Generating one suggestion: prompt → tokens → cached prefix reuse → sample token by
// token → stop rule, budgets and cancellation, streaming whole UTF-8 characters.
#pragma once

#include "engine/generation/document_cache.h"
#include "engine/generation/sampler.h"
#include "engine/generation/stop_rule.h"
#include "engine/model/gpt2_session.h"
#include "engine/text/tokenizer.h"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace inkling {

// How to generate: what a GenerationRequest and the completion service's request share.
struct GenerationSettings
{
    CompletionMode mode = CompletionMode::Sentence;
    int sentences = 1; // sentence mode: how many sentences before it stops
    SamplingParams sampling;
    int maxTokens = 32;
    int timeBudgetMs = 0; // 0: no time limit
    // When the prompt ends inside a word, take the typed part of the word out of the
    // prompt and make the first tokens spell it (GPT-2 has hardly ever seen a word cut
    // in the middle). The suggestion is what follows the typed characters.
    bool tokenHealing = false;
    // Never a loop: with n > 0, a token that would repeat a token n-gram of the text
    // generated so far, or of the last kRepeatContextTokens tokens before it, is not
    // generated (as no_repeat_ngram_size does, but only near the cursor: phrases of the
    // document far above may come again). 0 keeps the model's own choices, which the
    // reference tests compare; suggestions use SuggestionPolicy's value.
    int noRepeatNgram = 0;
    static constexpr int kRepeatContextTokens = 32;
    // "Prefer silence to a wrong suggestion": once the first word is complete, if its
    // probability (GenerationResult::firstWordConfidence) is below this, generation stops
    // and suggests nothing (StopReason::Withheld). 0 keeps every suggestion.
    double minConfidence = 0;
};

// The confidence gate, the one comparison for the engine, the editor and the evaluator.
inline bool isConfident(double firstWordConfidence, double minConfidence)
{
    return firstWordConfidence >= minConfidence;
}

// The prompt window: the part of the text before the cursor that the model sees, the
// newest text, as much as fills the context with room left for the suggestion. Its start
// moves only in whole steps of a fixed grid, first in the text and then in tokens, so
// that while the user types on the start stays put and the KV cache's prefix stays valid
// (a start that moved with every keystroke would re-evaluate the whole window each time).
// Every cut of a prompt asks here: the editor (what it sends), the completion service
// and the evaluator (the text), and promptTokens() (the tokens).
struct PromptWindow
{
    // Units of text per context token: code units of the caller's text (UTF-16 in the
    // editor and the service, UTF-8 bytes in the evaluator). More than prose or code
    // needs, so the text always fills the context that the tokens are then cut to.
    static constexpr size_t kUnitsPerToken = 8;
    static constexpr size_t kTextGrid = 4096; // units
    // Where the part of a text `length` units long that a context of nCtx tokens (≤ 0:
    // 1024) can use starts: 0, or a multiple of kTextGrid. The caller moves it past the
    // continuation units of a character it falls inside.
    static size_t textStart(size_t length, int nCtx);
    // How many of `count` prompt tokens to drop from the front so that maxTokens fit
    // after them: whole quarter windows (at least one token is kept).
    static size_t tokensToDrop(size_t count, int nCtx, int maxTokens);
};

struct GenerationRequest : GenerationSettings
{
    std::string prompt; // text before the cursor
    // The writer's notes on the document (names, terms, style): put before the prompt's
    // text, separated by a blank line, and kept whole in the window (up to half of it)
    // however long the document is, while the document's text is cut from the front.
    std::string notes;
    // The document's own words (DocumentCache), mixed into every next-token distribution
    // when set; held by whoever keeps the document (the completion service, the replay).
    const DocumentCache *documentCache = nullptr;
};

// The prompt split for token healing: the text whose tokens go to the model, and the
// typed start of a word that the first generated tokens must spell: the word's typed
// letters with the space before them, or a lone trailing space after a word or mark
// (GPT-2 writes a space with the word after it). No split (empty prefix) otherwise, or
// when the word is too long.
struct HealingSplit
{
    std::string_view context;
    std::string_view prefix;
};
HealingSplit splitForHealing(std::string_view prompt);

// Withheld: the first word was less likely than GenerationSettings::minConfidence.
enum class StopReason {
    Rule,
    EndOfText,
    TokenBudget,
    TimeBudget,
    ContextFull,
    Cancelled,
    Withheld
};

const char *stopReasonName(StopReason reason);

struct GenerationResult
{
    std::string text;        // the suggestion (what follows the prompt)
    std::vector<int> tokens; // generated ids (those spelling a healed prefix included)
    // Per generated token: its probability under the model (softmax of the raw logits,
    // before temperature or penalties), renormalised over the tokens that token healing
    // allowed at that step, i.e. the probability given what the user typed.
    std::vector<float> tokenProbabilities;
    // The probability of the suggestion's first word (see nextWordLength()): the product
    // of the probabilities of the tokens that spell part of it. 0 for no suggestion.
    double firstWordConfidence = 0;
    std::string healedPrefix; // typed characters the first tokens re-spelled
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
    // Called once, before any text, when the first word of the suggestion is complete
    // (a character after it was generated, or generation ended), with its confidence
    // (GenerationResult::firstWordConfidence). Text is held back until then, so a
    // listener can suppress an unlikely suggestion before any of it is shown (the
    // request's minConfidence makes the generator do so itself).
    std::function<void(double)> onConfidence;
};

// The prompt's tokens as they go to the model: the notes' (GenerationRequest::notes, at
// most half the window), then the prompt's most recent that leave room for maxTokens in
// the rest of the window (PromptWindow::tokensToDrop); an empty prompt without notes
// becomes <|endoftext|>, as in training.
std::vector<int> promptTokens(const Tokenizer &tokenizer, std::string_view prompt, int nCtx,
                              int maxTokens, std::string_view notes = {},
                              size_t *notesTokens = nullptr);

GenerationResult generate(Gpt2Session &session, const Tokenizer &tokenizer,
                          const GenerationRequest &request,
                          const GenerationCallbacks &callbacks = {});

} // namespace inkling
