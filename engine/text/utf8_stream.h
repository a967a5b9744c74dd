// UTF-8 decoding for text that arrives in pieces: generated tokens are raw bytes and may
// split a character, so the UI must only ever see complete characters.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace inkling {

// One step of strict UTF-8 decoding (no overlongs, surrogates or code points > U+10FFFF).
struct Utf8Char
{
    enum class Status {
        Complete,  // `length` bytes form the well-formed character `codePoint`
        Invalid,   // `length` bytes (the maximal valid prefix, at least 1) cannot start a character
        Truncated, // `length` bytes are a valid prefix that the end of the input cut short
    };
    Status status = Status::Invalid;
    std::size_t length = 1;
    char32_t codePoint = 0;
};

// Decodes the character starting at bytes[pos]; pos must be < bytes.size().
Utf8Char decodeUtf8(std::string_view bytes, std::size_t pos);

// Turns a byte stream into complete UTF-8 characters. Each invalid sequence becomes one
// U+FFFD (the "maximal subpart" rule that Python's errors="replace" also follows).
class Utf8Stream
{
public:
    // Returns the complete characters now available; holds back the bytes of a character
    // that is still unfinished until later bytes complete (or break) it.
    std::string push(std::string_view bytes);
    // Returns whatever is held back, an unfinished character becoming U+FFFD, and resets.
    std::string flush();

private:
    std::string m_pending;
};

} // namespace inkling
