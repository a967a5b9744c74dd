// The typing-latency benchmark: the real CompletionService fed a text one keystroke at
// a time, as the editor feeds it while someone types with suggestions on.
#pragma once

#include "engine/generation/suggestion_policy.h"
#include "service/completion_service.h"

#include <QString>

#include <vector>

namespace inkling::bench {

struct TypingFigures
{
    int keystrokes = 0;
    int requests = 0;               // keystrokes that needed a new suggestion
    std::vector<double> firstMs;    // request → first suggestion character, per request
    std::vector<double> completeMs; // request → suggestion complete
    double reusedFraction = 0;      // prompt tokens whose cached keys/values were kept
};

// Replays `text` through `service` (a model must be loaded) as SuggestionController
// does once its debounce expires: after a keystroke that does not continue the
// suggestion shown, it asks for one where the policy's trigger rule allows, with the
// policy's request for `mode`; a suggestion below the policy's confidence is not shown.
// With the policy's documentCache, every request carries the document written so far but
// the line being typed, as the controller sends it (DocumentCache).
TypingFigures replayTyping(CompletionService &service, const QString &text,
                           const SuggestionPolicy &policy, CompletionMode mode);

// The q-quantile (0..1) of values, by the nearest-rank method; 0 for none.
double quantile(std::vector<double> values, double q);

} // namespace inkling::bench
