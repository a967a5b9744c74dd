// What the user chooses about spell checking (Edit › Check Spelling, Settings › Spelling),
// persisted in QSettings.
#pragma once

#include <QString>

class QSettings;

namespace inkling {

struct SpellingSettings
{
    bool enabled = true;
    // A Sonnet dictionary code such as "en_US" or "de_DE"; empty: guessed from the text.
    QString language;

    static SpellingSettings load(QSettings &settings);
    void save(QSettings &settings) const;
    bool operator==(const SpellingSettings &) const = default;
};

} // namespace inkling
