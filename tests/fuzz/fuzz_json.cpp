// JSON (config.json, vocab.json, safetensors headers): any bytes give a value or a
// JsonError, never a crash, unbounded recursion or a read past the input.
#include "engine/model/json.h"
#include "fuzz_util.h"

namespace {

// Touches every node, and checks what the parser promises about strings and numbers.
void walk(const inkling::JsonValue &v)
{
    using inkling::JsonValue;
    switch (v.type()) {
    case JsonValue::Type::String:
        FUZZ_CHECK(fuzz::isValidUtf8(v.toString()));
        break;
    case JsonValue::Type::Number:
        if (v.isInteger())
            FUZZ_CHECK(v.toNumber() <= 9007199254740992.0 && v.toNumber() >= -9007199254740992.0);
        break;
    case JsonValue::Type::Array:
        for (const JsonValue &e : v.array())
            walk(e);
        break;
    case JsonValue::Type::Object:
        for (const auto &[key, value] : v.members()) {
            FUZZ_CHECK(fuzz::isValidUtf8(key));
            FUZZ_CHECK(v.find(key) != nullptr);
            walk(value);
        }
        break;
    default:
        break;
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    try {
        walk(inkling::JsonValue::parse(fuzz::bytes(data, size)));
    } catch (const inkling::JsonError &) {
    }
    return 0;
}
