// vocab.json + merges.txt from strangers. The input is the vocab, "\n---\n", then the
// merges. Loading gives a tokenizer or a TokenizerError; a loaded one round-trips any
// bytes through encode and decode, and all its ids are in range.
#include "engine/text/tokenizer.h"
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static fuzz::MemoryFile vocabFile("vocab.json");
    static fuzz::MemoryFile mergesFile("merges.txt");
    const std::string_view input = fuzz::bytes(data, size);
    const std::size_t split = input.find("\n---\n");
    const std::string_view vocab = input.substr(0, split);
    const std::string_view merges =
        split == std::string_view::npos ? std::string_view() : input.substr(split + 5);
    const std::string vocabPath = vocabFile.write(vocab);
    const std::string mergesPath = mergesFile.write(merges);
    try {
        const inkling::Tokenizer t = inkling::Tokenizer::load(vocabPath, mergesPath);
        FUZZ_CHECK(t.vocabSize() >= 256);
        // Text the merges were written for, and the raw input itself.
        for (const std::string_view text :
             {std::string_view("Hello world, it's 2026!\n\tok"), merges, input}) {
            const std::vector<int> ids = t.encode(text);
            for (const int id : ids)
                FUZZ_CHECK(id >= 0 && id < t.vocabSize());
            FUZZ_CHECK(t.decode(ids) == text);
        }
    } catch (const inkling::TokenizerError &) {
    }
    return 0;
}
