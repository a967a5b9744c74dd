// Find and replace: TextSearch on rows whose expected match is marked in the text itself
// ("|" where the search starts, "[...]" the match it must find), Replace All against the
// expected text written out (and one undo giving back the original exactly), invalid
// regular expressions, ghost text never matched, and the bar as the user drives it.
#include "ui/documents/document.h"
#include "ui/editor/editor.h"
#include "ui/editor/find_bar.h"
#include "ui/editor/ghost_text.h"
#include "ui/editor/text_search.h"
#include "ui/window/main_window.h"

#include <QApplication>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTest>
#include <QTextDocument>
#include <QVBoxLayout>

using namespace inkling;

Q_DECLARE_METATYPE(inkling::SearchOptions)

namespace {

// "ab|c [de]f": the text "abc def", the search starting at 2, the expected match [4, 6).
struct MarkedText
{
    QString text;
    int from = 0;
    int start = -1; // no match expected
    int end = -1;
};

MarkedText parseMarks(const QString &marked)
{
    MarkedText m;
    for (const QChar c : marked) {
        if (c == u'|')
            m.from = int(m.text.size());
        else if (c == u'[')
            m.start = int(m.text.size());
        else if (c == u']')
            m.end = int(m.text.size());
        else
            m.text += c;
    }
    return m;
}

SearchOptions opts(bool caseSensitive, bool wholeWords, bool regularExpression)
{
    return {caseSensitive, wholeWords, regularExpression};
}

// Where the editor's search highlights start, in order.
QList<int> highlightStarts(const Editor &editor)
{
    QList<int> starts;
    for (const QTextEdit::ExtraSelection &s :
         editor.selections(Editor::SelectionLayer::SearchMatches))
        starts.append(s.cursor.selectionStart());
    return starts;
}

// Every case-insensitive occurrence of needle in text (the oracle for highlights).
QList<int> occurrences(const QString &text, const QString &needle)
{
    QList<int> found;
    for (qsizetype i = text.indexOf(needle, 0, Qt::CaseInsensitive); i >= 0;
         i = text.indexOf(needle, i + needle.size(), Qt::CaseInsensitive))
        found.append(int(i));
    return found;
}

// An editor with a Find bar under it, as the main window arranges them.
struct EditorWithBar
{
    QWidget window;
    Editor *editor = new Editor(&window);
    FindBar *bar = new FindBar(&window);

    explicit EditorWithBar(const QString &text)
    {
        auto *layout = new QVBoxLayout(&window);
        layout->addWidget(editor);
        layout->addWidget(bar);
        bar->setEditor(editor);
        editor->setPlainText(text);
        window.resize(600, 400);
        window.show();
    }
};

} // namespace

class TestFindReplace : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void find_data()
    {
        QTest::addColumn<QString>("marked");
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<SearchOptions>("options");
        QTest::addColumn<bool>("backward");
        QTest::addColumn<bool>("wrapped");

        const SearchOptions plain = opts(false, false, false);
        const SearchOptions regex = opts(false, false, true);
        QTest::addRow("plain, any case")
            << "|[The] cat sat on the mat." << "the" << plain << false << false;
        QTest::addRow("plain, from the middle")
            << "The| cat sat on [the] mat." << "the" << plain << false << false;
        QTest::addRow("match case")
            << "|The cat sat on [the] mat." << "the" << opts(true, false, false) << false << false;
        QTest::addRow("plain text is not a pattern")
            << "|axb [a.b]" << "a.b" << plain << false << false;
        QTest::addRow("whole words")
            << "|other then [the] end" << "the" << opts(false, true, false) << false << false;
        QTest::addRow("whole words: underscore joins")
            << "|the_x [the]" << "the" << opts(false, true, false) << false << false;
        QTest::addRow("whole words: accents join")
            << "|théâtre [thé]" << "thé" << opts(false, true, false) << false << false;
        QTest::addRow("CJK") << "|你好，[世界]" << "世界" << plain << false << false;
        QTest::addRow("regex") << "x = 42|; y = [7]" << "\\d+" << regex << false << false;
        QTest::addRow("regex, any case") << "|[ABC]" << "a.c" << regex << false << false;
        QTest::addRow("regex, match case")
            << "|ABC [abc]" << "a.c" << opts(true, false, true) << false << false;
        QTest::addRow("regex, whole words")
            << "|cats [cat]" << "c.t" << opts(false, true, true) << false << false;
        QTest::addRow("regex sees text before the start")
            << "foo|[bar] bar" << "(?<=o)bar" << regex << false << false;
        QTest::addRow("regex: empty matches are skipped")
            << "|ab[xx]c" << "x*" << regex << false << false;
        QTest::addRow("regex: ^ is a line start") << "a|b\n[b]c" << "^b" << regex << false << false;
        QTest::addRow("next line") << "dog|\n\n[cat]" << "cat" << plain << false << false;
        QTest::addRow("wraps to the top") << "[cat] dog |dog" << "cat" << plain << false << true;
        QTest::addRow("wraps onto itself") << "dog [cat]| dog" << "cat" << plain << false << true;
        QTest::addRow("not found") << "|dog" << "cat" << plain << false << false;
        QTest::addRow("backward") << "cat [cat] |cat" << "cat" << plain << true << false;
        QTest::addRow("backward, previous line")
            << "[cat]\ndog |dog" << "cat" << plain << true << false;
        QTest::addRow("backward wraps to the bottom")
            << "|dog cat [cat]" << "cat" << plain << true << true;
        QTest::addRow("backward, matches do not overlap")
            << "[aa]a|" << "aa" << plain << true << false;
        QTest::addRow("backward not found") << "dog|" << "cat" << plain << true << false;
    }
    void find()
    {
        QFETCH(QString, marked);
        QFETCH(QString, pattern);
        QFETCH(SearchOptions, options);
        QFETCH(bool, backward);
        QFETCH(bool, wrapped);

        const MarkedText m = parseMarks(marked);
        QTextDocument document(m.text);
        const TextSearch search(pattern, options);
        QVERIFY(search.isValid());
        const std::optional<SearchMatch> match = search.find(
            &document, m.from, backward ? SearchDirection::Backward : SearchDirection::Forward);
        if (m.start < 0) {
            QVERIFY(!match);
            return;
        }
        QVERIFY(match);
        QCOMPARE(match->start, m.start);
        QCOMPARE(match->end, m.end);
        QCOMPARE(match->wrapped, wrapped);
        QVERIFY(search.matchesExactly(&document, m.start, m.end));
    }

    void replaceAll_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<SearchOptions>("options");
        QTest::addColumn<QString>("replacement");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<int>("count");

        const SearchOptions plain = opts(false, false, false);
        const SearchOptions regex = opts(false, false, true);
        QTest::addRow("plain") << "a cat and a Cat" << "cat" << plain << "dog"
                               << "a dog and a dog" << 2;
        QTest::addRow("match case") << "a cat and a Cat" << "cat" << opts(true, false, false)
                                    << "dog" << "a dog and a Cat" << 1;
        QTest::addRow("whole words") << "cat category cat" << "cat" << opts(false, true, false)
                                     << "dog" << "dog category dog" << 2;
        QTest::addRow("captures \\1") << "John Smith\nJane Doe" << "(\\w+) (\\w+)" << regex
                                      << "\\2, \\1" << "Smith, John\nDoe, Jane" << 2;
        QTest::addRow("captures $1")
            << "2024-01-31" << "(\\d+)-(\\d+)-(\\d+)" << regex << "$3.$2.$1" << "31.01.2024" << 1;
        QTest::addRow("whole match, escaped dollar")
            << "price 5" << "\\d" << regex << "$$\\0" << "price $5" << 1;
        QTest::addRow("absent group is empty") << "ab" << "(a)" << regex << "[\\1\\5]"
                                               << "[a]b" << 1;
        QTest::addRow("line break and tab") << "a,b;c" << "[,;]" << regex << "\\n\\t"
                                            << "a\n\tb\n\tc" << 2;
        QTest::addRow("plain: no references")
            << "a.b axb" << "a.b" << plain << "\\1$1" << "\\1$1 axb" << 1;
        QTest::addRow("replacement holds the pattern") << "aa" << "a" << plain << "aa"
                                                       << "aaaa" << 2;
        QTest::addRow("deletes") << "a-b-c" << "-" << plain << "" << "abc" << 2;
        QTest::addRow("^ on every line") << "x\nx\nyx" << "^x" << regex << "-"
                                         << "-\n-\nyx" << 2;
        QTest::addRow("none") << "abc" << "z" << plain << "y" << "abc" << 0;
    }
    void replaceAll()
    {
        QFETCH(QString, text);
        QFETCH(QString, pattern);
        QFETCH(SearchOptions, options);
        QFETCH(QString, replacement);
        QFETCH(QString, expected);
        QFETCH(int, count);

        QTextDocument document(text);
        document.clearUndoRedoStacks(); // the initial text is an undo step of its own
        QCOMPARE(TextSearch(pattern, options).replaceAll(&document, replacement), count);
        QCOMPARE(document.toPlainText(), expected);
        if (count == 0) {
            QVERIFY(!document.isUndoAvailable());
            return;
        }
        // One undo step: a single undo restores the exact text, and nothing is left.
        document.undo();
        QCOMPARE(document.toPlainText(), text);
        QVERIFY(!document.isUndoAvailable());
        document.redo();
        QCOMPARE(document.toPlainText(), expected);
    }

    void invalidRegex_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addRow("open group") << "a(";
        QTest::addRow("bad class") << "[z-a]";
        QTest::addRow("nothing to repeat") << "*x";
    }
    void invalidRegex()
    {
        QFETCH(QString, pattern);
        QTextDocument document(QStringLiteral("a( [z-a] *x"));
        const TextSearch search(pattern, opts(false, false, true));
        QVERIFY(!search.isValid());
        QVERIFY(!search.errorString().isEmpty());
        QVERIFY(!search.find(&document, 0, SearchDirection::Forward));
        QVERIFY(search.findAll(&document, 0, 0, 10).isEmpty());
        QCOMPARE(TextSearch(pattern, opts(false, false, true)).replaceAll(&document, "y"), 0);
        QCOMPARE(document.toPlainText(), QStringLiteral("a( [z-a] *x"));
        // As plain text the same pattern is found.
        QVERIFY(TextSearch(pattern, opts(false, false, false))
                    .find(&document, 0, SearchDirection::Forward));

        // Typed into the bar: the field says why, nothing is found or highlighted.
        EditorWithBar w(document.toPlainText());
        w.bar->setOptions(opts(false, false, true));
        w.bar->openFind();
        const QPalette normal = w.bar->findField()->palette();
        QTest::keyClicks(w.bar->findField(), pattern);
        QVERIFY(w.bar->findField()->toolTip().contains(search.errorString()));
        QVERIFY(w.bar->findField()->palette().color(QPalette::Base) !=
                normal.color(QPalette::Base));
        QVERIFY(!w.bar->findNext());
        QCOMPARE(w.bar->statusText(), QStringLiteral("Invalid regular expression"));
        QCOMPARE(w.bar->replaceAll(), 0);
        QCoreApplication::processEvents();
        QVERIFY(highlightStarts(*w.editor).isEmpty());
    }

    // The suggestion is drawn in the layout's pre-edit area: neither found nor highlighted.
    void ghostTextIsNotMatched()
    {
        EditorWithBar w(QStringLiteral("Once upon a time there was"));
        GhostText ghost(w.editor);
        const int end = int(w.editor->toPlainText().size());
        ghost.show(end, QStringLiteral(" a zebra crossing"));
        QVERIFY(ghost.isVisible());

        const TextSearch zebra(QStringLiteral("zebra"), {});
        QVERIFY(!zebra.find(w.editor->document(), 0, SearchDirection::Forward));
        QVERIFY(!zebra.find(w.editor->document(), end, SearchDirection::Backward));
        QVERIFY(zebra.findAll(w.editor->document(), 0, 100, 100).isEmpty());
        // The document's own words still are.
        QVERIFY(TextSearch(QStringLiteral("time"), {})
                    .find(w.editor->document(), 0, SearchDirection::Forward));

        w.bar->openFind();
        QTest::keyClicks(w.bar->findField(), QStringLiteral("zebra"));
        QCoreApplication::processEvents();
        QVERIFY(highlightStarts(*w.editor).isEmpty());
        QCOMPARE(w.bar->statusText(), QStringLiteral("Not found"));
        QCOMPARE(w.bar->replaceAll(), 0);
        QCOMPARE(w.editor->toPlainText(), QStringLiteral("Once upon a time there was"));
    }

    // Every match on screen is highlighted, on top of the current line, and follows edits.
    void highlightsFollowTheText()
    {
        const QString text = QStringLiteral("The cat and the Cat.\nA category of cats.");
        EditorWithBar w(text);
        w.bar->openFind();
        QTest::keyClicks(w.bar->findField(), QStringLiteral("cat"));
        QTRY_COMPARE(highlightStarts(*w.editor), occurrences(text, "cat"));
        QCOMPARE(w.editor->extraSelections().size(), occurrences(text, "cat").size() + 1);

        QTextCursor(w.editor->document()).insertText(QStringLiteral("Cat! "));
        QTRY_COMPARE(highlightStarts(*w.editor), occurrences(w.editor->toPlainText(), "cat"));

        w.bar->dismiss();
        QVERIFY(highlightStarts(*w.editor).isEmpty());
        QCOMPARE(w.editor->extraSelections().size(), 1); // the current line stays
    }

    // A long document: only the lines on screen are searched for highlights.
    void highlightsAreBounded()
    {
        EditorWithBar w(QStringLiteral("the cat sat\n").repeated(30000)); // 360 KB
        w.bar->openFind();
        QTest::keyClicks(w.bar->findField(), QStringLiteral("cat"));
        QTRY_VERIFY(!highlightStarts(*w.editor).isEmpty());
        const QList<int> starts = highlightStarts(*w.editor);
        QVERIFY2(starts.size() < 200, qPrintable(QString::number(starts.size())));
        for (int start : starts)
            QCOMPARE(w.editor->document()->characterAt(start), QChar(u'c'));
    }

    // Replace replaces the selected match and selects the next one; undo takes one back.
    void replaceCurrentMatch()
    {
        EditorWithBar w(QStringLiteral("one two one"));
        w.bar->openReplace();
        QTest::keyClicks(w.bar->findField(), QStringLiteral("one"));
        QTest::keyClicks(w.bar->replaceField(), QStringLiteral("1"));
        QCOMPARE(w.editor->textCursor().selectedText(), QStringLiteral("one")); // as typed
        QTest::keyClick(w.bar->replaceField(), Qt::Key_Return);
        QCOMPARE(w.editor->toPlainText(), QStringLiteral("1 two one"));
        QCOMPARE(w.editor->textCursor().selectionStart(), 6);
        w.bar->replace();
        QCOMPARE(w.editor->toPlainText(), QStringLiteral("1 two 1"));
        QCOMPARE(w.bar->statusText(), QStringLiteral("Not found"));
        w.editor->undo();
        QCOMPARE(w.editor->toPlainText(), QStringLiteral("1 two one"));
    }

    // The keys as a user presses them in the main window.
    void keysOpenAndCloseTheBar()
    {
        MainWindow window;
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        Editor *editor = window.editor();
        FindBar *bar = window.findBar();
        editor->setPlainText(QStringLiteral("one two one"));
        QTextCursor cursor = editor->textCursor();
        cursor.setPosition(1); // inside the first "one"
        editor->setTextCursor(cursor);
        editor->setFocus();

        QTest::keyClick(editor, Qt::Key_F, Qt::ControlModifier);
        QVERIFY(bar->isVisible());
        QCOMPARE(bar->findField()->text(), QStringLiteral("one"));
        QCOMPARE(QApplication::focusWidget(), bar->findField());
        QVERIFY(!bar->replaceField()->isVisible());

        QTest::keyClick(bar->findField(), Qt::Key_Return); // the next one after the cursor
        QCOMPARE(editor->textCursor().selectionStart(), 8);
        QTest::keyClick(bar->findField(), Qt::Key_F3);
        QCOMPARE(editor->textCursor().selectionStart(), 0);
        QCOMPARE(bar->statusText(), QStringLiteral("Search wrapped to the top"));
        QTest::keyClick(bar->findField(), Qt::Key_F3, Qt::ShiftModifier);
        QCOMPARE(editor->textCursor().selectionStart(), 8);
        QCOMPARE(bar->statusText(), QStringLiteral("Search wrapped to the bottom"));

        QTest::keyClick(bar->findField(), Qt::Key_Escape);
        QVERIFY(!bar->isVisible());
        QCOMPARE(QApplication::focusWidget(), editor);

        // F3 without the bar searches on; Ctrl+R brings the replace row.
        QTest::keyClick(editor, Qt::Key_F3);
        QCOMPARE(editor->textCursor().selectionStart(), 0);
        const QList<QKeySequence> platform = QKeySequence::keyBindings(QKeySequence::Replace);
        QTest::keySequence(editor, platform.value(0, QKeySequence(Qt::CTRL | Qt::Key_R)));
        QVERIFY(bar->isVisible());
        QVERIFY(bar->replaceField()->isVisible());
        QCOMPARE(QApplication::focusWidget(), bar->findField());
        QTest::keyClick(bar->replaceField(), Qt::Key_Escape);
        QVERIFY(!bar->isVisible());
        QCOMPARE(QApplication::focusWidget(), editor);

        // Another tab: the bar searches the new current document.
        Document *second = window.newDocument();
        QCOMPARE(bar->editor(), second->editor());
    }
};

QTEST_MAIN(TestFindReplace)
#include "tst_find_replace.moc"
