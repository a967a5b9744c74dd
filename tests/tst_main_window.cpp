// Document handling in the main window: recent files, a file changed by another
// program, read-only files, and that a failed open leaves the open document alone.
#include "ui/editor.h"
#include "ui/main_window.h"
#include "ui/recent_files.h"

#include <QAbstractButton>
#include <QApplication>
#include <QFile>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <unistd.h>

using namespace inkling;

namespace {
void write(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(bytes);
}

// Presses the button of the next message box that pops up.
void answerNextMessageBox(QMessageBox::StandardButton button)
{
    QTimer::singleShot(50, qApp, [button] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
            box->button(button)->click();
    });
}
} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        RecentFiles::clear();
    }

    void recentFilesNewestFirst()
    {
        QTemporaryDir dir;
        MainWindow window;
        QString error;
        for (const char *name : {"a.txt", "b.md", "c.py"}) {
            write(dir.filePath(name), "x");
            QVERIFY2(window.loadFile(dir.filePath(name), &error), qPrintable(error));
        }
        QVERIFY(window.loadFile(dir.filePath("a.txt"), &error));
        QCOMPARE(RecentFiles::files(),
                 (QStringList{dir.filePath("a.txt"), dir.filePath("c.py"), dir.filePath("b.md")}));
        QFile::remove(dir.filePath("c.py"));
        QCOMPARE(RecentFiles::files().size(), 2); // vanished files are not offered
        for (int i = 0; i < 15; ++i) {
            write(dir.filePath(QStringLiteral("f%1.txt").arg(i)), "x");
            RecentFiles::add(dir.filePath(QStringLiteral("f%1.txt").arg(i)));
        }
        QCOMPARE(RecentFiles::files().size(), RecentFiles::kMaxFiles);
    }

    void externalChangeIsOfferedForReload()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("notes.txt");
        write(path, "first version\n");
        MainWindow window;
        window.show();
        QString error;
        QVERIFY(window.loadFile(path, &error));
        QTest::qWait(1100); // file times have one-second resolution on some systems
        answerNextMessageBox(QMessageBox::Yes);
        write(path, "changed by another program\n");
        QTRY_COMPARE_WITH_TIMEOUT(window.editor()->toPlainText(),
                                  QStringLiteral("changed by another program\n"), 5000);
        QVERIFY(!window.editor()->document()->isModified());
        // Our own save is not "another program": no question, the text stays.
        window.editor()->appendPlainText(QStringLiteral("mine"));
        QVERIFY(window.saveDocument());
        QTest::qWait(500);
        QVERIFY(!QApplication::activeModalWidget());
        QVERIFY(window.editor()->toPlainText().endsWith(QStringLiteral("mine")));
    }

    void declinedReloadKeepsTheText()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("draft.md");
        write(path, "original\n");
        MainWindow window;
        window.show();
        QString error;
        QVERIFY(window.loadFile(path, &error));
        window.editor()->moveCursor(QTextCursor::End);
        QTest::keyClicks(window.editor(), "my unsaved edit");
        QTest::qWait(1100);
        answerNextMessageBox(QMessageBox::No);
        write(path, "theirs\n");
        QTest::qWait(1000);
        QCOMPARE(window.editor()->toPlainText(), QStringLiteral("original\nmy unsaved edit"));
        QVERIFY(window.editor()->document()->isModified());
        window.editor()->document()->setModified(false);
    }

    void failedOpenLeavesTheDocumentAlone()
    {
        QTemporaryDir dir;
        write(dir.filePath("binary.bin"), QByteArray("\x00\xff\xfe\x80 not text", 14));
        MainWindow window;
        window.editor()->setPlainText(QStringLiteral("precious"));
        QString error;
        QVERIFY(!window.loadFile(dir.filePath("binary.bin"), &error));
        QVERIFY(!error.isEmpty());
        QCOMPARE(window.editor()->toPlainText(), QStringLiteral("precious"));
        QVERIFY(!window.loadFile(dir.filePath("missing.txt"), &error));
        QCOMPARE(window.editor()->toPlainText(), QStringLiteral("precious"));
        window.editor()->document()->setModified(false);
    }

    void readOnlyFilesOpenReadOnly()
    {
        if (::geteuid() == 0)
            QSKIP("root may write any file, so no file is read-only here");
        QTemporaryDir dir;
        const QString path = dir.filePath("locked.txt");
        write(path, "look, don't touch");
        QFile::setPermissions(path, QFileDevice::ReadOwner);
        MainWindow window;
        QString error;
        QVERIFY(window.loadFile(path, &error));
        QVERIFY(window.editor()->isReadOnly());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
