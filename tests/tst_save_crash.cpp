// File > Save is atomic: a child process (this test binary in "saver" mode) opens a
// large document in a real MainWindow and keeps editing and saving it through
// MainWindow::saveDocument until it is killed with SIGKILL at a random moment
// (kill_trial.h). After every kill the file holds exactly the bytes of the last version
// the child reported saved or of the one it was saving; at most QSaveFile's temporary
// file is left beside it.
#include "kill_trial.h"
#include "ui/editor/editor.h"
#include "ui/window/main_window.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

using namespace inkling;

namespace {

const QString kFileName = QStringLiteral("manuscript.txt");

// About half a MiB of varied lines (ASCII, accents, CJK, emoji), the same in both processes.
const QString &body()
{
    static const QString text = [] {
        static const QStringList words = {
            QStringLiteral("the"),    QStringLiteral("lamp"),   QStringLiteral("naïve"),
            QStringLiteral("café"),   QStringLiteral("日本語"), QStringLiteral("🎉"),
            QStringLiteral("window"), QStringLiteral("—"),      QStringLiteral("quiet")};
        QString s;
        QRandomGenerator rng(1811);
        for (int line = 0; line < 7000; ++line) {
            const int n = rng.bounded(4, 16);
            for (int w = 0; w < n; ++w)
                s += words[rng.bounded(int(words.size()))] + QLatin1Char(w + 1 < n ? ' ' : '\n');
        }
        return s;
    }();
    return text;
}

// Version n of the document: its number in the first and the last line, so a file mixing
// two versions, or cut short, matches no version.
QString firstLine(int n)
{
    return QStringLiteral("Draft %1").arg(n);
}
QString lastLine(int n)
{
    return QStringLiteral("(end of draft %1)").arg(n);
}
QByteArray versionBytes(int n)
{
    return (firstLine(n) + QLatin1Char('\n') + body() + lastLine(n)).toUtf8();
}

// The version a file claims to be, from its first line; -1 if none.
int claimedVersion(const QByteArray &bytes)
{
    const QByteArray first = bytes.left(bytes.indexOf('\n'));
    if (!first.startsWith("Draft "))
        return -1;
    bool ok = false;
    const int n = first.mid(6).toInt(&ok);
    return ok ? n : -1;
}

// The user's edit: retype the first and the last line with the next number.
void editToVersion(QTextDocument *document, int n)
{
    QTextCursor c(document->firstBlock());
    c.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
    c.insertText(firstLine(n));
    c = QTextCursor(document->lastBlock());
    c.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
    c.insertText(lastLine(n));
}

// Saver mode: open the document, then edit and File > Save it, forever (until killed).
// Every completed save is reported as "saved N".
int runSaver(int argc, char **argv, const QString &path)
{
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    MainWindow window;
    QString error;
    if (!window.loadFile(path, &error))
        return 3;
    const int start = claimedVersion(window.editor()->toPlainText().left(100).toUtf8());
    if (start < 0)
        return 4;
    kill_trial::announceReady();
    for (int n = start + 1;; ++n) {
        editToVersion(window.editor()->document(), n);
        if (!window.saveDocument())
            return 5;
        kill_trial::report("saved " + QByteArray::number(n));
    }
}

} // namespace

class TestSaveCrash : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // The oracle itself: the child's edit turns version n into exactly versionBytes(n + 1).
    void editProducesTheNextVersion()
    {
        QTextDocument document;
        document.setPlainText(QString::fromUtf8(versionBytes(7)));
        editToVersion(&document, 8);
        QCOMPARE(document.toPlainText().toUtf8(), versionBytes(8));
        QCOMPARE(claimedVersion(versionBytes(8)), 8);
    }

    void killedSaveLeavesTheOldOrTheNewFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(kFileName);
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QVERIFY(file.write(versionBytes(0)) > 0);
        }
        QRandomGenerator rng(20261127);
        // Every trial starts a MainWindow and saves half a MiB at least once: about a second
        // in a normal build, several in a sanitizer build on a loaded machine. So the trials
        // stop at 100 or at a time budget, whichever comes first, but never before 20, and
        // QtTest's five-minute watchdog is never reached.
        const int maxTrials = 100, minTrials = 20;
        const qint64 budgetMs = 150000;
        QElapsedTimer spent;
        spent.start();
        int trials = 0;
        int onDisk = 0, newer = 0, saves = 0, temporaries = 0;
        for (int trial = 0; trial < maxTrials && (trial < minTrials || spent.elapsed() < budgetMs);
             ++trial, ++trials) {
            const kill_trial::Outcome killed = kill_trial::killAfterRandomDelay(
                {QStringLiteral("--saver"), path}, rng, 0, kill_trial::Pace::OfFirstReport);
            QVERIFY2(killed.error.isEmpty(), qPrintable(killed.error));
            // The last version the child finished saving (the one on disk if none).
            int lastSaved = onDisk;
            for (const QByteArray &line : killed.lines) {
                QVERIFY2(line.startsWith("saved "), line.constData());
                lastSaved = line.mid(6).toInt();
                ++saves;
            }

            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray bytes = file.readAll();
            const int version = claimedVersion(bytes);
            const QByteArray context = QByteArray("trial ") + QByteArray::number(trial) +
                                       ": file claims version " + QByteArray::number(version) +
                                       ", last saved " + QByteArray::number(lastSaved);
            // The complete old file, or the complete new one being saved when killed.
            QVERIFY2(version == lastSaved || version == lastSaved + 1, context.constData());
            QVERIFY2(bytes == versionBytes(version), context.constData());
            newer += version == lastSaved + 1;
            onDisk = version;

            // A kill while QSaveFile writes leaves its temporary file (the name plus six
            // random characters) beside the document, never in its place; nothing else.
            const QStringList left = QDir(dir.path())
                                         .entryList(QDir::AllEntries | QDir::Hidden | QDir::System |
                                                    QDir::NoDotAndDotDot);
            static const QRegularExpression temporary(QRegularExpression::anchoredPattern(
                QRegularExpression::escape(kFileName) + "\\.[A-Za-z0-9]{6}"));
            QVERIFY2(left.contains(kFileName), qPrintable(left.join(QLatin1String(", "))));
            for (const QString &name : left) {
                if (name == kFileName)
                    continue;
                QVERIFY2(temporary.match(name).hasMatch(),
                         qPrintable(left.join(QLatin1String(", "))));
                QVERIFY(QFile::remove(dir.filePath(name)));
                ++temporaries;
            }
        }
        qInfo("%d kill trials during File > Save of a %lld-byte document: %d saves completed, "
              "%d kills left the version being saved, all files complete; %d left a temporary file",
              trials, qlonglong(versionBytes(0).size()), saves, newer, temporaries);
        // Every trial waits for one save (kill_trial's pace); the kills then spread over the
        // next one or two, so some trials complete more than one.
        QVERIFY2(saves > trials, "the kills did not land among saves");
    }
};

int main(int argc, char **argv)
{
    if (argc == 3 && qstrcmp(argv[1], "--saver") == 0)
        return runSaver(argc, argv, QString::fromLocal8Bit(argv[2]));
    QApplication app(argc, argv);
    TestSaveCrash test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_save_crash.moc"
