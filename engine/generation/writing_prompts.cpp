// Prompt construction for the writing commands: trimming, cutting to the window, and
// the paper's fixed formats.
#include "engine/generation/writing_prompts.h"

#include <algorithm>

namespace inkling::writing {

namespace {

constexpr size_t kBoundarySearch = 64;

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool isContinuationByte(char c)
{
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

} // namespace

size_t textBudget(int contextTokens, int maxTokens)
{
    return size_t(std::max(0, contextTokens - std::max(0, maxTokens))) * 3;
}

std::string_view trimmed(std::string_view text)
{
    size_t begin = 0;
    while (begin < text.size() && isSpace(text[begin]))
        ++begin;
    size_t end = text.size();
    while (end > begin && isSpace(text[end - 1]))
        --end;
    return text.substr(begin, end - begin);
}

std::string_view keepTail(std::string_view text, size_t maxBytes)
{
    if (text.size() <= maxBytes)
        return text;
    size_t start = text.size() - maxBytes;
    while (start < text.size() && isContinuationByte(text[start]))
        ++start;
    const size_t limit = std::min(text.size(), start + kBoundarySearch);
    for (size_t i = start; i < limit; ++i) {
        if (isSpace(text[i]))
            return text.substr(i + 1);
    }
    return text.substr(start);
}

std::string_view keepHead(std::string_view text, size_t maxBytes)
{
    if (text.size() <= maxBytes)
        return text;
    size_t end = maxBytes;
    while (end > 0 && isContinuationByte(text[end]))
        --end;
    const size_t limit = end > kBoundarySearch ? end - kBoundarySearch : 0;
    for (size_t i = end; i > limit; --i) {
        if (isSpace(text[i - 1]))
            return text.substr(0, i - 1);
    }
    return text.substr(0, end);
}

std::string oneLine(std::string_view text)
{
    std::string line(trimmed(text));
    std::replace_if(line.begin(), line.end(), [](char c) { return isSpace(c); }, ' ');
    return line;
}

WritingPrompt continuePrompt(std::string_view textBefore, size_t maxTextBytes)
{
    WritingPrompt p;
    p.prompt = std::string(keepTail(textBefore, maxTextBytes));
    p.mode = CompletionMode::Paragraph;
    p.maxTokens = kContinueTokens;
    p.tokenHealing = true; // the cursor may stand inside a word, as when typing
    return p;
}

WritingPrompt summarizePrompt(std::string_view selection, size_t maxTextBytes)
{
    static constexpr std::string_view kSuffix = "\nTL;DR:";
    WritingPrompt p;
    const size_t budget = maxTextBytes > kSuffix.size() ? maxTextBytes - kSuffix.size() : 0;
    // The start of an article carries its gist: a long selection loses its end.
    p.prompt = std::string(trimmed(keepHead(trimmed(selection), budget)));
    p.prompt += kSuffix;
    p.mode = CompletionMode::Sentence;
    p.sentences = kSummarySentences;
    p.maxTokens = kSummaryTokens;
    p.sampling.greedy = false;
    p.sampling.topK = 2;
    p.sampling.temperature = 1.0f;
    p.sampling.topP = 1.0f;
    p.sampling.repetitionPenalty = 1.0f;
    return p;
}

WritingPrompt askPrompt(std::string_view selection, std::string_view question,
                        const std::vector<QuestionAnswer> &history, size_t maxTextBytes)
{
    const std::string finalTurn = "Q: " + oneLine(question) + "\nA:";
    // The most recent turns first, while they fit in half of what the question leaves.
    const size_t room = maxTextBytes > finalTurn.size() ? maxTextBytes - finalTurn.size() : 0;
    std::string conversation;
    for (auto it = history.rbegin(); it != history.rend(); ++it) {
        const std::string turn =
            "Q: " + oneLine(it->question) + "\nA: " + oneLine(it->answer) + "\n";
        if (conversation.size() + turn.size() > room / 2)
            break;
        conversation.insert(0, turn);
    }
    conversation += finalTurn;
    const size_t separator = 2; // the blank line between the text and the conversation
    const size_t textRoom =
        room - std::min(room, conversation.size() - finalTurn.size() + separator);

    WritingPrompt p;
    p.prompt = std::string(trimmed(keepHead(trimmed(selection), textRoom)));
    p.prompt += "\n\n";
    p.prompt += conversation;
    p.mode = CompletionMode::Line;
    p.maxTokens = kAnswerTokens;
    p.sampling.greedy = true; // the paper's question answering decodes greedily
    p.sampling.repetitionPenalty = 1.0f;
    return p;
}

} // namespace inkling::writing
