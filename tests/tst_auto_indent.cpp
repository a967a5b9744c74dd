// Auto-indentation in code: the unit detected from a document, the indentation after a
// line per language (expected indentation written out in each row), and Return and
// closing brackets typed into the editor, which prose leaves alone.
#include "ui/editor/auto_indent.h"
#include "ui/editor/editor.h"
#include "ui/editor/syntax_repository.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>

#include <QTest>

using namespace inkling;

Q_DECLARE_METATYPE(inkling::IndentLanguage)

class TestAutoIndent : public QObject
{
    Q_OBJECT

private slots:
    void detectUnit_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("tabs");
        QTest::addColumn<int>("width");
        QTest::addRow("nothing indented") << "a\nb\n" << false << 4;
        QTest::addRow("two spaces") << "if x:\n  y\n  if z:\n    w\nv\n" << false << 2;
        QTest::addRow("four spaces") << "f() {\n    a;\n    if (b) {\n        c;\n    }\n}\n"
                                     << false << 4;
        QTest::addRow("tabs") << "f() {\n\ta;\n\tif (b) {\n\t\tc;\n\t}\n}\n" << true << 4;
        QTest::addRow("three spaces, a blank line between") << "a:\n   b\n\n   c:\n      d\n"
                                                            << false << 3;
        QTest::addRow("mostly spaces, one tab") << "a\n  b\n  c\n\td\n" << false << 2;
    }
    void detectUnit()
    {
        QFETCH(QString, text);
        QFETCH(bool, tabs);
        QFETCH(int, width);
        const IndentUnit unit = detectIndentUnit(text.split(u'\n'));
        QCOMPARE(unit.tabs, tabs);
        if (!tabs)
            QCOMPARE(unit.width, width);
    }

    void indentationAfter_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<IndentLanguage>("language");
        QTest::addColumn<QString>("unit"); // "\t" or spaces
        QTest::addColumn<QString>("expected");
        const auto py = IndentLanguage::Python;
        const auto c = IndentLanguage::CLike;
        const auto prose = IndentLanguage::None;
        QTest::addRow("python colon") << "def f():" << py << "    " << "    ";
        QTest::addRow("python colon, comment") << "  if x:  # why" << py << "  " << "    ";
        QTest::addRow("python plain line keeps") << "    x = 1" << py << "    " << "    ";
        QTest::addRow("python colon in a string") << "x = 'a:'" << py << "    " << "";
        QTest::addRow("python open paren") << "foo(a," << py << "    " << "    ";
        QTest::addRow("python dict literal closed") << "d = {1: 2}" << py << "    " << "";
        QTest::addRow("c brace") << "int f() {" << c << "    " << "    ";
        QTest::addRow("c brace with tabs") << "\tif (x) {" << c << "\t" << "\t\t";
        QTest::addRow("c else") << "    } else {" << c << "    " << "        ";
        QTest::addRow("c closed braces") << "  a = {1, 2};" << c << "  " << "  ";
        QTest::addRow("c open paren") << "call(first," << c << "  " << "  ";
        QTest::addRow("c open bracket") << "let v = [" << c << "    " << "    ";
        QTest::addRow("c brace in a comment") << "x; // {" << c << "    " << "";
        QTest::addRow("c brace in a string") << "s = \"{\";" << c << "    " << "";
        QTest::addRow("c colon means nothing") << "case 1:" << c << "    " << "";
        QTest::addRow("prose keeps") << "  Dear Sir: {" << prose << "    " << "  ";
    }
    void indentationAfter()
    {
        QFETCH(QString, line);
        QFETCH(IndentLanguage, language);
        QFETCH(QString, unit);
        QFETCH(QString, expected);
        const IndentUnit u{.tabs = unit == u"\t", .width = int(unit.size())};
        QCOMPARE(inkling::indentationAfter(line, language, u), expected);
    }

    void dedent_data()
    {
        QTest::addColumn<QString>("indentation");
        QTest::addColumn<QString>("unit");
        QTest::addColumn<QString>("expected");
        QTest::addRow("four spaces") << "        " << "    " << "    ";
        QTest::addRow("tab") << "\t\t" << "\t" << "\t";
        QTest::addRow("fewer spaces than a unit") << "  " << "    " << "";
        QTest::addRow("nothing") << "" << "    " << "";
    }
    void dedent()
    {
        QFETCH(QString, indentation);
        QFETCH(QString, unit);
        QFETCH(QString, expected);
        const IndentUnit u{.tabs = unit == u"\t", .width = int(unit.size())};
        QCOMPARE(dedented(indentation, u), expected);
    }

    void languageOfDefinition_data()
    {
        QTest::addColumn<QString>("definition");
        QTest::addColumn<IndentLanguage>("language");
        QTest::addRow("Python") << "Python" << IndentLanguage::Python;
        QTest::addRow("C++") << "C++" << IndentLanguage::CLike;
        QTest::addRow("Rust") << "Rust" << IndentLanguage::CLike;
        QTest::addRow("Go") << "Go" << IndentLanguage::CLike;
        QTest::addRow("JavaScript") << "JavaScript" << IndentLanguage::CLike;
        QTest::addRow("Markdown") << "Markdown" << IndentLanguage::None;
        QTest::addRow("no highlighting") << "" << IndentLanguage::None;
    }
    void languageOfDefinition()
    {
        QFETCH(QString, definition);
        QFETCH(IndentLanguage, language);
        const KSyntaxHighlighting::Definition d = syntaxRepository().definitionForName(definition);
        QCOMPARE(d.isValid(), !definition.isEmpty());
        QCOMPARE(indentLanguageFor(d.name(), d.section()), language);
    }

    // Typed into the editor: `typed` after `text`, with the cursor at the end; "\n" is
    // Return. The document's own indentation decides the unit.
    void typing_data()
    {
        QTest::addColumn<QString>("definition");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("expected");
        QTest::addRow("python colon") << "Python" << "def f():" << "\nx" << "def f():\n    x";
        QTest::addRow("python two-space document")
            << "Python" << "if a:\n  b\n  if c:" << "\nd" << "if a:\n  b\n  if c:\n    d";
        QTest::addRow("python keeps indentation")
            << "Python" << "def f():\n    x = 1" << "\ny" << "def f():\n    x = 1\n    y";
        QTest::addRow("c brace and closing brace dedent")
            << "C++" << "int f() {" << "\nreturn 0;\n}" << "int f() {\n    return 0;\n}";
        QTest::addRow("c tabs detected") << "C" << "void f() {\n\tif (x) {" << "\ny;\n}"
                                         << "void f() {\n\tif (x) {\n\t\ty;\n\t}";
        QTest::addRow("c open paren, closing paren dedent")
            << "C++" << "call(" << "\na,\n)" << "call(\n    a,\n)";
        QTest::addRow("rust open bracket")
            << "Rust" << "let v = [" << "\n1,\n]" << "let v = [\n    1,\n]";
        QTest::addRow("closing brace after text stays")
            << "C++" << "  {" << "\nx}" << "  {\n    x}";
        QTest::addRow("blank line keeps no spaces behind")
            << "Python" << "def f():" << "\n\nx" << "def f():\n\n    x";
        QTest::addRow("markdown plain return")
            << "Markdown" << "    code:" << "\nx" << "    code:\nx";
        QTest::addRow("plain text plain return") << "" << "  {" << "\n}" << "  {\n}";
    }
    void typing()
    {
        QFETCH(QString, definition);
        QFETCH(QString, text);
        QFETCH(QString, typed);
        QFETCH(QString, expected);
        Editor editor;
        editor.setDefinition(syntaxRepository().definitionForName(definition));
        editor.setPlainText(text);
        editor.moveCursor(QTextCursor::End);
        for (const QChar ch : typed) {
            if (ch == u'\n')
                QTest::keyClick(&editor, Qt::Key_Return);
            else
                QTest::keyClicks(&editor, QString(ch));
        }
        QCOMPARE(editor.toPlainText(), expected);
    }

    // Return with a selection replaces it; Return and its indentation undo as one step.
    void selectionAndUndo()
    {
        Editor editor;
        editor.setDefinition(syntaxRepository().definitionForName(QStringLiteral("Python")));
        editor.setPlainText(QStringLiteral("def f(): pass"));
        QTextCursor c = editor.textCursor();
        c.setPosition(8);
        c.setPosition(13, QTextCursor::KeepAnchor); // " pass"
        editor.setTextCursor(c);
        QTest::keyClick(&editor, Qt::Key_Return);
        QCOMPARE(editor.toPlainText(), QStringLiteral("def f():\n    "));
        editor.undo();
        QCOMPARE(editor.toPlainText(), QStringLiteral("def f(): pass"));
    }

    // Text inserted through a cursor (an accepted multi-line suggestion) is kept as is.
    void insertedTextIsNotReindented()
    {
        Editor editor;
        editor.setDefinition(syntaxRepository().definitionForName(QStringLiteral("Python")));
        editor.setPlainText(QStringLiteral("def f():"));
        editor.moveCursor(QTextCursor::End);
        const QString accepted = QStringLiteral("\n  return [\n1]\n");
        editor.textCursor().insertText(accepted);
        QCOMPARE(editor.toPlainText(), QStringLiteral("def f():") + accepted);
    }
};

QTEST_MAIN(TestAutoIndent)
#include "tst_auto_indent.moc"
