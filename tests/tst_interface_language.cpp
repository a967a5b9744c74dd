// The language override: the choice stored in the settings decides which catalogue is
// installed at start-up (what app/main.cpp does), whatever the system's language.
#include "ui/settings/interface_language.h"

#include <QCoreApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QTranslator>

using namespace inkling;

class TestUiLanguage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("InklingTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_interface_language"));
    }

    void chosenLanguageIsInstalled_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("file"); // the File menu's title once installed
        QTest::addRow("English") << "en" << "&File";
        QTest::addRow("Deutsch") << "de" << "&Datei";
        QTest::addRow("Simplified Chinese") << "zh_CN" << QStringLiteral(u"文件(&F)");
    }

    void chosenLanguageIsInstalled()
    {
        QFETCH(QString, code);
        QFETCH(QString, file);
        {
            QSettings settings;
            saveUiLanguage(settings, code);
        }
        const QString chosen = loadUiLanguage(QSettings());
        QCOMPARE(chosen, code);
        const QList<QTranslator *> installed =
            installTranslators(*QCoreApplication::instance(), uiLocale(chosen));
        QCOMPARE(QCoreApplication::translate("inkling::MainWindow", "&File"), file);
        QCOMPARE(QLocale().name().left(2), code.left(2));
        if (code != QLatin1String("en")) {
            bool ours = false;
            for (QTranslator *t : installed)
                ours |= t->filePath() == QStringLiteral(":/i18n/inkling_%1.qm").arg(code);
            QVERIFY(ours);
        }
        for (QTranslator *t : installed) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
        QCOMPARE(QCoreApplication::translate("inkling::MainWindow", "&File"),
                 QStringLiteral("&File"));
    }

    // No choice stored, or one Inkling does not know: the system's language.
    void defaultIsTheSystemLanguage()
    {
        QSettings settings;
        saveUiLanguage(settings, QString());
        QVERIFY(!settings.contains(uiLanguageSettingsKey()));
        QCOMPARE(loadUiLanguage(settings), QString());
        settings.setValue(uiLanguageSettingsKey(), QStringLiteral("tlh"));
        QCOMPARE(loadUiLanguage(settings), QString());
        QCOMPARE(uiLocale(QString()), QLocale::system());
        QCOMPARE(uiLanguages().constFirst().code, QString());
        QCOMPARE(uiLanguages().size(), 4);
    }
};

QTEST_GUILESS_MAIN(TestUiLanguage)
#include "tst_interface_language.moc"
