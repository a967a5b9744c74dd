// A small, strict JSON reader for model files (config.json, vocab.json, safetensors
// headers). Engine code stays free of Qt, and input from strangers gets a parser that
// bounds its depth and reports the byte offset of the first error.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace inkling {

class JsonError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

class JsonValue
{
public:
    enum class Type { Null, Bool, Number, String, Array, Object };

    Type type() const { return m_type; }
    bool isNull() const { return m_type == Type::Null; }
    bool isBool() const { return m_type == Type::Bool; }
    bool isNumber() const { return m_type == Type::Number; }
    bool isString() const { return m_type == Type::String; }
    bool isArray() const { return m_type == Type::Array; }
    bool isObject() const { return m_type == Type::Object; }

    bool toBool() const { return m_bool; }
    double toNumber() const { return m_number; }
    // True when the number is an integer that a double represents exactly.
    bool isInteger() const;
    const std::string &toString() const { return m_string; }
    const std::vector<JsonValue> &array() const { return m_array; }
    // Object members in document order.
    const std::vector<std::pair<std::string, JsonValue>> &members() const { return m_members; }
    // The first member named key, or null when absent.
    const JsonValue *find(std::string_view key) const;

    // Throws JsonError, also when the document has more than maxValues values: each
    // costs about 100 bytes parsed, so a file from a stranger could otherwise ask for
    // 100 times its size (a safetensors header, up to 100 MiB, is a few thousand values;
    // GPT-2's vocab.json 50,257).
    static constexpr std::size_t kMaxValues = std::size_t(1) << 20;
    static JsonValue parse(std::string_view text, std::size_t maxValues = kMaxValues);

private:
    friend class JsonParser;
    Type m_type = Type::Null;
    bool m_bool = false;
    double m_number = 0;
    std::string m_string;
    std::vector<JsonValue> m_array;
    std::vector<std::pair<std::string, JsonValue>> m_members;
};

} // namespace inkling
