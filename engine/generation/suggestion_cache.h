// Suggestions remembered by the text before the cursor: coming back to a context
// (Backspace, undo) or typing what an earlier suggestion said shows that suggestion again
// without a model call, and the suggestion that would follow an accepted one can be
// computed ahead and found here the moment it is accepted (llama.vim's cache and
// speculative next suggestion).
//
// Bounded: kEntries suggestions, least recently used out first; a context is the last
// kContextBytes of the text before the cursor (and the mode).
#pragma once

#include "engine/generation/stop_rule.h"

#include <cstddef>
#include <list>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace inkling {

class SuggestionCache
{
public:
    static constexpr size_t kEntries = 256;
    static constexpr size_t kContextBytes = 256;
    // How much typing into a remembered suggestion still finds it.
    static constexpr size_t kScanBackBytes = 128;
    // Callers hand find() at least this much of the text before the cursor (or all of it).
    static constexpr size_t kLookupBytes = kContextBytes + kScanBackBytes;

    struct Hit
    {
        std::string text; // what is still ahead of the cursor
        double confidence = 1;
    };

    void remember(std::string_view before, CompletionMode mode, std::string_view suggestion,
                  double confidence);
    // The suggestion for the context `before`, or for an earlier context from which the
    // writer has since typed exactly what its suggestion said (the rest of it; never an
    // empty rest).
    std::optional<Hit> find(std::string_view before, CompletionMode mode) const;
    void clear();
    // Whether two texts before the cursor are the same context here.
    static bool sameContext(std::string_view a, std::string_view b);
    size_t size() const { return m_entries.size(); }

private:
    struct Entry
    {
        std::string key;
        std::string suggestion;
        double confidence;
    };
    static std::string keyOf(std::string_view before, CompletionMode mode);

    std::list<Entry> m_entries; // most recent first
    std::unordered_map<std::string, std::list<Entry>::iterator> m_index;
};

} // namespace inkling
