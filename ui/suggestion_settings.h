// What the user can tune about suggestions, with the defaults, persisted in QSettings.
#pragma once

#include "engine/sampler.h"
#include "engine/stop_rule.h"

#include <QKeySequence>
#include <QString>

class QSettings;

namespace inkling {

struct KeyBindings
{
    QKeySequence acceptAll{Qt::Key_Tab};
    QKeySequence acceptWord{Qt::CTRL | Qt::Key_Right};
    QKeySequence acceptLine{Qt::ALT | Qt::Key_Right};
    QKeySequence dismiss{Qt::Key_Escape};
    QKeySequence nextAlternative{Qt::ALT | Qt::Key_BracketRight};
    QKeySequence previousAlternative{Qt::ALT | Qt::Key_BracketLeft};
    QKeySequence requestNow{Qt::CTRL | Qt::Key_Space};
};

struct SuggestionSettings
{
    bool autoSuggest = true;
    int debounceMs = 200;  // idle time after typing before a suggestion is requested
    int timeBudgetMs = 4000;
    int maxTokensWord = 8;
    int maxTokensSentence = 40;
    int maxTokensParagraph = 120;
    int maxTokensCode = 80;
    SamplingParams sampling;
    int threads = 0;        // 0: one per physical core
    QString modelDirectory; // empty: the embedded model
    KeyBindings keys;

    int maxTokens(CompletionMode mode) const;

    static SuggestionSettings load(QSettings &settings);
    void save(QSettings &settings) const;
};

} // namespace inkling
