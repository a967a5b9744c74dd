// GPT-2's tokenizer (the embedded model's vocabulary) on arbitrary bytes: encode never
// throws, every id is in the vocabulary, and decode(encode(x)) == x for every byte
// string, valid UTF-8 or not. A second encode (through the word cache) agrees.
#include "engine/text/tokenizer.h"
#include "fuzz_util.h"

#include <memory>

namespace {
std::unique_ptr<inkling::Tokenizer> tokenizer;
}

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    const std::string dir = INKLING_SOURCE_MODEL_DIR;
    tokenizer = std::make_unique<inkling::Tokenizer>(
        inkling::Tokenizer::load(dir + "/vocab.json", dir + "/merges.txt"));
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text = fuzz::bytes(data, size);
    const std::vector<int> ids = tokenizer->encode(text);
    for (const int id : ids)
        FUZZ_CHECK(id >= 0 && id < tokenizer->vocabSize());
    FUZZ_CHECK(tokenizer->decode(ids) == text);
    FUZZ_CHECK(ids.size() <= text.size());
    FUZZ_CHECK(tokenizer->encode(text) == ids);
    return 0;
}
