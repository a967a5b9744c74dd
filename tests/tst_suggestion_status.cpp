// The status bar's keystrokes-saved meter: each accept key saves the characters it
// inserted minus itself; the total survives a restart (QSettings).
#include "ui/suggestions/suggestion_status.h"

#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace inkling;

class TestSuggestionStatus : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_config.isValid());
        QCoreApplication::setOrganizationName(QStringLiteral("InklingTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_suggestion_status"));
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_config.path());
    }

    void countsAcceptedCharactersMinusKeys()
    {
        QSettings().remove(QStringLiteral("stats"));
        SuggestionStatus status;
        QCOMPARE(status.sessionKeystrokesSaved(), qint64(0));
        status.addAccepted(7); // " window" with Ctrl+Right: 7 characters, 1 key
        status.addAccepted(1); // a one-character accept saves nothing
        status.addAccepted(12);
        QCOMPARE(status.sessionKeystrokesSaved(), qint64(6 + 0 + 11));
        QCOMPARE(status.totalKeystrokesSaved(), qint64(17));
        QVERIFY2(status.savedText().contains(QStringLiteral("17")), qPrintable(status.savedText()));
    }

    void totalSurvivesARestart()
    {
        QSettings().remove(QStringLiteral("stats"));
        {
            SuggestionStatus first;
            first.addAccepted(5);
        }
        SuggestionStatus second;
        QCOMPARE(second.sessionKeystrokesSaved(), qint64(0));
        QCOMPARE(second.totalKeystrokesSaved(), qint64(4));
        second.addAccepted(3);
        QCOMPARE(second.sessionKeystrokesSaved(), qint64(2));
        QCOMPARE(second.totalKeystrokesSaved(), qint64(6));
        QCOMPARE(QSettings().value(QStringLiteral("stats/keystrokesSaved")).toLongLong(), 6LL);
    }

private:
    QTemporaryDir m_config;
};

QTEST_MAIN(TestSuggestionStatus)
#include "tst_suggestion_status.moc"
