// Stop rules over UTF-8 text. Letters are Unicode letters (the same classes the
// tokenizer uses), so words in any script end where they should.
#include "engine/generation/stop_rule.h"

#include "engine/text/unicode_class.h"
#include "engine/text/utf8_stream.h"

#include <array>

namespace inkling {

namespace {

// A character whose bytes have not all been generated yet: the rules wait for it.
constexpr char32_t kIncomplete = 0xFFFFFFFF;

// Decodes the character at text[pos] and advances pos; invalid bytes decode as U+FFFD.
char32_t nextChar(std::string_view text, size_t &pos)
{
    const Utf8Char c = decodeUtf8(text, pos);
    pos += c.length;
    switch (c.status) {
    case Utf8Char::Status::Complete:
        return c.codePoint;
    case Utf8Char::Status::Truncated:
        return kIncomplete;
    case Utf8Char::Status::Invalid:
        return 0xFFFD;
    }
    return 0xFFFD;
}

bool isSentenceEnd(char32_t c)
{
    return c == '.' || c == '!' || c == '?' || c == U'\u2026';
}

bool isCloser(char32_t c)
{
    return c == '"' || c == '\'' || c == ')' || c == ']' || c == U'\u201D' || c == U'\u2019' ||
           c == U'\u00BB';
}

bool isBlank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

} // namespace

const char *modeName(CompletionMode mode)
{
    switch (mode) {
    case CompletionMode::Word:
        return "word";
    case CompletionMode::Sentence:
        return "sentence";
    case CompletionMode::Paragraph:
        return "paragraph";
    case CompletionMode::Code:
        return "code";
    case CompletionMode::Raw:
        return "raw";
    case CompletionMode::Line:
        return "line";
    }
    return "raw";
}

std::optional<CompletionMode> modeFromName(std::string_view name)
{
    for (auto m : {CompletionMode::Word, CompletionMode::Sentence, CompletionMode::Paragraph,
                   CompletionMode::Code, CompletionMode::Raw, CompletionMode::Line}) {
        if (name == modeName(m))
            return m;
    }
    return std::nullopt;
}

int StopRule::indentOfLastLine(std::string_view text)
{
    const size_t lineStart = text.rfind('\n') == std::string_view::npos ? 0 : text.rfind('\n') + 1;
    int indent = 0;
    for (size_t i = lineStart; i < text.size() && (text[i] == ' ' || text[i] == '\t'); ++i)
        ++indent;
    return indent;
}

std::optional<size_t> StopRule::stopAt(std::string_view text) const
{
    switch (m_mode) {
    case CompletionMode::Word:
        return wordStop(text);
    case CompletionMode::Sentence:
        return sentenceStop(text);
    case CompletionMode::Paragraph:
        return paragraphStop(text);
    case CompletionMode::Code:
        return codeStop(text);
    case CompletionMode::Raw:
        return std::nullopt;
    case CompletionMode::Line:
        return lineStop(text);
    }
    return std::nullopt;
}

// Stops at the first character that ends a word begun with a letter or digit; a line
// break before any word also ends the suggestion.
std::optional<size_t> StopRule::wordStop(std::string_view text) const
{
    bool inWord = false;
    for (size_t pos = 0; pos < text.size();) {
        const size_t at = pos;
        const char32_t c = nextChar(text, pos);
        if (c == kIncomplete)
            break;
        if (isWordChar(c) && (inWord || isLetter(c) || isNumber(c) || c == '_')) {
            inWord = true;
        } else if (inWord || c == '\n') {
            return at;
        }
    }
    return std::nullopt;
}

// Stops after . ! ? … (and closing quotes or brackets) once whitespace follows, so
// "3.14" and "e.g" do not end a sentence; a line break after some text also ends it.
// With several sentences wanted, only the last sentence end stops.
std::optional<size_t> StopRule::sentenceStop(std::string_view text) const
{
    bool content = false;
    int ended = 0;
    for (size_t pos = 0; pos < text.size();) {
        const size_t at = pos;
        const char32_t c = nextChar(text, pos);
        if (c == kIncomplete)
            break;
        if (c == '\n' && content)
            return at;
        if (c > 0x7F || !isBlank(char(c)))
            content = true;
        if (!isSentenceEnd(c))
            continue;
        size_t end = pos;
        while (end < text.size()) {
            size_t next = end;
            const char32_t d = nextChar(text, next);
            if (d == kIncomplete)
                break;
            if (isSentenceEnd(d) || isCloser(d)) {
                end = next;
                continue;
            }
            if (d == ' ' || d == '\t' || d == '\n' || d == '\r') {
                if (++ended >= m_sentences)
                    return end;
                break;
            }
            break;
        }
        pos = std::max(pos, end);
    }
    return std::nullopt;
}

// Stops at a blank line that follows some text.
std::optional<size_t> StopRule::paragraphStop(std::string_view text) const
{
    size_t firstContent = 0;
    while (firstContent < text.size() && isBlank(text[firstContent]))
        ++firstContent;
    for (size_t nl = text.find('\n', firstContent); nl != std::string_view::npos;
         nl = text.find('\n', nl + 1)) {
        size_t next = nl + 1;
        while (next < text.size() &&
               (text[next] == ' ' || text[next] == '\t' || text[next] == '\r'))
            ++next;
        if (next < text.size() && text[next] == '\n')
            return nl;
    }
    return std::nullopt;
}

// Stops before a blank line, or before a line that dedents below the cursor's line:
// the end of the block the cursor is in. The cursor's own line is always kept.
std::optional<size_t> StopRule::codeStop(std::string_view text) const
{
    for (size_t nl = text.find('\n'); nl != std::string_view::npos; nl = text.find('\n', nl + 1)) {
        size_t next = nl + 1;
        int indent = 0;
        while (next < text.size() && (text[next] == ' ' || text[next] == '\t')) {
            ++next;
            ++indent;
        }
        if (next >= text.size())
            return std::nullopt; // the line has not shown its first character yet
        if (text[next] == '\n' || text[next] == '\r')
            return nl; // blank line
        if (indent < m_baseIndent)
            return nl;
    }
    return std::nullopt;
}

// Stops at the first line break after some text: leading blank lines are skipped, as
// a model often starts an answer on the line after "A:".
std::optional<size_t> StopRule::lineStop(std::string_view text) const
{
    size_t firstContent = 0;
    while (firstContent < text.size() && isBlank(text[firstContent]))
        ++firstContent;
    const size_t nl = text.find('\n', firstContent);
    if (nl == std::string_view::npos)
        return std::nullopt;
    return nl;
}

size_t StopRule::stableLength(std::string_view text) const
{
    size_t n = text.size();
    while (n > 0 && isBlank(text[n - 1]))
        --n;
    return n;
}

size_t StopRule::finalLength(std::string_view text) const
{
    return m_mode == CompletionMode::Raw ? text.size() : stableLength(text);
}

} // namespace inkling
