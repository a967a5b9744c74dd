// SpellingSettings under "spelling/" in QSettings.
#include "ui/spelling/spelling_settings.h"

#include <QSettings>

namespace inkling {

namespace {
const QString kEnabledKey = QStringLiteral("spelling/enabled");
const QString kLanguageKey = QStringLiteral("spelling/language");
} // namespace

SpellingSettings SpellingSettings::load(QSettings &settings)
{
    SpellingSettings s;
    s.enabled = settings.value(kEnabledKey, s.enabled).toBool();
    s.language = settings.value(kLanguageKey, s.language).toString();
    return s;
}

void SpellingSettings::save(QSettings &settings) const
{
    settings.setValue(kEnabledKey, enabled);
    settings.setValue(kLanguageKey, language);
}

} // namespace inkling
