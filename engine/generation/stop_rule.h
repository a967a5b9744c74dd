// Where a suggestion ends, per completion mode (DESIGN.md "Modes"): the rule looks at
// the generated text so far and says where to cut it and how much is already final.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace inkling {

// Line: up to the end of the line the text starts (after any leading blank lines); the
// answer format of the GPT-2 paper's question answering.
enum class CompletionMode { Word, Sentence, Paragraph, Code, Raw, Line };

const char *modeName(CompletionMode mode);
std::optional<CompletionMode> modeFromName(std::string_view name);

class StopRule
{
public:
    // baseIndent: the indentation (in spaces and tabs) of the line the cursor is on;
    // code mode stops when a new line dedents below it.
    // sentences: how many sentences sentence mode lets through (the paper's summaries
    // are the first three generated sentences).
    explicit StopRule(CompletionMode mode, int baseIndent = 0, int sentences = 1)
        : m_mode(mode)
        , m_baseIndent(baseIndent)
        , m_sentences(sentences < 1 ? 1 : sentences)
    {}

    // The byte length to cut the suggestion to if generation should stop now.
    std::optional<size_t> stopAt(std::string_view text) const;

    // Bytes that no later text can cut away: everything up to the last non-whitespace
    // character (whitespace may still turn into a blank line or a dedent).
    size_t stableLength(std::string_view text) const;

    // The suggestion when generation ends for another reason (budget, end of text):
    // trailing whitespace dropped, except in raw mode.
    size_t finalLength(std::string_view text) const;

    CompletionMode mode() const { return m_mode; }

    // Indentation width of the last line of text (the cursor's line).
    static int indentOfLastLine(std::string_view text);

private:
    std::optional<size_t> wordStop(std::string_view text) const;
    std::optional<size_t> sentenceStop(std::string_view text) const;
    std::optional<size_t> paragraphStop(std::string_view text) const;
    std::optional<size_t> codeStop(std::string_view text) const;
    std::optional<size_t> lineStop(std::string_view text) const;

    CompletionMode m_mode;
    int m_baseIndent;
    int m_sentences;
};

} // namespace inkling
