// The Tab benchmark: how long after Tab the next suggestion is on screen, with and without
// the one computed ahead (SuggestionSettings::suggestAhead). The app's own
// SuggestionController on an editor, fed by the real engine thread, as a writer who reads
// each suggestion for a moment and takes it with Tab.
#pragma once

#include "engine/generation/generator.h"
#include "engine/kernels/precision.h"

#include <QString>

#include <vector>

namespace inkling::bench {

struct TabFigures
{
    QString precision;          // as loaded
    int accepts = 0;            // Tabs pressed
    std::vector<double> nextMs; // Tab → the next suggestion's ghost in the editor, per Tab
    int without = 0;            // Tabs after which no suggestion came (below the confidence gate)
};

// Opens `opening` in an editor with the app's default suggestion settings (suggestAhead
// as given) in `mode`, asks for a suggestion, then `accepts` times: waits `readMs` (the writer
// reads), presses Tab and waits for the next suggestion's ghost text (up to the time
// budget; when none comes, asks with the request key, as the writer would, outside the
// measurement). Needs a QApplication.
TabFigures replayAccepting(const QString &modelDir, Precision precision, int threads,
                           const QString &opening, CompletionMode mode, int accepts, bool ahead,
                           int readMs);

} // namespace inkling::bench
