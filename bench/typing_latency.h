// The typing-latency benchmark: the real CompletionService fed a text one keystroke at
// a time, as the editor feeds it while someone types with suggestions on.
#pragma once

#include "engine/completion_service.h"

#include <QString>

#include <vector>

namespace inkling::bench {

struct TypingFigures
{
    int keystrokes = 0;
    int requests = 0;              // keystrokes that needed a new suggestion
    std::vector<double> firstMs;   // request → first suggestion character, per request
    std::vector<double> completeMs; // request → suggestion complete
    double reusedFraction = 0;     // prompt tokens whose cached keys/values were kept
};

// Replays `text` through `service` (a model must be loaded): after every keystroke the
// editor asks for a suggestion unless the text typed so far continues the one shown,
// exactly as SuggestionController does once its debounce expires.
TypingFigures replayTyping(CompletionService &service, const QString &text,
                           const CompletionRequest &prototype);

// The q-quantile (0..1) of values, by the nearest-rank method; 0 for none.
double quantile(std::vector<double> values, double q);

} // namespace inkling::bench
