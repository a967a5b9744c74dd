// The language of the user interface: the system's by default, or one the user picked in
// the settings (applied at the next start, when the translators are installed).
#pragma once

#include <QList>
#include <QLocale>
#include <QString>

class QCoreApplication;
class QSettings;
class QTranslator;

namespace inkling {

struct UiLanguage
{
    QString code;       // "" = system default, else a locale name such as "de" or "zh_CN"
    QString nativeName; // as the language's own speakers write it; "" for the default
};

// The choices offered in the settings: the default first, then every language Inkling
// ships a catalogue for (English needs none).
QList<UiLanguage> uiLanguages();

QString uiLanguageSettingsKey();
// The stored choice, "" when none (or an unknown one) is stored.
QString loadUiLanguage(const QSettings &settings);
void saveUiLanguage(QSettings &settings, const QString &code);
// The locale whose translations to load for a choice.
QLocale uiLocale(const QString &code);

// Installs Qt's and Inkling's translators for locale into app (a missing catalogue is
// normal: English needs none) and makes locale the default QLocale. Returns the
// translators installed (children of app).
QList<QTranslator *> installTranslators(QCoreApplication &app, const QLocale &locale);

} // namespace inkling
