// GPT-2 byte-level BPE: OpenAI's pre-tokenising regex as a hand-written matcher, the
// byte <-> printable-character alphabet of vocab.json / merges.txt, and rank-ordered merges.
#include "engine/text/tokenizer.h"

#include "engine/model/json.h"
#include "engine/model/small_file.h"
#include "engine/text/unicode_class.h"
#include "engine/text/utf8_stream.h"

#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <functional>
#include <queue>
#include <sstream>

namespace inkling {
namespace {

// The cache only pays off for words that recur; very long "words" (a pasted base64 blob)
// would just pin memory. At capacity the cache is dropped wholesale, which is simpler than
// LRU and costs one refill per ~64k distinct words.
constexpr std::size_t kCacheCapacity = 1 << 16;
constexpr std::size_t kMaxCachedWordBytes = 64;

// ---- byte <-> character alphabet --------------------------------------------------------

// OpenAI's bytes_to_unicode(): printable Latin-1 bytes stand for themselves, the other 68
// bytes (controls, space, 0x7F-0xA0, 0xAD) are given code points 256, 257, ... in byte
// order, so every token is a printable, space-free string in the files.
struct ByteAlphabet
{
    std::array<char32_t, 256> byteToChar{};
    std::array<int, 324> charToByte{}; // -1 where the character stands for no byte

    ByteAlphabet()
    {
        charToByte.fill(-1);
        char32_t next = 256;
        for (int b = 0; b < 256; ++b) {
            const bool printable =
                (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            byteToChar[b] = printable ? char32_t(b) : next++;
            charToByte[byteToChar[b]] = b;
        }
    }
};

const ByteAlphabet &byteAlphabet()
{
    static const ByteAlphabet alphabet;
    return alphabet;
}

// ---- loading ----------------------------------------------------------------------------

[[noreturn]] void fail(const std::string &path, const std::string &what)
{
    throw TokenizerError(path + ": " + what);
}

std::string readFile(const std::string &path)
{
    try {
        return readSmallFile(path, kMaxTokenizerFileBytes);
    } catch (const SmallFileError &e) {
        fail(path, e.what());
    }
}

// A token as written in the files (UTF-8 of alphabet characters) -> its raw bytes.
// Returns false when a character is not in the alphabet.
bool tokenTextToBytes(std::string_view text, std::string &bytes)
{
    const ByteAlphabet &alphabet = byteAlphabet();
    bytes.clear();
    for (std::size_t pos = 0; pos < text.size();) {
        const Utf8Char c = decodeUtf8(text, pos);
        if (c.status != Utf8Char::Status::Complete || c.codePoint >= alphabet.charToByte.size() ||
            alphabet.charToByte[c.codePoint] < 0)
            return false;
        bytes.push_back(static_cast<char>(alphabet.charToByte[c.codePoint]));
        pos += c.length;
    }
    return !bytes.empty();
}

// Parses vocab.json ({"token": id, ...}) into id -> bytes; ids must be exactly 0..n-1.
std::vector<std::string> parseVocab(const std::string &path, std::string_view json)
{
    JsonValue root;
    try {
        root = JsonValue::parse(json);
    } catch (const JsonError &e) {
        fail(path, e.what());
    }
    if (!root.isObject() || root.members().empty())
        fail(path, "expected a non-empty JSON object mapping tokens to ids");

    const auto &members = root.members();
    std::vector<std::string> tokens(members.size());
    std::vector<bool> seen(members.size(), false);
    std::string bytes;
    for (const auto &[text, value] : members) {
        const std::string where = "token \"" + text + "\"";
        if (!value.isInteger())
            fail(path, where + ": id is not an integer");
        const double id = value.toNumber();
        if (id < 0 || id >= double(members.size()))
            fail(path, where + ": id " + std::to_string(std::int64_t(id)) + " out of range [0, " +
                           std::to_string(members.size()) + ")");
        if (seen[std::size_t(id)])
            fail(path, where + ": duplicate id " + std::to_string(std::int64_t(id)));
        if (!tokenTextToBytes(text, bytes))
            fail(path, where + ": not a string of GPT-2 byte characters");
        seen[std::size_t(id)] = true;
        tokens[std::size_t(id)] = bytes;
    }
    return tokens;
}

} // namespace

std::uint64_t Tokenizer::pairKey(int left, int right)
{
    return (std::uint64_t(std::uint32_t(left)) << 32) | std::uint32_t(right);
}

Tokenizer Tokenizer::load(const std::string &vocabJsonPath, const std::string &mergesTxtPath)
{
    Tokenizer t;
    t.m_tokens = parseVocab(vocabJsonPath, readFile(vocabJsonPath));

    std::unordered_map<std::string, int> idOfBytes;
    idOfBytes.reserve(t.m_tokens.size());
    for (std::size_t id = 0; id < t.m_tokens.size(); ++id) {
        if (t.m_tokens[id] == "<|endoftext|>")
            t.m_endOfText = int(id);
        if (!idOfBytes.emplace(t.m_tokens[id], int(id)).second)
            fail(vocabJsonPath, "two tokens decode to the same bytes (ids " +
                                    std::to_string(idOfBytes[t.m_tokens[id]]) + " and " +
                                    std::to_string(id) + ")");
    }
    for (int b = 0; b < 256; ++b) {
        const auto it = idOfBytes.find(std::string(1, char(b)));
        if (it == idOfBytes.end())
            fail(vocabJsonPath, "no token for byte " + std::to_string(b) +
                                    " (a byte-level vocabulary needs all 256)");
        t.m_byteToken[b] = it->second;
    }

    t.readMerges(mergesTxtPath, idOfBytes);
    return t;
}

// merges.txt: an optional "#version" line, then one "left right" pair per line, highest
// priority first.
void Tokenizer::readMerges(const std::string &mergesTxtPath,
                           const std::unordered_map<std::string, int> &idOfBytes)
{
    const std::string merges = readFile(mergesTxtPath);
    std::istringstream lines(merges);
    std::string line, left, right;
    int lineNumber = 0;
    while (std::getline(lines, line)) {
        ++lineNumber;
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.empty() || (lineNumber == 1 && line.starts_with("#version")))
            continue;
        const std::string where = "line " + std::to_string(lineNumber) + " \"" + line + "\"";
        const std::size_t space = line.find(' ');
        if (space == std::string::npos || line.find(' ', space + 1) != std::string::npos)
            fail(mergesTxtPath, where + ": expected two tokens separated by one space");
        if (!tokenTextToBytes(std::string_view(line).substr(0, space), left) ||
            !tokenTextToBytes(std::string_view(line).substr(space + 1), right))
            fail(mergesTxtPath, where + ": not GPT-2 byte characters");
        const auto l = idOfBytes.find(left), r = idOfBytes.find(right),
                   m = idOfBytes.find(left + right);
        if (l == idOfBytes.end() || r == idOfBytes.end())
            fail(mergesTxtPath, where + ": a token of the pair is not in the vocabulary");
        if (m == idOfBytes.end())
            fail(mergesTxtPath, where + ": the merge result is not in the vocabulary");
        const Merge merge{int(m_merges.size()), m->second};
        if (!m_merges.emplace(pairKey(l->second, r->second), merge).second)
            fail(mergesTxtPath, where + ": duplicate merge");
    }
}

// ---- pre-tokenising ---------------------------------------------------------------------

namespace {

enum class CharClass : std::uint8_t { Letter, Number, Space, Other };

struct Char
{
    std::size_t offset; // byte offset in the text
    char32_t cp;        // kNoCodePoint for an invalid byte
    CharClass cls;
};

constexpr char32_t kNoCodePoint = 0x110000;

CharClass classify(char32_t cp)
{
    if (cp < 0x80) { // fast path: most text is mostly ASCII
        if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')
            return CharClass::Letter;
        if (cp >= '0' && cp <= '9')
            return CharClass::Number;
        if (cp == ' ' || (cp >= '\t' && cp <= '\r'))
            return CharClass::Space;
        return CharClass::Other;
    }
    if (isLetter(cp))
        return CharClass::Letter;
    if (isNumber(cp))
        return CharClass::Number;
    if (isSpace(cp))
        return CharClass::Space;
    return CharClass::Other;
}

// The text as classified characters plus an end sentinel at text.size(). Each invalid
// UTF-8 byte is a character of its own, class Other, so every byte lands in some token.
std::vector<Char> splitChars(std::string_view text)
{
    std::vector<Char> chars;
    chars.reserve(text.size() + 1);
    for (std::size_t pos = 0; pos < text.size();) {
        const Utf8Char c = decodeUtf8(text, pos);
        if (c.status == Utf8Char::Status::Complete) {
            chars.push_back({pos, c.codePoint, classify(c.codePoint)});
            pos += c.length;
        } else {
            chars.push_back({pos, kNoCodePoint, CharClass::Other});
            pos += 1;
        }
    }
    chars.push_back({text.size(), kNoCodePoint, CharClass::Other});
    return chars;
}

// Contractions: 's|'t|'re|'ve|'m|'ll|'d, lowercase ASCII only (so "'S" is not one).
std::size_t matchContraction(const std::vector<Char> &c, std::size_t i, std::size_t n)
{
    if (c[i].cp != '\'' || i + 1 >= n)
        return 0;
    const char32_t a = c[i + 1].cp;
    if (a == 's' || a == 't' || a == 'm' || a == 'd')
        return 2;
    const char32_t b = i + 2 < n ? c[i + 2].cp : kNoCodePoint;
    if ((a == 'r' && b == 'e') || (a == 'v' && b == 'e') || (a == 'l' && b == 'l'))
        return 3;
    return 0;
}

// Returns the end (character index) of the pre-token starting at character i < n, following
//   's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+
// with the leftmost alternative that matches winning, as in the backtracking regex.
std::size_t matchPreToken(const std::vector<Char> &c, std::size_t i, std::size_t n)
{
    if (const std::size_t len = matchContraction(c, i, n))
        return i + len;

    // " ?\p{L}+", " ?\p{N}+", " ?[^\s\p{L}\p{N}]+": an optional U+0020, then a run of one
    // non-space class. A space that is not followed by such a run falls through to \s.
    std::size_t start = i;
    if (c[i].cp == ' ' && i + 1 < n && c[i + 1].cls != CharClass::Space)
        start = i + 1;
    if (c[start].cls != CharClass::Space) {
        std::size_t end = start + 1;
        while (end < n && c[end].cls == c[start].cls)
            ++end;
        return end;
    }

    // "\s+(?!\S)": the whitespace run, minus its last character when a non-space follows
    // (which that character then prefixes) -- unless the run is one character long, and
    // "\s+" takes that one alone.
    std::size_t end = i + 1;
    while (end < n && c[end].cls == CharClass::Space)
        ++end;
    return end < n && end - i >= 2 ? end - 1 : end;
}

} // namespace

std::vector<int> Tokenizer::encode(std::string_view utf8) const
{
    std::vector<int> ids;
    const std::vector<Char> chars = splitChars(utf8);
    const std::size_t n = chars.size() - 1; // without the sentinel
    const std::lock_guard lock(m_cache.mutex);
    for (std::size_t i = 0; i < n;) {
        const std::size_t end = matchPreToken(chars, i, n);
        encodeWord(utf8.substr(chars[i].offset, chars[end].offset - chars[i].offset), ids);
        i = end;
    }
    return ids;
}

// ---- byte-pair merging ------------------------------------------------------------------

void Tokenizer::encodeWord(std::string_view word, std::vector<int> &out) const
{
    if (word.size() == 1) {
        out.push_back(m_byteToken[static_cast<unsigned char>(word[0])]);
        return;
    }
    auto &cache = m_cache.words;
    if (word.size() <= kMaxCachedWordBytes) {
        if (const auto it = cache.find(std::string(word)); it != cache.end()) {
            out.insert(out.end(), it->second.begin(), it->second.end());
            return;
        }
    }
    std::vector<int> ids = bytePairMerge(word);
    out.insert(out.end(), ids.begin(), ids.end());
    if (word.size() <= kMaxCachedWordBytes) {
        if (cache.size() >= kCacheCapacity)
            cache.clear();
        cache.emplace(std::string(word), std::move(ids));
    }
}

// OpenAI's bpe(): repeatedly take the lowest-ranked adjacent pair and merge *every*
// occurrence of it, left to right without overlap, before looking at ranks again. (Merging
// one occurrence at a time can differ: the first merge may create a pair that outranks the
// remaining occurrences.) A heap of candidate pairs keeps long words O(n log n) instead of
// the reference's O(n^2); entries made stale by earlier merges are skipped when popped.
std::vector<int> Tokenizer::bytePairMerge(std::string_view word) const
{
    const int n = static_cast<int>(word.size());
    std::vector<int> ids(n), next(n), prev(n);
    for (int i = 0; i < n; ++i) {
        ids[i] = m_byteToken[static_cast<unsigned char>(word[i])];
        next[i] = i + 1 < n ? i + 1 : -1;
        prev[i] = i - 1;
    }

    struct Candidate
    {
        int rank;
        int pos; // node of the left token; nodes keep their original order
        int left, right, merged;
        bool operator>(const Candidate &o) const
        {
            return rank != o.rank ? rank > o.rank : pos > o.pos;
        }
    };
    std::priority_queue<Candidate, std::vector<Candidate>, std::greater<>> heap;
    const auto consider = [&](int pos) {
        if (pos < 0 || next[pos] < 0)
            return;
        const auto it = m_merges.find(pairKey(ids[pos], ids[next[pos]]));
        if (it != m_merges.end())
            heap.push({it->second.rank, pos, ids[pos], ids[next[pos]], it->second.merged});
    };
    for (int i = 0; i + 1 < n; ++i)
        consider(i);

    std::vector<bool> alive(n, true);
    std::vector<Candidate> batch;
    while (!heap.empty()) {
        // Every occurrence of the best pair, in text order; new pairs never share its rank
        // because a merged token is longer than either of its parts.
        batch.clear();
        const int rank = heap.top().rank;
        while (!heap.empty() && heap.top().rank == rank) {
            batch.push_back(heap.top());
            heap.pop();
        }
        for (const Candidate &m : batch) {
            const int right = next[m.pos];
            if (!alive[m.pos] || right < 0 || ids[m.pos] != m.left || ids[right] != m.right)
                continue; // overlapped by a merge to its left in this batch, or stale
            ids[m.pos] = m.merged;
            alive[right] = false;
            next[m.pos] = next[right];
            if (next[right] >= 0)
                prev[next[right]] = m.pos;
            consider(prev[m.pos]);
            consider(m.pos);
        }
    }

    std::vector<int> result;
    for (int i = 0; i >= 0; i = next[i])
        result.push_back(ids[i]);
    return result;
}

// ---- decoding ---------------------------------------------------------------------------

const std::string &Tokenizer::tokenBytes(int id) const
{
    if (id < 0 || id >= vocabSize())
        throw TokenizerError("token id " + std::to_string(id) + " out of range [0, " +
                             std::to_string(vocabSize()) + ")");
    return m_tokens[std::size_t(id)];
}

std::string Tokenizer::decode(std::span<const int> ids) const
{
    std::string text;
    for (const int id : ids)
        text += tokenBytes(id);
    return text;
}

} // namespace inkling
