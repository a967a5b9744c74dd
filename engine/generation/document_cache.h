// The document's own words: a cache model (Kuhn and De Mori 1990; the n-gram form of
// Grave et al.'s unbounded cache, 2017). Names, terms and phrases come back within a
// document, most of which lies outside the model's window; the tokens that followed the
// last few tokens elsewhere in the document are a second opinion on the next token,
// mixed into the model's (mix()).
//
// The line (paragraph) being written is not part of it: the model sees that in its window
// anyway, and its end would vote for itself (the typed start of a word that token healing
// re-spells would be "what followed" the tokens before it).
//
// Incremental: the text is held as lines (a paragraph of prose is one line), each
// tokenized on its own and counted once per occurrence; an update re-tokenizes only the
// lines that changed since the previous one (typing changes one), so keeping a 300 KB
// document costs a fraction of a millisecond per keystroke (inkling-bench's replay).
#pragma once

#include "engine/text/tokenizer.h"

#include <cstdint>
#include <span>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace inkling {

class DocumentCache
{
public:
    // Contexts of up to kMaxOrder tokens are matched, the longest first.
    static constexpr int kMaxOrder = 6;

    // Makes the cache hold the token n-grams of `text` (UTF-8, any length).
    void update(const Tokenizer &tokenizer, std::string_view text);
    void clear();

    // What followed the longest suffix of `context` (up to kMaxOrder tokens) that occurs
    // in the text with a token after it: its length (0: none) and the following tokens
    // with their counts.
    struct Prediction
    {
        int order = 0;
        int total = 0;
        std::vector<std::pair<int, int>> next; // token, count
    };
    Prediction predict(std::span<const int> context) const;

    // Mixes a prediction into logits [V], in place: p = (1 − λ) p_model + λ p_cache with
    // λ = weight(order) (kWeights), so that a continuation the document has used before
    // gains, and the model keeps the rest. Only the predicted tokens' logits change (the
    // others keep theirs, as a shift of every logit changes no probability).
    static void mix(std::span<float> logits, const Prediction &prediction);
    // λ by the length of the matched context (index: order): one token of context says
    // little, six say the document is repeating itself. Tuned on the development set's
    // tune half (docs/quality.md).
    static constexpr double kWeights[kMaxOrder + 1] = {0, 0.05, 0.2, 0.35, 0.5, 0.65, 0.75};

    size_t lineCount() const { return m_lineHashes.size(); }
    size_t tokenCount() const { return m_tokens; }

private:
    struct Line
    {
        std::vector<int> tokens;
        int occurrences = 0;
    };
    void count(const std::vector<int> &tokens, int delta);
    void updateLines(const Tokenizer &tokenizer, std::string_view text);

    std::vector<std::uint64_t> m_lineHashes;         // the text's lines in order
    std::unordered_map<std::uint64_t, Line> m_lines; // by hash
    // n-gram (hash of its tokens and length) → the tokens that followed it, with counts.
    std::unordered_map<std::uint64_t, std::vector<std::pair<int, int>>> m_next;
    size_t m_tokens = 0;
};

} // namespace inkling
