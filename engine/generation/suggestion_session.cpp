// The suggestion's state machine (see suggestion_session.h).
#include "engine/generation/suggestion_session.h"

namespace inkling {

std::string_view SuggestionSession::text() const
{
    if (m_state == State::Idle || size_t(m_alternative) >= m_alternatives.size() || repeatsAfter())
        return {};
    return std::string_view(m_alternatives[size_t(m_alternative)]).substr(m_consumed);
}

bool SuggestionSession::repeatsAfter() const
{
    return !m_asked && m_consumed == 0 && size_t(m_alternative) < m_alternatives.size() &&
           repeatsTextAfter(m_alternatives[size_t(m_alternative)], m_after);
}

GenerationRequest SuggestionSession::start(long position, int alternative, bool asked,
                                           std::uint64_t id, CompletionMode mode,
                                           std::string_view after)
{
    if (alternative == 0) {
        // A suggestion is at most a paragraph: more of the text after cannot matter.
        m_after = after.substr(0, 512);
        m_alternatives.clear();
        m_anchor = position;
        m_consumedUnits = 0;
        m_consumed = 0;
    }
    if (m_alternatives.size() <= size_t(alternative))
        m_alternatives.resize(size_t(alternative) + 1);
    m_alternatives[size_t(alternative)].clear();
    m_alternative = alternative;
    m_requestId = id;
    m_asked = asked || alternative > 0;
    m_confidence = 1.0;
    m_state = State::Streaming;
    GenerationRequest r = m_policy.request(std::string(), mode, alternative);
    r.minConfidence = m_asked ? 0.0 : m_policy.minConfidence; // the engine withholds too
    return r;
}

void SuggestionSession::showKnown(long position, std::string text, double confidence)
{
    clear();
    if (text.empty())
        return;
    m_anchor = position;
    m_alternatives = {std::move(text)};
    m_confidence = confidence;
    m_state = State::Shown;
}

bool SuggestionSession::confidence(std::uint64_t id, double firstWordConfidence)
{
    if (!wants(id))
        return false;
    m_confidence = firstWordConfidence;
    // Prefer silence to a wrong suggestion, unless the writer asked for one. This comes
    // before any text of the request, so nothing unlikely ever shows.
    if (!m_asked && !m_policy.isConfident(firstWordConfidence)) {
        clear();
        return false;
    }
    return true;
}

bool SuggestionSession::append(std::uint64_t id, std::string_view text)
{
    if (!wants(id))
        return false; // stale: a newer request or an edit superseded it
    m_alternatives[size_t(m_alternative)] += text;
    return true;
}

bool SuggestionSession::finish(std::uint64_t id)
{
    if (!wants(id))
        return false;
    m_state = State::Shown;
    m_requestId = 0;
    // Nothing suggested for a new suggestion (or only what follows anyway): there is
    // none. (An empty alternative stays, so that the keys can cycle on past it.)
    if (text().empty() && m_alternative == 0 && m_consumed == 0)
        clear();
    return true;
}

bool SuggestionSession::typed(long position, std::string_view typed, long units)
{
    const std::string_view rest = text();
    if (m_state == State::Idle || typed.empty() || position != this->position() ||
        rest.substr(0, typed.size()) != typed) {
        clear();
        return false;
    }
    // Typed (or accepted) exactly the next characters: the rest stays, no new request.
    m_consumed += typed.size();
    m_consumedUnits += units;
    // Only the alternative being typed through stays meaningful.
    m_alternatives = {std::move(m_alternatives[size_t(m_alternative)])};
    m_alternative = 0;
    if (text().empty() && !isStreaming())
        clear(); // used up
    return true;
}

SuggestionSession::Step SuggestionSession::nextAlternative()
{
    Step step;
    if (m_state == State::Idle || m_consumed > 0)
        return step;
    step.moved = true;
    const int next = (m_alternative + 1) % kMaxAlternatives;
    if (isStreaming()) {
        stopStreaming();
        step.stoppedRequest = true;
    }
    if (size_t(next) < m_alternatives.size() && !m_alternatives[size_t(next)].empty())
        m_alternative = next;
    else
        step.request = next;
    return step;
}

SuggestionSession::Step SuggestionSession::previousAlternative()
{
    if (m_state == State::Idle || m_consumed > 0)
        return {};
    // Stepping back from the first goes to the last, sampled on demand like the others.
    m_alternative = (m_alternative + kMaxAlternatives - 2) % kMaxAlternatives;
    return nextAlternative();
}

void SuggestionSession::stopStreaming()
{
    m_state = State::Shown;
    m_requestId = 0;
}

void SuggestionSession::clear()
{
    m_state = State::Idle;
    m_requestId = 0;
    m_anchor = -1;
    m_consumedUnits = 0;
    m_consumed = 0;
    m_alternatives.clear();
    m_alternative = 0;
    m_after.clear();
}

} // namespace inkling
