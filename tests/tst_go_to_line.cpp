// Go to Line: what "line[:column]" means, where the cursor lands (the oracle counts
// characters of the lines as split here, not through QTextDocument's blocks), and the
// dialog as the user answers it.
#include "ui/editor/go_to_line.h"

#include <QInputDialog>
#include <QPlainTextEdit>
#include <QTest>
#include <QTimer>

using namespace inkling;

namespace {

const QString kText = QStringLiteral("alpha\nbeta gamma\n\n\tdelta\nlast line");

// Position of line:column (1-based, clamped like the feature) from the split lines.
int expectedPosition(int line, int column)
{
    const QStringList lines = kText.split(u'\n');
    line = std::min<int>(line, lines.size());
    int position = 0;
    for (int i = 0; i < line - 1; ++i)
        position += lines.at(i).size() + 1; // the line and its newline
    return position + std::min<int>(column - 1, lines.at(line - 1).size());
}

} // namespace

class TestGoToLine : public QObject
{
    Q_OBJECT

private slots:
    void parse_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addRow("line") << "12" << true << 12 << 1;
        QTest::addRow("line:column") << "12:5" << true << 12 << 5;
        QTest::addRow("spaces") << "  3 :  7 " << true << 3 << 7;
        QTest::addRow("colon, no column") << "4:" << true << 4 << 1;
        QTest::addRow("empty") << "" << false << 0 << 0;
        QTest::addRow("zero line") << "0" << false << 0 << 0;
        QTest::addRow("zero column") << "2:0" << false << 0 << 0;
        QTest::addRow("negative") << "-3" << false << 0 << 0;
        QTest::addRow("word") << "ten" << false << 0 << 0;
        QTest::addRow("two colons") << "1:2:3" << false << 0 << 0;
        QTest::addRow("too long to be a line") << "12345678901" << false << 0 << 0;
    }
    void parse()
    {
        QFETCH(QString, input);
        QFETCH(bool, valid);
        const std::optional<LineColumn> where = parseLineColumn(input);
        QCOMPARE(where.has_value(), valid);
        if (valid) {
            QFETCH(int, line);
            QFETCH(int, column);
            QCOMPARE(where->line, line);
            QCOMPARE(where->column, column);
        }
    }

    void moves_data()
    {
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addRow("first line") << 1 << 1;
        QTest::addRow("inside a line") << 2 << 6;
        QTest::addRow("end of a line") << 2 << 11;
        QTest::addRow("column past the end") << 2 << 500;
        QTest::addRow("empty line") << 3 << 4;
        QTest::addRow("after a tab") << 4 << 2;
        QTest::addRow("last line") << 5 << 5;
        QTest::addRow("line past the end") << 99 << 3;
    }
    void moves()
    {
        QFETCH(int, line);
        QFETCH(int, column);
        QPlainTextEdit editor;
        editor.setPlainText(kText);
        goToLine(&editor, {line, column});
        QCOMPARE(editor.textCursor().position(), expectedPosition(line, column));
        QVERIFY(!editor.textCursor().hasSelection());
        QCOMPARE(editor.toPlainText(), kText); // moving never edits
    }

    // The dialog as the user sees it: it offers the current line, takes "line:column",
    // and Cancel leaves the cursor alone.
    void dialog_data()
    {
        QTest::addColumn<QString>("typed"); // empty: Cancel
        QTest::addColumn<int>("expected");
        QTest::addRow("line and column") << "4:3" << expectedPosition(4, 3);
        QTest::addRow("line") << "5" << expectedPosition(5, 1);
        QTest::addRow("cancel") << "" << expectedPosition(2, 3);
    }
    void dialog()
    {
        QFETCH(QString, typed);
        QFETCH(int, expected);
        QPlainTextEdit editor;
        editor.setPlainText(kText);
        goToLine(&editor, {2, 3});
        QString offered;
        QTimer::singleShot(0, this, [&] {
            auto *dialog = editor.findChild<QInputDialog *>();
            QVERIFY(dialog);
            offered = dialog->textValue();
            if (typed.isEmpty()) {
                dialog->reject();
            } else {
                dialog->setTextValue(typed);
                dialog->accept();
            }
        });
        askAndGoToLine(&editor);
        QCOMPARE(offered, QStringLiteral("2"));
        QCOMPARE(editor.textCursor().position(), expected);
    }
};

QTEST_MAIN(TestGoToLine)
#include "tst_go_to_line.moc"
