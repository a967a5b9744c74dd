// GPT-2's byte-level BPE tokenizer, bit-exact with OpenAI's encoder.py: text -> token ids
// and back. Loads the Hugging Face / OpenAI vocab.json + merges.txt pair.
#pragma once

#include <cstdint>
#include <mutex>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace inkling {

// A tokenizer file that cannot be used; what() names the file and what is wrong with it.
class TokenizerError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

class Tokenizer
{
public:
    static constexpr int kEndOfText = 50256; // "<|endoftext|>" in GPT-2's vocabulary

    // Throws TokenizerError for a missing or unreadable file, bad JSON, a token outside
    // the byte alphabet, a missing, duplicate or out-of-range id, or an unusable merge.
    static Tokenizer load(const std::string &vocabJsonPath, const std::string &mergesTxtPath);

    // Never throws on content: invalid UTF-8 bytes are tokenized as punctuation-like
    // characters, so decode(encode(x)) == x for every byte string. "<|endoftext|>" in the
    // text is ordinary text, not the special token.
    // Thread-safe: a mutex guards the word cache, so concurrent calls just take turns.
    std::vector<int> encode(std::string_view utf8) const;
    // Concatenates the tokens' bytes; the result may end inside a UTF-8 character (see
    // Utf8Stream). Throws TokenizerError for an id outside [0, vocabSize()).
    std::string decode(std::span<const int> ids) const;
    // The raw bytes of one token. Throws TokenizerError for an id out of range.
    const std::string &tokenBytes(int id) const;
    int vocabSize() const { return static_cast<int>(m_tokens.size()); }
    // The id of "<|endoftext|>" in this vocabulary (GPT-2's: kEndOfText), or -1 when it
    // has none. A model's vocab_size may be larger (nanoGPT pads it to 50304): the ids
    // past vocabSize() have no token and are never generated.
    int endOfText() const { return m_endOfText; }
    // The token a prompt starts with when it is empty: end of text, else token 0.
    int documentStart() const { return m_endOfText >= 0 ? m_endOfText : 0; }

private:
    int m_endOfText = -1;
    struct Merge
    {
        int rank;   // line order in merges.txt: lower merges first
        int merged; // id of the token the pair merges into
    };

    // Encoded pre-tokens ("words"), so common words skip BPE. Copies and moves of the
    // tokenizer start with an empty cache: it only ever holds derived data.
    class WordCache
    {
    public:
        WordCache() = default;
        WordCache(const WordCache &) {}
        WordCache &operator=(const WordCache &) { return *this; }

        std::mutex mutex;
        std::unordered_map<std::string, std::vector<int>> words;
    };

    Tokenizer() = default;
    static std::uint64_t pairKey(int left, int right);
    void readMerges(const std::string &mergesTxtPath,
                    const std::unordered_map<std::string, int> &idOfBytes);
    void encodeWord(std::string_view word, std::vector<int> &out) const;
    std::vector<int> bytePairMerge(std::string_view word) const;

    std::vector<std::string> m_tokens;                 // id -> raw bytes
    int m_byteToken[256] = {};                         // byte -> id of its single-byte token
    std::unordered_map<std::uint64_t, Merge> m_merges; // pairKey(left, right) -> merge
    mutable WordCache m_cache;
};

} // namespace inkling
