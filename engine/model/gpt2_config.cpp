// config.json → Gpt2Config, with limits that reject absurd values before any allocation.
#include "engine/model/gpt2_config.h"

#include "engine/model/json.h"
#include "engine/model/model_error.h"
#include "engine/model/small_file.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace inkling {

long long Gpt2Config::parameterCount() const
{
    const long long c = nEmbd, f = innerDim();
    const long long perLayer = 2 * c               // ln_1
                               + c * 3 * c + 3 * c // c_attn
                               + c * c + c         // attn.c_proj
                               + 2 * c             // ln_2
                               + c * f + f         // c_fc
                               + f * c + c;        // mlp.c_proj
    return (long long)nVocab * c + (long long)nCtx * c + nLayer * perLayer + 2 * c;
}

namespace {

std::string readFile(const std::string &path)
{
    try {
        return readSmallFile(path, kMaxConfigBytes);
    } catch (const SmallFileError &e) {
        throw ModelError(path, {}, e.what());
    }
}

int intKey(const JsonValue &root, const char *key, int fallback, bool required,
           const std::string &path)
{
    const JsonValue *v = root.find(key);
    if (!v || v->isNull()) {
        if (required)
            throw ModelError(path, {}, std::string("missing key \"") + key + "\"");
        return fallback;
    }
    if (!v->isInteger() || v->toNumber() < 0 || v->toNumber() > 1e9)
        throw ModelError(path, {}, std::string("\"") + key + "\" is not a sensible integer");
    return int(v->toNumber());
}

void check(bool ok, const std::string &path, const std::string &what)
{
    if (!ok)
        throw ModelError(path, {}, what);
}

} // namespace

Gpt2Config Gpt2Config::fromJsonFile(const std::string &path)
{
    JsonValue root;
    try {
        root = JsonValue::parse(readFile(path));
    } catch (const JsonError &e) {
        throw ModelError(path, {}, e.what());
    }
    check(root.isObject(), path, "not a JSON object");
    if (const JsonValue *type = root.find("model_type"))
        check(type->isString() && type->toString() == "gpt2", path,
              "model_type is not \"gpt2\"; only GPT-2 models are supported");
    if (const JsonValue *act = root.find("activation_function"))
        check(act->isString() &&
                  (act->toString() == "gelu_new" || act->toString() == "gelu_pytorch_tanh"),
              path, "activation_function must be GPT-2's tanh GELU (\"gelu_new\")");

    Gpt2Config c;
    c.nVocab = intKey(root, "vocab_size", 0, true, path);
    c.nCtx = intKey(root, "n_positions", intKey(root, "n_ctx", 0, false, path), false, path);
    c.nEmbd = intKey(root, "n_embd", 0, true, path);
    c.nHead = intKey(root, "n_head", 0, true, path);
    c.nLayer = intKey(root, "n_layer", 0, true, path);
    c.nInner = intKey(root, "n_inner", 0, false, path);
    if (const JsonValue *eps = root.find("layer_norm_epsilon")) {
        check(eps->isNumber(), path, "layer_norm_epsilon is not a number");
        c.layerNormEps = float(eps->toNumber());
    }
    c.validate(path);
    return c;
}

void Gpt2Config::validate(const std::string &file) const
{
    // Bounds well above GPT-2 1.5B (n_embd 1600, 48 layers, 25 heads) that keep every
    // derived size far from overflow.
    check(nVocab >= 1 && nVocab <= (1 << 20), file, "vocab_size out of range [1, 1048576]");
    check(nCtx >= 1 && nCtx <= (1 << 16), file, "n_positions out of range [1, 65536]");
    check(nEmbd >= 1 && nEmbd <= 16384, file, "n_embd out of range [1, 16384]");
    check(nHead >= 1 && nHead <= nEmbd && nEmbd % nHead == 0, file, "n_head must divide n_embd");
    check(nLayer >= 1 && nLayer <= 256, file, "n_layer out of range [1, 256]");
    check(nInner >= 0 && nInner <= 65536, file, "n_inner out of range");
    check(layerNormEps > 0 && layerNormEps < 1, file, "layer_norm_epsilon out of range (0, 1)");
}

} // namespace inkling
