// The status bar's keystrokes-saved meter: each accept key saves the characters it
// inserted minus itself; the total survives a restart (QSettings). Its session figures:
// suggestions shown, characters accepted, and the share of them kept 20 keys later.
#include "ui/suggestions/kept_characters.h"
#include "ui/suggestions/suggestion_status.h"

#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextCursor>
#include <QTextDocument>

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

    void sessionFigures()
    {
        SuggestionStatus status;
        for (int i = 0; i < 4; ++i)
            status.addShown();
        status.addAccepted(7);
        status.addAccepted(13);
        // 20 characters from 4 shown suggestions: 5.0 each; none settled yet.
        QVERIFY2(status.sessionText().contains(QLocale().toString(5.0, 'f', 1)),
                 qPrintable(status.sessionText()));
        QVERIFY(!status.sessionText().contains(QLatin1Char('%')));
        status.addKept(20, 15);
        QVERIFY2(status.sessionText().contains(QStringLiteral("75 %")),
                 qPrintable(status.sessionText()));
    }

    void keptLength_data()
    {
        QTest::addColumn<QString>("accepted");
        QTest::addColumn<QString>("now");
        QTest::addColumn<int>("kept");
        QTest::addRow("same") << "on the mat" << "on the mat" << 10;
        QTest::addRow("all gone") << "on the mat" << "" << 0;
        QTest::addRow("word replaced") << "on the mat" << "on the rug" << 7;
        QTest::addRow("typed inside") << "on the mat" << "on the big mat" << 10;
        QTest::addRow("typed after") << " light" << " light of day" << 6;
        QTest::addRow("reordered") << "ab" << "ba" << 1;
    }
    void keptLength()
    {
        QFETCH(QString, accepted);
        QFETCH(QString, now);
        QFETCH(int, kept);
        QCOMPARE(inkling::keptLength(accepted, now), kept);
    }

    // An accepted " on the mat" after "The cat sat", then the writer's edit, then keys.
    void keptCharacters_data()
    {
        QTest::addColumn<int>("position"); // of the edit
        QTest::addColumn<int>("removed");
        QTest::addColumn<QString>("added");
        QTest::addColumn<int>("kept");
        QTest::addRow("untouched") << 0 << 0 << "" << 11;
        // Not "on the mat. Then": what follows could match what was deleted.
        QTest::addRow("typed on after it") << 22 << 0 << ". Then" << 11;
        QTest::addRow("deleted, then typed after") << 18 << 4 << " matter" << 7;
        QTest::addRow("typed before it") << 0 << 0 << "Oh. " << 11;
        QTest::addRow("last word deleted") << 18 << 4 << "" << 7;
        QTest::addRow("last word replaced") << 19 << 3 << "rug" << 8;
        QTest::addRow("typed inside") << 18 << 0 << " big" << 11;
        QTest::addRow("all of it deleted") << 11 << 11 << "" << 0;
        QTest::addRow("deleted with what came before") << 4 << 18 << "" << 0;
    }
    void keptCharacters()
    {
        QFETCH(int, position);
        QFETCH(int, removed);
        QFETCH(QString, added);
        QFETCH(int, kept);
        QTextDocument doc(QStringLiteral("The cat sat"));
        KeptCharacters watch(&doc);
        QTextCursor c(&doc);
        c.movePosition(QTextCursor::End);
        c.insertText(QStringLiteral(" on the mat"));
        watch.accepted(11, QStringLiteral(" on the mat"));
        c.setPosition(position);
        c.setPosition(position + removed, QTextCursor::KeepAnchor);
        c.insertText(added);
        // Formatting (as a highlighter does) is no edit.
        QTextCharFormat bold;
        bold.setFontWeight(QFont::Bold);
        c.select(QTextCursor::Document);
        c.mergeCharFormat(bold);
        for (int key = 1; key < KeptCharacters::kKeys; ++key)
            QCOMPARE(watch.keyPressed().accepted, 0); // not before the 20th key
        const KeptCharacters::Tally t = watch.keyPressed();
        QCOMPARE(t.accepted, 11);
        QCOMPARE(t.kept, kept);
        QCOMPARE(watch.watching(), 0);
    }

private:
    QTemporaryDir m_config;
};

QTEST_MAIN(TestSuggestionStatus)
#include "tst_suggestion_status.moc"
