// Unsaved work survives a crash: recovery copies are written atomically, removed after a
// clean end, ignored while their Inkling runs, and found after it was killed — checked
// with a child process (this test binary in "writer" mode) killed by SIGKILL at random
// moments while it keeps rewriting its copy (kill_trial.h).
#include "box_answerer.h"
#include "kill_trial.h"
#include "ui/documents/autosave.h"
#include "ui/documents/crash_recovery.h"
#include "ui/documents/document.h"
#include "ui/documents/notes_store.h"
#include "ui/documents/recovery_copy.h"
#include "ui/editor/editor.h"
#include "ui/window/main_window.h"

#include <QApplication>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <sys/stat.h>

using namespace inkling;

namespace {

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(bytes), bytes.size());
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<unreadable>");
}

unsigned modeOf(const QString &path)
{
    struct stat st{};
    if (::stat(path.toLocal8Bit().constData(), &st) != 0)
        return ~0u;
    return st.st_mode & 07777;
}

// Each version of the child's text is tagged and padded, so a torn write would show as
// a version whose body does not match its tag (or as unparsable JSON).
QString versionText(int n)
{
    return QStringLiteral("version %1\n").arg(n) + QString(2000 + n % 97, QChar(u'a' + n % 26));
}

// Writer mode: rewrite the recovery copy as fast as possible, forever (until killed).
int runWriter(int argc, char **argv, const QString &directory)
{
    QApplication app(argc, argv);
    QPlainTextEdit editor;
    Autosave autosave(&editor);
    autosave.setDirectory(directory);
    autosave.setOriginalPath(QStringLiteral("/home/someone/letter.txt"));
    autosave.setFormat({TextEncoding::Utf16LE, LineEnding::CrLf}); // recovered as it was
    for (int n = 0;; ++n) {
        editor.setPlainText(versionText(n));
        editor.document()->setModified(true);
        if (!autosave.saveNow())
            return 3;
        if (n == 0)
            kill_trial::announceReady();
    }
}

// Window mode: a real main window whose user typed text and never saved it.
int runWindow(int argc, char **argv)
{
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    MainWindow window;
    window.show();
    // Two documents in two tabs, both unsaved.
    for (const QString &text : {QStringLiteral("Dear diary, today I almost lost this."),
                                QStringLiteral("Shopping list: ink, paper")}) {
        if (text != QStringLiteral("Dear diary, today I almost lost this."))
            window.newDocument();
        window.editor()->setFocus();
        QTest::keyClicks(window.editor(), text);
        if (!window.autosave()->saveNow())
            return 3;
    }
    kill_trial::announceReady();
    return app.exec();
}

} // namespace

class TestAutosave : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QDir(Autosave::defaultDirectory()).removeRecursively();
    }

    // The whole story: Inkling is killed mid-edit, the next start offers the text back.
    void nextStartOffersTheKilledWindowsText()
    {
        QProcess child;
        child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--window")});
        QVERIFY(child.waitForReadyRead(60000));
        QCOMPARE(child.readLine().trimmed(), QByteArray("ready"));
        child.kill();
        QVERIFY(child.waitForFinished(5000));

        MainWindow window;
        window.show();
        // Answer the question as a user would: press "Recover".
        QTimer::singleShot(0, &window, [] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            for (QAbstractButton *b : box->buttons()) {
                if (b->text() == CrashRecovery::tr("&Recover"))
                    b->click();
            }
        });
        QCOMPARE(window.offerRecovery(), 2);
        // Every recovered document in a tab of its own, modified (not saved anywhere yet).
        QStringList texts;
        for (Document *d : window.documents()) {
            texts << d->text();
            QVERIFY(d->isModified());
        }
        texts.sort();
        QCOMPARE(texts, (QStringList{QStringLiteral("Dear diary, today I almost lost this."),
                                     QStringLiteral("Shopping list: ink, paper")}));
        // The old copy is gone; the window's own copy of the recovered text replaces it.
        const auto left = Autosave::findRecoverable(Autosave::defaultDirectory());
        QVERIFY(left.isEmpty());
        for (Document *d : window.documents()) {
            QVERIFY(QFile::exists(d->autosave()->copyPath()));
            d->editor()->document()->setModified(false); // as after saving
            QVERIFY(!QFile::exists(d->autosave()->copyPath()));
        }
    }

    // Recovery must not put old text over a newer file: the copy remembers the file as
    // it knew it; the question says that the file changed since, and saving the recovered
    // text asks before replacing the newer version.
    void recoveryNeverOverwritesANewerFileSilently()
    {
        QDir(Autosave::defaultDirectory()).removeRecursively();
        QTemporaryDir dir;
        const QString path = dir.filePath("notes.txt");
        writeFile(path, "version one\n");
        {
            // Typed, copied, then "killed": the copy outlives its writer.
            MainWindow crashed;
            QString error;
            QVERIFY(crashed.loadFile(path, &error));
            crashed.editor()->moveCursor(QTextCursor::End);
            crashed.editor()->insertPlainText("unsaved words\n");
            Document *d = crashed.documents().first();
            QVERIFY(d->autosave()->saveNow());
            QVERIFY(QFile::copy(d->autosave()->copyPath(),
                                Autosave::defaultDirectory() + "/crashed.autosave"));
            d->editor()->document()->setModified(false); // its own copy goes with it
        }
        // Ask Later; meanwhile the file is changed elsewhere, an hour later.
        writeFile(path, "version two, written elsewhere\n");
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.setFileTime(QDateTime::currentDateTime().addSecs(3600),
                                 QFileDevice::FileModificationTime));
        file.close();

        MainWindow window;
        window.show();
        QString error;
        QVERIFY(window.loadFile(path, &error));
        {
            BoxAnswerer answers({CrashRecovery::tr("&Recover")});
            QCOMPARE(window.offerRecovery(), 1);
            QCOMPARE(answers.informativeTexts.size(), 1);
            QVERIFY2(answers.informativeTexts.first().contains("notes.txt") &&
                         answers.informativeTexts.first().contains("changed on disk") &&
                         answers.informativeTexts.first().contains("minute"),
                     qPrintable(answers.informativeTexts.first()));
        }
        QCOMPARE(window.documents().size(), 1);
        QCOMPARE(window.editor()->toPlainText(), QStringLiteral("version one\nunsaved words\n"));
        QVERIFY(window.editor()->document()->isModified());
        {
            BoxAnswerer answers({QMessageBox::Cancel});
            QVERIFY(!window.saveDocument());
            QCOMPARE(answers.texts.size(), 1);
        }
        QCOMPARE(readFile(path), QByteArray("version two, written elsewhere\n"));
        {
            BoxAnswerer answers({MainWindow::tr("&Overwrite")});
            QVERIFY(window.saveDocument());
        }
        QCOMPARE(readFile(path), QByteArray("version one\nunsaved words\n"));
    }

    // The old copy may only go once the recovered text is safe in a new one.
    void failedRecoveryKeepsTheOldCopy()
    {
        QDir(Autosave::defaultDirectory()).removeRecursively();
        QVERIFY(QDir().mkpath(Autosave::defaultDirectory()));
        const QString old = Autosave::defaultDirectory() + "/old.autosave";
        writeFile(old,
                  R"({"original":"","savedAt":"2026-12-01T10:00:00.000Z","text":"irreplaceable"})");
        MainWindow window;
        window.show();
        // No new copy can be written: a folder below a plain file (this holds for root too).
        window.documents().first()->autosave()->setDirectory("/dev/null/autosave");
        BoxAnswerer answers({CrashRecovery::tr("&Recover"), QMessageBox::Ok});
        QCOMPARE(window.offerRecovery(), 0);
        QCOMPARE(window.editor()->toPlainText(), QStringLiteral("irreplaceable"));
        QCOMPARE(answers.texts.size(), 2); // the question, then the warning
        QVERIFY(QFile::exists(old));
        QCOMPARE(Autosave::findRecoverable(Autosave::defaultDirectory()).size(), 1);
        window.editor()->document()->setModified(false);
    }

    void copyLifecycle()
    {
        QTemporaryDir dir;
        QPlainTextEdit editor;
        auto *autosave = new Autosave(&editor);
        autosave->setDirectory(dir.path());
        editor.setPlainText(QStringLiteral("unsaved words"));
        QVERIFY(autosave->saveNow());
        QVERIFY(QFile::exists(autosave->copyPath()));
        // Its writer is alive: not offered for recovery.
        QVERIFY(Autosave::findRecoverable(dir.path()).isEmpty());
        const QString copy = autosave->copyPath();
        delete autosave; // a clean end removes the copy
        QVERIFY(!QFile::exists(copy));
        QVERIFY(Autosave::findRecoverable(dir.path()).isEmpty());
    }

    // A recovery copy of a mode-600 diary must not be readable by other users: the
    // folder is 0700 and the copy 0600 even under a umask that lets everyone read, and
    // copies left readable by an older version are tightened when the folder is read.
    void copiesAreReadableByTheirOwnerOnly()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("share/autosave"));
        const mode_t oldMask = ::umask(0);
        QPlainTextEdit editor;
        auto *autosave = new Autosave(&editor);
        autosave->setDirectory(folder);
        editor.setPlainText(QStringLiteral("dear diary"));
        const bool saved = autosave->saveNow();
        ::umask(oldMask);
        QVERIFY(saved);
        QCOMPARE(modeOf(folder), 0700u);
        QCOMPARE(modeOf(autosave->copyPath()), 0600u);

        const QString old = folder + QStringLiteral("/older.autosave");
        QFile oldCopy(old);
        QVERIFY(oldCopy.open(QIODevice::WriteOnly));
        oldCopy.write(R"({"original":"","text":"old words"})");
        oldCopy.close();
        QVERIFY(::chmod(old.toLocal8Bit().constData(), 0644) == 0);
        QVERIFY(::chmod(folder.toLocal8Bit().constData(), 0755) == 0);
        Autosave::findRecoverable(folder);
        QCOMPARE(modeOf(folder), 0700u);
        QCOMPARE(modeOf(old), 0600u);
        delete autosave;
    }

    // Document notes live in a private file of their own per document (0700 folder,
    // 0600 file, whatever the umask), found by the document's path and only by it.
    void notesStoreIsPrivateAndKeyedByPath()
    {
        QTemporaryDir dir;
        const NotesStore store(dir.filePath(QStringLiteral("share/notes")));
        const QString diary = dir.filePath(QStringLiteral("diary.md"));
        const mode_t oldMask = ::umask(0);
        const bool saved = store.save(diary, QStringLiteral("Aunt Mathilda, the cat Socks"));
        ::umask(oldMask);
        QVERIFY(saved);
        QCOMPARE(modeOf(dir.filePath(QStringLiteral("share/notes"))), 0700u);
        QCOMPARE(modeOf(store.filePath(diary)), 0600u);
        QCOMPARE(store.load(diary), QStringLiteral("Aunt Mathilda, the cat Socks"));
        QCOMPARE(store.load(dir.filePath(QStringLiteral("letter.md"))), QString());
        // A notes file that names another document (moved by hand, or a collision) is not
        // this document's.
        QVERIFY(QFile::copy(store.filePath(diary),
                            store.filePath(dir.filePath(QStringLiteral("other.md")))));
        QCOMPARE(store.load(dir.filePath(QStringLiteral("other.md"))), QString());
        // No notes, no file.
        QVERIFY(store.save(diary, QString()));
        QVERIFY(!QFile::exists(store.filePath(diary)));
    }

    // Notes travel with the recovery copy (a new document has no file to key them by).
    void recoveryCopyKeepsNotes()
    {
        RecoverableDocument d;
        d.text = QStringLiteral("Chapter one");
        d.notes = QStringLiteral("Narrator: Ishmael");
        const std::optional<RecoverableDocument> back = decodeRecoveryCopy(encodeRecoveryCopy(d));
        QVERIFY(back);
        QCOMPARE(back->notes, d.notes);
        QCOMPARE(back->text, d.text);
        d.notes.clear(); // older copies have none
        QCOMPARE(decodeRecoveryCopy(encodeRecoveryCopy(d))->notes, QString());
    }

    // The copy holds exactly the typed characters: toPlainText() would turn a
    // non-breaking space into a space.
    void copyKeepsEveryCharacter()
    {
        QTemporaryDir dir;
        QPlainTextEdit editor;
        Autosave autosave(&editor);
        autosave.setDirectory(dir.path());
        const QString text = QStringLiteral(u"10\u00A0km\u2028next\nline");
        editor.setPlainText(text);
        QVERIFY(autosave.saveNow());
        QFile copy(autosave.copyPath());
        QVERIFY(copy.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(copy.readAll()).object().value("text").toString(), text);
    }

    void timerWritesModifiedDocuments()
    {
        QTemporaryDir dir;
        QPlainTextEdit editor;
        Autosave autosave(&editor);
        autosave.setDirectory(dir.path());
        autosave.setInterval(100);
        QTest::qWait(300);
        QVERIFY(!QFile::exists(autosave.copyPath())); // nothing modified, nothing written
        editor.setPlainText(QStringLiteral("typed"));
        editor.document()->setModified(true);
        QTRY_VERIFY(QFile::exists(autosave.copyPath()));
    }

    void killedWriterLeavesACompleteCopy()
    {
        QTemporaryDir dir;
        QRandomGenerator rng(7);
        const int trials = 100;
        int versionsSeen = 0;
        for (int trial = 0; trial < trials; ++trial) {
            const kill_trial::Outcome killed =
                kill_trial::killAfterRandomDelay({QStringLiteral("--writer"), dir.path()}, rng);
            QVERIFY2(killed.error.isEmpty(), qPrintable(killed.error));

            const QList<RecoverableDocument> found = Autosave::findRecoverable(dir.path());
            QCOMPARE(found.size(), 1);
            const RecoverableDocument &d = found.first();
            QCOMPARE(d.originalPath, QStringLiteral("/home/someone/letter.txt"));
            QVERIFY(d.format == (TextFormat{TextEncoding::Utf16LE, LineEnding::CrLf}));
            const int version = d.text.section(' ', 1, 1).section('\n', 0, 0).toInt();
            QCOMPARE(d.text, versionText(version)); // complete, never torn
            versionsSeen += version > 0;
            Autosave::remove(d);
            QVERIFY(Autosave::findRecoverable(dir.path()).isEmpty());
            QVERIFY2(QDir(dir.path()).isEmpty(), "no lock or temporary file is left behind");
        }
        QVERIFY(versionsSeen > trials / 2); // kills did land mid-rewriting
        qInfo("%d kill trials, all copies complete", trials);
    }
};

int main(int argc, char **argv)
{
    if (argc == 3 && qstrcmp(argv[1], "--writer") == 0)
        return runWriter(argc, argv, QString::fromLocal8Bit(argv[2]));
    if (argc == 2 && qstrcmp(argv[1], "--window") == 0)
        return runWindow(argc, argv);
    QApplication app(argc, argv);
    TestAutosave test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_autosave.moc"
