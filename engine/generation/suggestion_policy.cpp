// The suggestion rules. Character classes come from the engine's Unicode tables, so a
// "word" here is the same for the controller, the evaluator and the generator.
#include "engine/generation/suggestion_policy.h"

#include "engine/text/unicode_class.h"
#include "engine/text/utf8_stream.h"

namespace inkling {

namespace {

// The character starting at byte i (an invalid byte counts as one non-word character).
Utf8Char charAt(std::string_view s, size_t i)
{
    Utf8Char c = decodeUtf8(s, i);
    if (c.status != Utf8Char::Status::Complete)
        c.codePoint = 0xFFFD;
    return c;
}

// The last character of s (s not empty).
char32_t lastChar(std::string_view s)
{
    size_t lead = s.size() - 1;
    while (lead > 0 && (static_cast<unsigned char>(s[lead]) & 0xC0) == 0x80)
        --lead;
    const Utf8Char c = charAt(s, lead);
    return lead + c.length == s.size() ? c.codePoint : char32_t(0xFFFD);
}

// Characters (not bytes) of UTF-8 text: lead bytes.
size_t countChars(std::string_view s)
{
    size_t n = 0;
    for (char c : s)
        n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

} // namespace

const char *triggerRuleName(TriggerRule rule)
{
    switch (rule) {
    case TriggerRule::EveryKeystroke:
        return "always";
    case TriggerRule::InsideWord:
        return "word";
    }
    return "?";
}

std::optional<TriggerRule> triggerRuleFromName(std::string_view name)
{
    if (name == "always")
        return TriggerRule::EveryKeystroke;
    if (name == "word")
        return TriggerRule::InsideWord;
    return std::nullopt;
}

int SuggestionPolicy::maxTokens(CompletionMode mode) const
{
    switch (mode) {
    case CompletionMode::Word:
        return maxTokensWord;
    case CompletionMode::Sentence:
        return maxTokensSentence;
    case CompletionMode::Paragraph:
        return maxTokensParagraph;
    case CompletionMode::Code:
        return maxTokensCode;
    case CompletionMode::Raw:
        return maxTokensParagraph;
    case CompletionMode::Line:
        return maxTokensSentence;
    }
    return maxTokensSentence;
}

bool SuggestionPolicy::shouldRequest(std::string_view before, std::string_view after,
                                     bool accepted) const
{
    // In the middle of an existing word a continuation would have to end exactly where
    // the word's typed rest begins: never useful, often confusing.
    if (!after.empty() && isWordChar(charAt(after, 0).codePoint))
        return false;
    std::string_view line = after.substr(0, after.find('\n'));
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r'))
        line.remove_suffix(1);
    if (countChars(line) > size_t(maxLineSuffix))
        return false;
    if (accepted && askAfterAccept)
        return true;
    switch (trigger) {
    case TriggerRule::EveryKeystroke:
        return true;
    case TriggerRule::InsideWord: {
        if (before.empty())
            return false;
        const char32_t c = lastChar(before);
        return isLetter(c) || isNumber(c);
    }
    }
    return true;
}

bool repeatsTextAfter(std::string_view suggestion, std::string_view after)
{
    while (!suggestion.empty() &&
           (suggestion.back() == ' ' || suggestion.back() == '\t' || suggestion.back() == '\n'))
        suggestion.remove_suffix(1);
    return !suggestion.empty() && after.substr(0, suggestion.size()) == suggestion;
}

GenerationRequest SuggestionPolicy::request(std::string prompt, CompletionMode mode,
                                            int alternative) const
{
    GenerationRequest r;
    r.prompt = std::move(prompt);
    r.mode = mode;
    r.sampling = sampling;
    r.sampling.seed += uint64_t(alternative);
    if (alternative > 0)
        r.sampling.greedy = false; // alternatives must differ
    r.maxTokens = maxTokens(mode);
    r.timeBudgetMs = timeBudgetMs;
    r.tokenHealing = tokenHealing;
    r.noRepeatNgram = noRepeatNgram;
    return r;
}

size_t nextWordLength(std::string_view s)
{
    size_t i = 0;
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t'))
        ++i;
    if (i < s.size() && s[i] == '\n')
        return i + 1;
    if (i >= s.size())
        return i;
    Utf8Char c = charAt(s, i);
    if (!isWordChar(c.codePoint))
        return i + c.length;
    while (i < s.size() && isWordChar((c = charAt(s, i)).codePoint))
        i += c.length;
    return i;
}

size_t nextLineLength(std::string_view s)
{
    size_t start = 0;
    while (start < s.size() && s[start] == '\n')
        ++start;
    for (size_t i = start; i < s.size(); ++i) {
        if (s[i] == '\n')
            return i + 1;
        const bool terminator = s[i] == '.' || s[i] == '!' || s[i] == '?';
        if (terminator && (i + 1 == s.size() || isSpace(static_cast<unsigned char>(s[i + 1]))))
            return i + 1;
    }
    return s.size();
}

std::string_view promptTail(std::string_view text, int nCtx)
{
    size_t start = PromptWindow::textStart(text.size(), nCtx);
    while (start < text.size() && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80)
        ++start; // never start inside a character
    return text.substr(start);
}

} // namespace inkling
