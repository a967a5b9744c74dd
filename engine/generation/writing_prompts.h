// Prompts for the Tools menu's writing commands, in the formats of the GPT-2 paper
// (Radford et al. 2019, "Language Models are Unsupervised Multitask Learners"), with the
// generation settings the paper used for each task. Plain C++: the UI hands in UTF-8.
#pragma once

#include "engine/generation/generator.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace inkling {

enum class WritingCommand { ContinueParagraph, Summarize, Ask };

struct QuestionAnswer
{
    std::string question;
    std::string answer;
};

// What to send to the generator: the prompt and how to generate from it (no time
// budget: a command is asked for explicitly, and the user can cancel it).
using WritingPrompt = GenerationRequest;

namespace writing {

constexpr int kContinueTokens = 150;
constexpr int kSummaryTokens = 100;  // the paper: "generate 100 tokens"
constexpr int kSummarySentences = 3; // "the first 3 generated sentences"
constexpr int kAnswerTokens = 48;

// Bytes of document text a prompt may hold in a window of contextTokens that must keep
// room for maxTokens of answer: 3 bytes a token (English prose averages above 4), so
// the generator's own token cut, which drops the start of the prompt, rarely has to act.
size_t textBudget(int contextTokens, int maxTokens);

// Whitespace (spaces, tabs, line breaks) removed from both ends.
std::string_view trimmed(std::string_view text);
// At most maxBytes from the end of text, starting after a space or line break when
// one is within 64 bytes of the cut, never inside a UTF-8 character.
std::string_view keepTail(std::string_view text, size_t maxBytes);
// At most maxBytes from the start of text, ending before a space or line break when
// one is within 64 bytes of the cut, never inside a UTF-8 character.
std::string_view keepHead(std::string_view text, size_t maxBytes);
// One line: line breaks and tabs become spaces, ends trimmed (a line break inside a
// question would end the "Q:" line of the prompt early).
std::string oneLine(std::string_view text);

// The text before the cursor, to be continued to the end of its paragraph: sampled
// with top-k 40 (as the paper's samples), token healing as for suggestions.
WritingPrompt continuePrompt(std::string_view textBefore, size_t maxTextBytes);

// The paper's summarisation: "we add the text TL;DR: after the article and generate
// 100 tokens with Top-k random sampling with k = 2"; the summary is the first three
// generated sentences.
WritingPrompt summarizePrompt(std::string_view selection, size_t maxTextBytes);

// The paper's CoQA format: the document, the conversation so far as "Q: …\nA: …" lines,
// and a final "A:"; greedy decoding, the answer ends with its line. Older questions are
// dropped first when they would take more than half the budget.
WritingPrompt askPrompt(std::string_view selection, std::string_view question,
                        const std::vector<QuestionAnswer> &history, size_t maxTextBytes);

} // namespace writing
} // namespace inkling
