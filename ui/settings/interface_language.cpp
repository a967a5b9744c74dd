// Loading translators for the chosen (or the system's) language.
#include "ui/settings/interface_language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLoggingCategory>
#include <QSettings>
#include <QTranslator>

namespace inkling {

namespace {

Q_LOGGING_CATEGORY(lcLanguage, "inkling.ui.language", QtInfoMsg)

QTranslator *loadTranslator(QCoreApplication &app, const QLocale &locale, const QString &name,
                            const QString &directory)
{
    auto *translator = new QTranslator(&app);
    if (translator->load(locale, name, QStringLiteral("_"), directory)) {
        QCoreApplication::installTranslator(translator);
        qCDebug(lcLanguage) << "loaded translation" << translator->filePath();
        return translator;
    }
    qCDebug(lcLanguage) << "no" << name << "translation for" << locale.name() << "in" << directory;
    delete translator;
    return nullptr;
}

} // namespace

QList<UiLanguage> uiLanguages()
{
    // Names in their own language, so a user who cannot read the current one finds theirs.
    return {{QString(), QCoreApplication::translate("UiLanguage", "System Default")},
            {QStringLiteral("en"), QStringLiteral("English")},
            {QStringLiteral("de"), QStringLiteral("Deutsch")},
            {QStringLiteral("zh_CN"), QStringLiteral(u"简体中文")}};
}

QString uiLanguageSettingsKey()
{
    return QStringLiteral("ui/language");
}

QString loadUiLanguage(const QSettings &settings)
{
    const QString code = settings.value(uiLanguageSettingsKey()).toString();
    for (const UiLanguage &language : uiLanguages()) {
        if (language.code == code)
            return code;
    }
    return {};
}

void saveUiLanguage(QSettings &settings, const QString &code)
{
    if (code.isEmpty())
        settings.remove(uiLanguageSettingsKey());
    else
        settings.setValue(uiLanguageSettingsKey(), code);
}

QLocale uiLocale(const QString &code)
{
    return code.isEmpty() ? QLocale::system() : QLocale(code);
}

QList<QTranslator *> installTranslators(QCoreApplication &app, const QLocale &locale)
{
    // Dates, numbers and QTranslator's lookups then follow the chosen language too.
    QLocale::setDefault(locale);
    QList<QTranslator *> installed;
    // Qt's own catalogue covers standard buttons and QCommandLineParser's options.
    const QString qtDirectory = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    for (auto [name, directory] :
         {std::pair{QStringLiteral("qtbase"), qtDirectory},
          std::pair{QStringLiteral("inkling"), QStringLiteral(":/i18n")}}) {
        if (QTranslator *translator = loadTranslator(app, locale, name, directory))
            installed << translator;
    }
    return installed;
}

} // namespace inkling
