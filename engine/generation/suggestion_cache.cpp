// A least-recently-used map from contexts to suggestions (see suggestion_cache.h).
#include "engine/generation/suggestion_cache.h"

namespace inkling {

std::string SuggestionCache::keyOf(std::string_view before, CompletionMode mode)
{
    const std::string_view tail =
        before.substr(before.size() - std::min(before.size(), kContextBytes));
    std::string key(1, char('0' + int(mode)));
    key += tail;
    return key;
}

void SuggestionCache::remember(std::string_view before, CompletionMode mode,
                               std::string_view suggestion, double confidence)
{
    if (suggestion.empty())
        return;
    std::string key = keyOf(before, mode);
    if (auto it = m_index.find(key); it != m_index.end()) {
        m_entries.erase(it->second);
        m_index.erase(it);
    }
    m_entries.push_front({key, std::string(suggestion), confidence});
    m_index.emplace(std::move(key), m_entries.begin());
    if (m_entries.size() > kEntries) {
        m_index.erase(m_entries.back().key);
        m_entries.pop_back();
    }
}

std::optional<SuggestionCache::Hit> SuggestionCache::find(std::string_view before,
                                                          CompletionMode mode) const
{
    // k bytes typed since the remembered context; k = 0 is the context itself. Only whole
    // characters: a UTF-8 continuation byte never starts what was typed.
    for (size_t k = 0; k <= std::min(kScanBackBytes, before.size()); ++k) {
        const std::string_view typed = before.substr(before.size() - k);
        if (!typed.empty() && (static_cast<unsigned char>(typed[0]) & 0xC0) == 0x80)
            continue;
        const auto it = m_index.find(keyOf(before.substr(0, before.size() - k), mode));
        if (it == m_index.end())
            continue;
        const Entry &e = *it->second;
        if (e.suggestion.size() > typed.size() && e.suggestion.compare(0, k, typed) == 0)
            return Hit{e.suggestion.substr(k), e.confidence};
    }
    return std::nullopt;
}

bool SuggestionCache::sameContext(std::string_view a, std::string_view b)
{
    return keyOf(a, CompletionMode::Sentence) == keyOf(b, CompletionMode::Sentence);
}

void SuggestionCache::clear()
{
    m_entries.clear();
    m_index.clear();
}

} // namespace inkling
