// Strict UTF-8 decoding (Unicode table 3-7) and the streaming decoder built on it.
#include "engine/text/utf8_stream.h"

namespace inkling {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD"; // U+FFFD

// The allowed range of the second byte depends on the lead byte: that is how the
// well-formed table excludes overlongs (E0, F0), surrogates (ED) and > U+10FFFF (F4).
struct LeadInfo
{
    int length = 0; // 0: the byte can never start a character
    unsigned char secondMin = 0x80;
    unsigned char secondMax = 0xBF;
};

LeadInfo leadInfo(unsigned char b)
{
    if (b < 0x80)
        return {1};
    if (b >= 0xC2 && b <= 0xDF)
        return {2};
    if (b == 0xE0)
        return {3, 0xA0, 0xBF};
    if (b == 0xED)
        return {3, 0x80, 0x9F};
    if (b >= 0xE1 && b <= 0xEF)
        return {3};
    if (b == 0xF0)
        return {4, 0x90, 0xBF};
    if (b >= 0xF1 && b <= 0xF3)
        return {4};
    if (b == 0xF4)
        return {4, 0x80, 0x8F};
    return {};
}

} // namespace

Utf8Char decodeUtf8(std::string_view bytes, std::size_t pos)
{
    const auto lead = static_cast<unsigned char>(bytes[pos]);
    const LeadInfo info = leadInfo(lead);
    if (info.length == 0)
        return {Utf8Char::Status::Invalid, 1, 0};
    if (info.length == 1)
        return {Utf8Char::Status::Complete, 1, lead};

    // Payload bits of the lead byte: 5, 4 or 3 for 2-, 3- and 4-byte sequences.
    char32_t cp = lead & (0x7F >> info.length);
    for (int i = 1; i < info.length; ++i) {
        const std::size_t at = pos + i;
        if (at >= bytes.size())
            return {Utf8Char::Status::Truncated, static_cast<std::size_t>(i), 0};
        const auto b = static_cast<unsigned char>(bytes[at]);
        const unsigned char min = i == 1 ? info.secondMin : 0x80;
        const unsigned char max = i == 1 ? info.secondMax : 0xBF;
        if (b < min || b > max)
            return {Utf8Char::Status::Invalid, static_cast<std::size_t>(i), 0};
        cp = (cp << 6) | (b & 0x3F);
    }
    return {Utf8Char::Status::Complete, static_cast<std::size_t>(info.length), cp};
}

std::string Utf8Stream::push(std::string_view bytes)
{
    m_pending.append(bytes);
    std::string out;
    std::size_t pos = 0;
    while (pos < m_pending.size()) {
        const Utf8Char c = decodeUtf8(m_pending, pos);
        if (c.status == Utf8Char::Status::Truncated)
            break; // later bytes decide whether this becomes a character
        if (c.status == Utf8Char::Status::Complete)
            out.append(m_pending, pos, c.length);
        else
            out.append(kReplacement);
        pos += c.length;
    }
    m_pending.erase(0, pos);
    return out;
}

std::string Utf8Stream::flush()
{
    // Only a truncated prefix can be held back, and a prefix is one maximal subpart.
    std::string out = m_pending.empty() ? std::string() : std::string(kReplacement);
    m_pending.clear();
    return out;
}

} // namespace inkling
