// Ghost text drawn through the pre-edit area: visible in the layout, never in the
// document, its undo stack, its plain text or its modified flag, with highlighting on.
#include "ui/editor/editor.h"
#include "ui/editor/ghost_text.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>

using namespace inkling;

namespace {

// An edit behind the ghost's back: [from, to) replaced by text.
void replace(QTextDocument *document, int from, int to, const QString &text)
{
    QTextCursor c(document);
    c.setPosition(from);
    c.setPosition(to, QTextCursor::KeepAnchor);
    c.insertText(text);
}

} // namespace

class TestGhostText : public QObject
{
    Q_OBJECT

private slots:
    // Edits between showing a ghost and removing it move its pre-edit, or remove the
    // block that holds it, whose slot in the document may hold a new block by the time
    // the ghost is removed. Removing must leave nothing behind and break nothing. (Found
    // by tst_stress: a stale pre-edit left in a block's layout crashed
    // QTextCursor::insertText at the next keystroke.)
    void ghostIsRemovedAfterEdits_data()
    {
        QTest::addColumn<int>("ghostAt");
        QTest::addColumn<int>("from");
        QTest::addColumn<int>("to");
        QTest::addColumn<QString>("added");
        // "aaaa\nbb\ncc": 4 is the end of the first line, 7 the end of "bb".
        QTest::addRow("deleted before it") << 4 << 0 << 3 << "";
        QTest::addRow("typed before it") << 4 << 0 << 0 << "xyz";
        QTest::addRow("line break before it") << 4 << 2 << 2 << "\n";
        QTest::addRow("line break at it") << 4 << 4 << 4 << "\n";
        QTest::addRow("lines pasted at it") << 4 << 4 << 4 << "x\ny\nz";
        QTest::addRow("lines pasted before it") << 4 << 1 << 1 << "x\ny\n";
        QTest::addRow("joined to the line before") << 7 << 4 << 5 << "";
        QTest::addRow("joined with the line after") << 7 << 7 << 8 << "";
        QTest::addRow("line deleted") << 7 << 5 << 8 << "";
        QTest::addRow("lines around it deleted") << 7 << 2 << 9 << "";
        QTest::addRow("line replaced by lines") << 7 << 5 << 7 << "p\nq\nr";
        QTest::addRow("everything replaced") << 7 << 0 << 10 << "new\ntext";
    }
    void ghostIsRemovedAfterEdits()
    {
        QFETCH(int, ghostAt);
        QFETCH(int, from);
        QFETCH(int, to);
        QFETCH(QString, added);
        QString after = QStringLiteral("aaaa\nbb\ncc");
        after.replace(from, to - from, added);
        Editor editor;
        editor.setPlainText(QStringLiteral("aaaa\nbb\ncc"));
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        GhostText g(&editor);
        g.show(ghostAt, QStringLiteral(" ghost\nsecond line"));
        replace(editor.document(), from, to, added);
        // New blocks may take a freed block's place in the document's fragment table.
        replace(editor.document(), 0, 0, QStringLiteral("1\n2\n"));
        g.clear();
        QCOMPARE(editor.toPlainText(), QStringLiteral("1\n2\n") + after);
        QCOMPARE(editor.document()->blockCount(), int(after.count(QLatin1Char('\n'))) + 3);
        for (QTextBlock b = editor.document()->begin(); b.isValid(); b = b.next())
            QVERIFY2(b.layout()->preeditAreaText().isEmpty(), qPrintable(b.text()));
        // Typing still works, and a ghost shows again where the cursor is.
        editor.moveCursor(QTextCursor::End);
        QTest::keyClicks(&editor, "d");
        QVERIFY(editor.toPlainText().endsWith(after + QLatin1Char('d')));
        g.show(editor.textCursor().position(), QStringLiteral(" again"));
        QCOMPARE(editor.textCursor().block().layout()->preeditAreaText(), QStringLiteral(" again"));
        g.clear();
        QVERIFY(editor.textCursor().block().layout()->preeditAreaText().isEmpty());
    }

    void ghostIsNotInTheDocument_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("cursor");
        QTest::addColumn<QString>("ghost");
        QTest::addRow("prose end of line")
            << "a.md" << "The old man looked out" << 22 << " of the window";
        QTest::addRow("prose mid line") << "a.md" << "The man looked out" << 7 << " old";
        QTest::addRow("multi-line code")
            << "a.py" << "def f(x):\n    \nprint(1)" << 14 << "return x * 2\n\ndef g():\n    pass";
    }
    void ghostIsNotInTheDocument()
    {
        QFETCH(QString, file);
        QFETCH(QString, text);
        QFETCH(int, cursor);
        QFETCH(QString, ghost);

        Editor editor;
        editor.resize(600, 400);
        editor.setDefinitionForFileName(file);
        editor.setPlainText(text);
        editor.document()->setModified(false);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        const int linesBefore = editor.document()->findBlock(cursor).layout()->lineCount();
        const QImage before = editor.viewport()->grab().toImage();

        GhostText g(&editor);
        g.show(cursor, ghost);
        QCoreApplication::processEvents();

        QCOMPARE(editor.toPlainText(), text);
        QVERIFY(!editor.document()->isModified());
        QVERIFY(!editor.document()->isUndoAvailable());
        const QTextLayout *layout = editor.document()->findBlock(cursor).layout();
        QCOMPARE(layout->preeditAreaText().size(), ghost.size());
        QCOMPARE(layout->lineCount(), linesBefore + int(ghost.count('\n')));
        // The ghost range keeps its dimmed format after the highlighter re-ran.
        bool dimmed = false;
        for (const auto &r : layout->formats())
            dimmed |= r.start == layout->preeditAreaPosition() && r.length == ghost.size() &&
                      r.format.fontItalic();
        QVERIFY(dimmed);
        QVERIFY(editor.viewport()->grab().toImage() != before);
        // Copy and find see only the document.
        editor.selectAll();
        editor.copy();
        QCOMPARE(QGuiApplication::clipboard()->text(), text);
        const QString ghostWord = ghost.trimmed().section(' ', -1); // not in any row's text
        QVERIFY(!text.contains(ghostWord));
        QVERIFY(editor.document()->find(ghostWord).isNull());
        QVERIFY(editor.document()->toRawText().indexOf(ghost) < 0);
        QTextCursor end = editor.textCursor();
        end.setPosition(cursor);
        editor.setTextCursor(end);

        g.clear();
        QCoreApplication::processEvents();
        QCOMPARE(editor.toPlainText(), text);
        QVERIFY(layout->preeditAreaText().isEmpty());
        QCOMPARE(editor.document()->findBlock(cursor).layout()->lineCount(), linesBefore);
        QVERIFY(!editor.document()->isUndoAvailable());
    }
};

QTEST_MAIN(TestGhostText)
#include "tst_ghost_text.moc"
