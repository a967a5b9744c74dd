// Recursive-descent JSON parser (RFC 8259), strict: no trailing commas, no comments,
// valid UTF-8 only, surrogate pairs combined, depth bounded.
#include "engine/model/json.h"

#include <charconv>
#include <cmath>
#include <cstdlib>

namespace inkling {

namespace {
constexpr int kMaxDepth = 128;
}

class JsonParser
{
public:
    JsonParser(std::string_view text, std::size_t maxValues)
        : m_text(text)
        , m_valuesLeft(maxValues)
    {}

    JsonValue parseDocument()
    {
        JsonValue v = parseValue(0);
        skipSpace();
        if (m_pos != m_text.size())
            fail("trailing characters after the JSON value");
        return v;
    }

private:
    [[noreturn]] void fail(const std::string &what) const
    {
        throw JsonError("JSON error at byte " + std::to_string(m_pos) + ": " + what);
    }

    void skipSpace()
    {
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                break;
            ++m_pos;
        }
    }

    bool consume(std::string_view word)
    {
        if (m_text.substr(m_pos, word.size()) != word)
            return false;
        m_pos += word.size();
        return true;
    }

    JsonValue parseValue(int depth)
    {
        if (m_valuesLeft == 0)
            fail("too many values");
        --m_valuesLeft;
        if (depth > kMaxDepth)
            fail("nesting too deep");
        skipSpace();
        if (m_pos >= m_text.size())
            fail("unexpected end of input");
        JsonValue v;
        const char c = m_text[m_pos];
        if (c == '{') {
            v.m_type = JsonValue::Type::Object;
            parseObject(v, depth);
        } else if (c == '[') {
            v.m_type = JsonValue::Type::Array;
            parseArray(v, depth);
        } else if (c == '"') {
            v.m_type = JsonValue::Type::String;
            v.m_string = parseString();
        } else if (consume("true")) {
            v.m_type = JsonValue::Type::Bool;
            v.m_bool = true;
        } else if (consume("false")) {
            v.m_type = JsonValue::Type::Bool;
        } else if (consume("null")) {
            v.m_type = JsonValue::Type::Null;
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            v.m_type = JsonValue::Type::Number;
            v.m_number = parseNumber();
        } else {
            fail(std::string("unexpected character '") + c + "'");
        }
        return v;
    }

    void parseObject(JsonValue &v, int depth)
    {
        ++m_pos; // {
        skipSpace();
        if (m_pos < m_text.size() && m_text[m_pos] == '}') {
            ++m_pos;
            return;
        }
        for (;;) {
            skipSpace();
            if (m_pos >= m_text.size() || m_text[m_pos] != '"')
                fail("expected a string key");
            std::string key = parseString();
            skipSpace();
            if (m_pos >= m_text.size() || m_text[m_pos] != ':')
                fail("expected ':'");
            ++m_pos;
            v.m_members.emplace_back(std::move(key), parseValue(depth + 1));
            skipSpace();
            if (m_pos >= m_text.size())
                fail("unterminated object");
            if (m_text[m_pos] == ',') {
                ++m_pos;
                continue;
            }
            if (m_text[m_pos] == '}') {
                ++m_pos;
                break;
            }
            fail("expected ',' or '}'");
        }
    }

    void parseArray(JsonValue &v, int depth)
    {
        ++m_pos; // [
        skipSpace();
        if (m_pos < m_text.size() && m_text[m_pos] == ']') {
            ++m_pos;
            return;
        }
        for (;;) {
            v.m_array.push_back(parseValue(depth + 1));
            skipSpace();
            if (m_pos >= m_text.size())
                fail("unterminated array");
            if (m_text[m_pos] == ',') {
                ++m_pos;
                continue;
            }
            if (m_text[m_pos] == ']') {
                ++m_pos;
                break;
            }
            fail("expected ',' or ']'");
        }
    }

    double parseNumber()
    {
        const size_t start = m_pos;
        auto digits = [&] {
            const size_t from = m_pos;
            while (m_pos < m_text.size() && m_text[m_pos] >= '0' && m_text[m_pos] <= '9')
                ++m_pos;
            return m_pos - from;
        };
        if (m_text[m_pos] == '-')
            ++m_pos;
        if (m_pos < m_text.size() && m_text[m_pos] == '0')
            ++m_pos;
        else if (digits() == 0)
            fail("malformed number");
        if (m_pos < m_text.size() && m_text[m_pos] == '.') {
            ++m_pos;
            if (digits() == 0)
                fail("malformed number");
        }
        if (m_pos < m_text.size() && (m_text[m_pos] == 'e' || m_text[m_pos] == 'E')) {
            ++m_pos;
            if (m_pos < m_text.size() && (m_text[m_pos] == '+' || m_text[m_pos] == '-'))
                ++m_pos;
            if (digits() == 0)
                fail("malformed number");
        }
        // from_chars, not strtod: strtod follows LC_NUMERIC, and under a comma-decimal
        // locale (the GUI sets it from the environment) "1.0e-05" would read as 1.
        double value = 0;
        const std::from_chars_result r =
            std::from_chars(m_text.data() + start, m_text.data() + m_pos, value);
        if (r.ec == std::errc::result_out_of_range)
            fail("number out of range");
        if (r.ec != std::errc() || r.ptr != m_text.data() + m_pos)
            fail("malformed number");
        return value;
    }

    unsigned hex4()
    {
        if (m_pos + 4 > m_text.size())
            fail("truncated \\u escape");
        unsigned value = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = m_text[m_pos++];
            value <<= 4;
            if (c >= '0' && c <= '9')
                value |= unsigned(c - '0');
            else if (c >= 'a' && c <= 'f')
                value |= unsigned(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                value |= unsigned(c - 'A' + 10);
            else
                fail("bad hex digit in \\u escape");
        }
        return value;
    }

    static void appendUtf8(std::string &out, char32_t cp)
    {
        if (cp < 0x80) {
            out += char(cp);
        } else if (cp < 0x800) {
            out += char(0xC0 | (cp >> 6));
            out += char(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += char(0xE0 | (cp >> 12));
            out += char(0x80 | ((cp >> 6) & 0x3F));
            out += char(0x80 | (cp & 0x3F));
        } else {
            out += char(0xF0 | (cp >> 18));
            out += char(0x80 | ((cp >> 12) & 0x3F));
            out += char(0x80 | ((cp >> 6) & 0x3F));
            out += char(0x80 | (cp & 0x3F));
        }
    }

    // Copies one raw UTF-8 character, rejecting malformed sequences.
    void copyUtf8Char(std::string &out)
    {
        const auto lead = static_cast<unsigned char>(m_text[m_pos]);
        int extra = 0;
        char32_t min = 0;
        if (lead >= 0xC2 && lead <= 0xDF) {
            extra = 1;
            min = 0x80;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            extra = 2;
            min = 0x800;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            extra = 3;
            min = 0x10000;
        } else {
            fail("invalid UTF-8 in string");
        }
        if (m_pos + extra >= m_text.size())
            fail("truncated UTF-8 in string");
        char32_t cp = lead & (0x3F >> extra);
        for (int i = 1; i <= extra; ++i) {
            const auto c = static_cast<unsigned char>(m_text[m_pos + i]);
            if ((c & 0xC0) != 0x80)
                fail("invalid UTF-8 in string");
            cp = (cp << 6) | (c & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            fail("invalid UTF-8 in string");
        out.append(m_text.substr(m_pos, extra + 1));
        m_pos += extra + 1;
    }

    std::string parseString()
    {
        ++m_pos; // "
        std::string out;
        for (;;) {
            if (m_pos >= m_text.size())
                fail("unterminated string");
            const auto c = static_cast<unsigned char>(m_text[m_pos]);
            if (c == '"') {
                ++m_pos;
                return out;
            }
            if (c < 0x20)
                fail("control character in string");
            if (c >= 0x80) {
                copyUtf8Char(out);
                continue;
            }
            ++m_pos;
            if (c != '\\') {
                out += char(c);
                continue;
            }
            if (m_pos >= m_text.size())
                fail("unterminated escape");
            const char e = m_text[m_pos++];
            switch (e) {
            case '"':
                out += '"';
                break;
            case '\\':
                out += '\\';
                break;
            case '/':
                out += '/';
                break;
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'n':
                out += '\n';
                break;
            case 'r':
                out += '\r';
                break;
            case 't':
                out += '\t';
                break;
            case 'u': {
                char32_t cp = hex4();
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    if (!consume("\\u"))
                        fail("unpaired surrogate");
                    const unsigned low = hex4();
                    if (low < 0xDC00 || low > 0xDFFF)
                        fail("unpaired surrogate");
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                    fail("unpaired surrogate");
                }
                appendUtf8(out, cp);
                break;
            }
            default:
                fail("unknown escape");
            }
        }
    }

    std::string_view m_text;
    size_t m_pos = 0;
    std::size_t m_valuesLeft;
};

bool JsonValue::isInteger() const
{
    return m_type == Type::Number && std::isfinite(m_number) && std::floor(m_number) == m_number &&
           std::fabs(m_number) <= 9007199254740992.0;
}

const JsonValue *JsonValue::find(std::string_view key) const
{
    for (const auto &[k, v] : m_members) {
        if (k == key)
            return &v;
    }
    return nullptr;
}

JsonValue JsonValue::parse(std::string_view text, std::size_t maxValues)
{
    return JsonParser(text, maxValues).parseDocument();
}

} // namespace inkling
