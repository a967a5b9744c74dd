// Crash recovery without a window: the start-up question's text (English, and German
// from the shipped catalogue), and what each answer does to the copies left behind and
// to the documents handed to the window. Expected texts and outcomes are written out by
// hand from the question's rules, not computed by the code under test.
#include "box_answerer.h"
#include "ui/documents/crash_recovery.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace inkling;

namespace {

// Installs the shipped catalogue of a language for as long as it lives ("" for English).
class Language
{
public:
    explicit Language(const QString &code)
    {
        if (code.isEmpty())
            return;
        QVERIFY(m_translator.load(QLocale(code), QStringLiteral("inkling"), QStringLiteral("_"),
                                  QStringLiteral(":/i18n")));
        QVERIFY(QCoreApplication::installTranslator(&m_translator));
    }
    ~Language() { QCoreApplication::removeTranslator(&m_translator); }

private:
    QTranslator m_translator;
};

RecoverableDocument documentOf(const QString &originalPath)
{
    RecoverableDocument d;
    d.originalPath = originalPath;
    return d;
}

} // namespace

class TestCrashRecovery : public QObject
{
    Q_OBJECT

private slots:
    void durationText_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<QString>("expected");
        // Seconds below two minutes, minutes below two hours, hours below two days.
        QTest::addRow("0 s") << "" << qint64(0) << "0 second(s)";
        QTest::addRow("119 s") << "" << qint64(119) << "119 second(s)";
        QTest::addRow("120 s") << "" << qint64(120) << "2 minute(s)";
        QTest::addRow("7199 s") << "" << qint64(7199) << "119 minute(s)";
        QTest::addRow("7200 s") << "" << qint64(7200) << "2 hour(s)";
        QTest::addRow("172799 s") << "" << qint64(172799) << "47 hour(s)";
        QTest::addRow("172800 s") << "" << qint64(172800) << "2 day(s)";
        QTest::addRow("de 1 s") << "de" << qint64(1) << "1 Sekunde";
        QTest::addRow("de 90 s") << "de" << qint64(90) << "90 Sekunden";
        QTest::addRow("de 3 min") << "de" << qint64(180) << "3 Minuten";
        QTest::addRow("de 5 h") << "de" << qint64(5 * 3600) << "5 Stunden";
        QTest::addRow("de 3 days") << "de" << qint64(3 * 86400) << "3 Tage";
    }

    void durationText()
    {
        QFETCH(QString, language);
        QFETCH(qint64, seconds);
        QFETCH(QString, expected);
        const Language installed(language);
        QCOMPARE(CrashRecovery::durationText(seconds), expected);
    }

    void question_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QStringList>("originalPaths");
        QTest::addColumn<QString>("expected");
        QTest::addRow("one file") << "" << QStringList{"/home/ann/notes.txt"}
                                  << "Inkling was not closed properly. Unsaved changes to 1 "
                                     "document(s) can be recovered: notes.txt.";
        QTest::addRow("untitled and a file")
            << "" << QStringList{"", "/tmp/x/plan.md"}
            << "Inkling was not closed properly. Unsaved changes to 2 document(s) can be "
               "recovered: an untitled document, plan.md.";
        QTest::addRow("de one") << "de" << QStringList{""}
                                << "Inkling wurde nicht ordnungsgemäß beendet. Ungespeicherte "
                                   "Änderungen an einem Dokument können wiederhergestellt "
                                   "werden: ein unbenanntes Dokument.";
        QTest::addRow("de two") << "de" << QStringList{"/a/b.txt", "/c/d.txt"}
                                << "Inkling wurde nicht ordnungsgemäß beendet. Ungespeicherte "
                                   "Änderungen an 2 Dokumenten können wiederhergestellt "
                                   "werden: b.txt, d.txt.";
    }

    void question()
    {
        QFETCH(QString, language);
        QFETCH(QStringList, originalPaths);
        QFETCH(QString, expected);
        const Language installed(language);
        QList<RecoverableDocument> found;
        for (const QString &path : originalPaths)
            found << documentOf(path);
        QCOMPARE(CrashRecovery::question(found), expected);
    }

    // The file changed after its copy was saved: the question says so, and by how much.
    void newerOnDisk_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<qint64>("fileNewerBy"); // seconds from the copy to the file's time
        QTest::addColumn<QString>("expected");
        QTest::addRow("90 s newer")
            << "" << qint64(90)
            << "“notes.txt” was changed on disk 90 second(s) after its copy was saved; saving "
               "the recovered text will ask before replacing it.";
        QTest::addRow("3 h newer")
            << "" << qint64(3 * 3600)
            << "“notes.txt” was changed on disk 3 hour(s) after its copy was saved; saving the "
               "recovered text will ask before replacing it.";
        QTest::addRow("same time") << "" << qint64(0) << "";
        QTest::addRow("older") << "" << qint64(-600) << "";
        QTest::addRow("de 2 days newer")
            << "de" << qint64(2 * 86400)
            << "„notes.txt“ wurde 2 Tage nach dem Sichern der Kopie auf dem Datenträger "
               "geändert; beim Speichern des wiederhergestellten Textes werden Sie gefragt, "
               "bevor die Datei ersetzt wird.";
    }

    void newerOnDisk()
    {
        QFETCH(QString, language);
        QFETCH(qint64, fileNewerBy);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString path = dir.filePath("notes.txt");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("on disk\n");
        file.close();
        const Language installed(language);
        RecoverableDocument d = documentOf(path);
        d.savedAt = QFileInfo(path).lastModified().addSecs(-fileNewerBy);
        // An untitled document has no file to be newer; it adds no line.
        QCOMPARE(CrashRecovery::newerOnDisk({documentOf(QString()), d}), expected);
    }

    // Three copies left behind ("a", "b", "c"); the user answers; the window's restore
    // fails for some. Expected: what is recovered, what stays on disk, how many boxes.
    void offer_data()
    {
        QTest::addColumn<QStringList>("copies");    // texts of the copies left behind
        QTest::addColumn<QString>("answer");        // button pressed in the question
        QTest::addColumn<QStringList>("failing");   // texts whose restore fails
        QTest::addColumn<int>("recovered");         // offer()'s result
        QTest::addColumn<QStringList>("restored");  // texts handed to the window
        QTest::addColumn<QStringList>("remaining"); // copies still on disk afterwards
        QTest::addColumn<int>("boxes");             // the question plus one warning per failure
        const QStringList abc{"a", "b", "c"};
        QTest::addRow("recover") << abc << "&Recover" << QStringList() << 3 << abc << QStringList()
                                 << 1;
        QTest::addRow("recover, one fails")
            << abc << "&Recover" << QStringList{"b"} << 2 << abc << QStringList{"b"} << 2;
        QTest::addRow("recover, all fail") << abc << "&Recover" << abc << 0 << abc << abc << 4;
        QTest::addRow("discard") << abc << "&Discard" << QStringList() << 0 << QStringList()
                                 << QStringList() << 1;
        QTest::addRow("ask later")
            << abc << "Ask &Later" << QStringList() << 0 << QStringList() << abc << 1;
        QTest::addRow("nothing left behind") << QStringList() << "&Recover" << QStringList() << 0
                                             << QStringList() << QStringList() << 0;
    }

    void offer()
    {
        QFETCH(QStringList, copies);
        QFETCH(QString, answer);
        QFETCH(QStringList, failing);
        QFETCH(int, recovered);
        QFETCH(QStringList, restored);
        QFETCH(QStringList, remaining);
        QFETCH(int, boxes);
        QTemporaryDir dir;
        for (const QString &text : copies) {
            RecoverableDocument d;
            d.text = text;
            d.savedAt = QDateTime::currentDateTimeUtc();
            QFile file(dir.filePath(text + QStringLiteral(".autosave")));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(encodeRecoveryCopy(d)); // no lock beside it: its writer is gone
        }

        QStringList handedOver;
        QList<BoxAnswerer::Answer> script{answer};
        for (int i = 0; i < failing.size(); ++i)
            script << QMessageBox::Ok;
        BoxAnswerer answers(script);
        CrashRecovery recovery(dir.path(), nullptr);
        const int result = recovery.offer([&](const RecoverableDocument &d) {
            handedOver << d.text;
            return !failing.contains(d.text);
        });
        QCOMPARE(result, recovered);
        handedOver.sort();
        QCOMPARE(handedOver, restored);
        QStringList left;
        for (const QString &name : QDir(dir.path()).entryList({"*.autosave"}, QDir::Files))
            left << QFileInfo(name).completeBaseName();
        left.sort();
        QCOMPARE(left, remaining);
        QCOMPARE(answers.texts.size(), boxes);
        if (boxes > 0)
            QVERIFY(answers.texts.first().contains(
                QStringLiteral("%1 document(s)").arg(copies.size())));
    }
};

QTEST_MAIN(TestCrashRecovery)
#include "tst_crash_recovery.moc"
