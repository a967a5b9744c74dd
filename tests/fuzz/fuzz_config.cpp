// config.json: any file gives a Gpt2Config inside the documented limits or a
// ModelError; an accepted config has sizes whose derived products cannot overflow.
#include "engine/model/gpt2_config.h"
#include "engine/model/model_error.h"
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static fuzz::MemoryFile file("config.json");
    const std::string &path = file.write(fuzz::bytes(data, size));
    try {
        const inkling::Gpt2Config c = inkling::Gpt2Config::fromJsonFile(path);
        FUZZ_CHECK(c.nVocab >= 1 && c.nCtx >= 1 && c.nEmbd >= 1 && c.nLayer >= 1);
        FUZZ_CHECK(c.nHead >= 1 && c.nEmbd % c.nHead == 0 && c.headDim() >= 1);
        FUZZ_CHECK(c.innerDim() >= 1);
        FUZZ_CHECK(c.parameterCount() > 0);
        FUZZ_CHECK(c.layerNormEps > 0 && c.layerNormEps < 1);
    } catch (const inkling::ModelError &) {
    }
    return 0;
}
